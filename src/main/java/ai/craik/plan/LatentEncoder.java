package ai.craik.plan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Perception for model-predictive control: an observation to its start latent s_0 [D] or [1, D],
 * created in {@code scope} (a child manager closed after the re-plan). Called with grad mode off.
 * For a JEPA: build the observation tensor in the scope and call {@code jepa.encode}.
 *
 * @param <O> the observation type
 */
@FunctionalInterface
public interface LatentEncoder<O> {
  /** The latent [D] or [1, D] of {@code observation}, in {@code scope}. */
  NDArray encode(O observation, NDManager scope);
}
