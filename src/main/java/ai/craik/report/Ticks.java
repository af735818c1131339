package ai.craik.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Nice" tick values (1, 2 or 5 times a power of ten) and their labels, for {@link HeatMap}. */
final class Ticks {
  private Ticks() {}

  /** Tick step for [lo, hi] with at most about {@code maxCount} ticks: 1, 2 or 5 x 10^k. */
  static double step(double lo, double hi, int maxCount) {
    double raw = (hi - lo) / Math.max(1, maxCount);
    double mag = StrictMath.pow(10, Math.floor(StrictMath.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * mag >= raw * (1 - 1e-9)) {
        return m * mag;
      }
    }
    return 10 * mag;
  }

  /** Multiples of {@link #step} inside [lo, hi] (ends included up to rounding). */
  static List<Double> nice(double lo, double hi, int maxCount) {
    double step = step(lo, hi, maxCount);
    List<Double> out = new ArrayList<>();
    long first = (long) Math.ceil(lo / step - 1e-9);
    long last = (long) Math.floor(hi / step + 1e-9);
    // k * m / 10^d rounds once, so 3 x 0.2 gives 0.6 rather than 0.6000000000000001
    int e = (int) Math.floor(StrictMath.log10(step) + 1e-9);
    double m = Math.rint(step / StrictMath.pow(10, e));
    for (long k = first; k <= last; k++) {
      out.add(e >= 0 ? k * m * StrictMath.pow(10, e) : k * m / StrictMath.pow(10, -e));
    }
    return out;
  }

  /** Label for a tick at {@code v} on a grid of {@code step}: just enough decimals, no "-0". */
  static String label(double v, double step) {
    if (Math.abs(v) >= 1e6 || step < 1e-4) {
      return compact(v);
    }
    int decimals = (int) Math.max(0, -Math.floor(StrictMath.log10(step) + 1e-9));
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
  }

  /**
   * {@code v} shown to a thousandth of {@code range}, trailing zeros dropped: with range 8.6 the
   * value 4.95e-6 reads "0" and 5.000005 reads "5". For labels that are not on a round grid.
   */
  static String withinRange(double v, double range) {
    if (Math.abs(v) >= 1e6 || range >= 1e6 || range <= 0) {
      return compact(v);
    }
    int decimals = (int) Math.max(0, 3 - Math.floor(StrictMath.log10(range)));
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s.equals("-0") ? "0" : s;
  }

  /** Three significant digits, trailing zeros dropped: 0, 1.5, 120, 1.23e+07. */
  static String compact(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e6) {
      String s = String.format(Locale.ROOT, "%.3g", v);
      if (s.contains(".") && !s.contains("e")) {
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
      }
      return s;
    }
    return String.format(Locale.ROOT, "%.2e", v);
  }
}
