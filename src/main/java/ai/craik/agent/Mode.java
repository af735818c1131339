package ai.craik.agent;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the actor chooses actions: Mode-1 (the reactive policy alone), Mode-2 (model-predictive
 * planning through the world model), or auto (Mode-1 while it is confident, else Mode-2; see
 * {@link ActorSettings#margin}).
 */
public enum Mode {
  MODE1("1"),
  MODE2("2"),
  AUTO("auto");

  private final String label;

  Mode(String label) {
    this.label = label;
  }

  /** The name on the command line and in configs: 1, 2 or auto. */
  public String label() {
    return label;
  }

  /** The key of this mode in summary.json: mode1, mode2 or auto. */
  public String key() {
    return this == AUTO ? "auto" : "mode" + label;
  }

  /** The mode named {@code text} (1, 2 or auto; mode1 and mode2 too). */
  public static Mode parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (Mode m : values()) {
      if (m.label.equals(t) || m.key().equals(t)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown mode '" + text + "'; use one of "
        + Arrays.stream(values()).map(Mode::label).toList());
  }
}
