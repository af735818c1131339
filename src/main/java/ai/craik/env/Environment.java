package ai.craik.env;

/**
 * An environment an agent acts in: reset from a seeded task, step with an action, observe pixels,
 * read the true state (for probes and evaluation only, never for the agent).
 *
 * @param <T> the task type that sets up an episode
 */
public interface Environment<T> {
  /** Starts an episode of {@code task}; the dot, layout and any noise stream come from the task. */
  void reset(T task);

  /** Applies one action [actionDim] and returns the step's outcome. */
  StepOutcome step(float[] action);

  /** The current observation as uint8 [C, H, W] (row = y, column = x). */
  byte[] observation();

  /** The true state (for Two Rooms the position (x, y) in world units). */
  double[] state();

  /** Length of an action vector. */
  int actionDim();

  /** Observation shape {C, H, W}. */
  int[] observationShape();
}
