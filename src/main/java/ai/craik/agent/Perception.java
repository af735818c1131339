package ai.craik.agent;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.craik.plan.LatentEncoder;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * The perception module: estimates the current latent state s_t [D] from the latest observation
 * by the world model's encoder (a JEPA sees one frame: the Two Rooms frame holds the dot and the
 * walls, so the last observation is the state). Runs with grad mode off.
 *
 * @param <O> the observation type
 */
public final class Perception<O> {
  private final LatentEncoder<O> encoder;
  private final int latentDim;

  /** Perception by {@code encoder}, whose latents have {@code latentDim} values. */
  public Perception(LatentEncoder<O> encoder, int latentDim) {
    Checks.arg(encoder != null, "perception needs an encoder, got null");
    Checks.arg(latentDim >= 1, "perception latent size %s must be >= 1", latentDim);
    this.encoder = encoder;
    this.latentDim = latentDim;
  }

  /** The latent size D. */
  public int latentDim() {
    return latentDim;
  }

  /** The state s [D] of {@code observation}, in {@code scope}. */
  public NDArray perceive(O observation, NDManager scope) {
    NDArray s = GradMode.disabled(() -> encoder.encode(observation, scope)).reshape(latentDim);
    return s;
  }

  /** The state s [D] of {@code observation} on the host. */
  public float[] latent(O observation, NDManager manager) {
    try (NDManager scope = manager.newSubManager()) {
      return perceive(observation, scope).toType(DataType.FLOAT32, false).toFloatArray();
    }
  }
}
