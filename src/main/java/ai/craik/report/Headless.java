package ai.craik.report;

/**
 * Makes AWT run without a display. Figures draw into in-memory images only, so a report can be made
 * on a server or in CI. The property is set only when nobody chose a value, and it must be set before
 * AWT first looks at it, hence the call at the top of every figure builder.
 */
final class Headless {
  private Headless() {}

  static void ensure() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
