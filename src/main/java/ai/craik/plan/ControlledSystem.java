package ai.craik.plan;

/**
 * What model-predictive control acts on: observe the current observation, apply one action and
 * observe the next. An environment episode, a robot, or a test fake; the Two Rooms evaluation wraps
 * {@link ai.craik.env.Environment} (its {@code step} and {@code observation}) in it.
 *
 * @param <O> the observation type (pixels, a state vector, or a record with both)
 */
public interface ControlledSystem<O> {
  /** The current observation. */
  O observe();

  /** Applies one action [A] and returns the observation after it. */
  O act(float[] action);
}
