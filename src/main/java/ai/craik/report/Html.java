package ai.craik.report;

import java.util.Locale;

/** HTML text escaping and value formatting for {@link RunReport}. */
final class Html {
  private Html() {}

  /** Escapes &amp;, &lt;, &gt;, " and ' so any text is safe in element content and attributes. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * A value as table text (not yet escaped): null as an em dash, whole numbers without decimals,
   * other floating-point numbers with 5 significant digits, anything else by {@code toString}.
   */
  static String format(Object value) {
    if (value == null) {
      return "\u2014";
    }
    if (value instanceof Double || value instanceof Float) {
      double v = ((Number) value).doubleValue();
      if (!Double.isFinite(v)) {
        return Double.toString(v);
      }
      if (v == Math.rint(v) && Math.abs(v) < 1e15) {
        return Long.toString((long) v);
      }
      double a = Math.abs(v);
      if (a < 1e-4 || a >= 1e6) {
        return String.format(Locale.ROOT, "%.4e", v);
      }
      String s = String.format(Locale.ROOT, "%.5g", v);
      return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
    return String.valueOf(value);
  }
}
