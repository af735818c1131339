package ai.craik.jepa;

import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;

/**
 * Perception: maps observations to latent states, s = Enc(o).
 *
 * <p>Shapes: observations [B, C, H, W] (float, scaled as the data source documents) to latents
 * [B, D]. Implementations own their parameters in a {@link Parameters} so the trainer can clip and
 * checkpoint them as one module.
 */
public interface Encoder {
  /** Latents [B, D] of observations [B, C, H, W]. */
  NDArray encode(NDArray observations);

  /** The latent size D. */
  int latentDim();

  /**
   * The trailing part of the latent that is fixed context, not learned ({@link ContextEncoder}):
   * regularizers and the prediction cost see only the first D − contextDim() values; 0 here.
   */
  default int contextDim() {
    return 0;
  }

  /** The encoder's trainable parameters. */
  Parameters parameters();
}
