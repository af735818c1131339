package ai.craik.config;

import java.util.Locale;

/**
 * Precondition checks that say whose fault a failure is.
 *
 * <ul>
 *   <li>{@link #arg} — the caller passed a bad argument ({@link IllegalArgumentException});
 *   <li>{@link #state} — an object is used in the wrong state ({@link IllegalStateException});
 *   <li>{@link #verify} — Craik broke one of its own invariants ({@link AssertionError}).
 * </ul>
 *
 * <p>Message templates use {@link String#format} and are formatted only when the check fails, so a
 * check on a hot path costs a branch. Messages should name the value, where it came from and the fix.
 */
public final class Checks {
  private Checks() {}

  /** Throws {@link IllegalArgumentException} with the formatted message unless {@code ok}. */
  public static void arg(boolean ok, String template, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(format(template, args));
    }
  }

  /** Throws {@link IllegalStateException} with the formatted message unless {@code ok}. */
  public static void state(boolean ok, String template, Object... args) {
    if (!ok) {
      throw new IllegalStateException(format(template, args));
    }
  }

  /** Throws {@link AssertionError} (a Craik bug) with the formatted message unless {@code ok}. */
  public static void verify(boolean ok, String template, Object... args) {
    if (!ok) {
      throw new AssertionError("internal error (please report): " + format(template, args));
    }
  }

  private static String format(String template, Object... args) {
    return args.length == 0 ? template : String.format(Locale.ROOT, template, args);
  }
}
