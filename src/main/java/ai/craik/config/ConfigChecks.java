package ai.craik.config;

import java.util.List;

/** Range checks for config records; each throws {@link ConfigValueException} naming the key. */
public final class ConfigChecks {
  private ConfigChecks() {}

  /** Requires {@code value >= min}. */
  public static void atLeast(String key, long value, long min) {
    if (value < min) {
      throw new ConfigValueException(key, value, "must be at least " + min);
    }
  }

  /** Requires {@code min <= value <= max}. */
  public static void inRange(String key, long value, long min, long max) {
    if (value < min || value > max) {
      throw new ConfigValueException(key, value, "must be in " + min + ".." + max);
    }
  }

  /** Requires a finite {@code value > 0}. */
  public static void positive(String key, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new ConfigValueException(key, value, "must be a finite number > 0");
    }
  }

  /** Requires a finite {@code value >= 0}. */
  public static void nonNegative(String key, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new ConfigValueException(key, value, "must be a finite number >= 0");
    }
  }

  /** Requires {@code min <= value <= max} (finite). */
  public static void inRange(String key, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new ConfigValueException(key, value, "must be in [" + min + ", " + max + "]");
    }
  }

  /** Requires {@code value} to be one of {@code choices}. */
  public static void oneOf(String key, String value, List<String> choices) {
    if (!choices.contains(value)) {
      throw new ConfigValueException(key, "'" + value + "'", "use one of " + choices);
    }
  }

  /** Requires a list of exactly {@code size} entries. */
  public static void size(String key, List<?> value, int size) {
    if (value == null || value.size() != size) {
      throw new ConfigValueException(key, value, "must be a list of " + size + " numbers");
    }
  }

  /** Requires a non-empty list. */
  public static void nonEmpty(String key, List<?> value) {
    if (value == null || value.isEmpty()) {
      throw new ConfigValueException(key, value, "must be a non-empty list");
    }
  }
}
