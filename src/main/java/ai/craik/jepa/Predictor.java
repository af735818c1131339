package ai.craik.jepa;

import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;

/**
 * The world model's dynamics: the next latent state from the current one and an encoded action,
 * s_{t+1} = Pred(s_t, u_t).
 *
 * <p>Shapes: s [B, D], u [B, U] to [B, D]. A predictor whose outputs must live in the encoder's
 * latent space applies the same final normalization as the encoder (see the implementations).
 */
public interface Predictor {
  /** The next latents [B, D]. */
  NDArray next(NDArray state, NDArray encodedAction);

  /** The trainable parameters (may be empty). */
  Parameters parameters();
}
