package ai.craik.jepa;

import ai.craik.config.ConfigChecks;
import ai.craik.config.ConfigValueException;
import java.util.List;

/** Checks and conversion of layer-width lists in the model configs. */
final class ConfigWidths {
  private ConfigWidths() {}

  /** Requires a list of widths in 1..65536, non-empty unless {@code mayBeEmpty}. */
  static void check(String key, List<Integer> widths, boolean mayBeEmpty) {
    if (widths == null) {
      throw new ConfigValueException(key, null, "must be a list of layer widths");
    }
    if (!mayBeEmpty) {
      ConfigChecks.nonEmpty(key, widths);
    }
    for (Integer w : widths) {
      if (w == null) {
        throw new ConfigValueException(key, widths, "must not contain empty entries");
      }
      ConfigChecks.inRange(key, w, 1, 1 << 16);
    }
  }

  static int[] toArray(List<Integer> widths) {
    return widths.stream().mapToInt(Integer::intValue).toArray();
  }
}
