package ai.craik.jepa;

import ai.craik.nn.LossTerms;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * An anti-collapse term computed from the encoded latents of trajectory windows and the actions
 * between them: R(S, A) for S [B, L, D] and A [B, L - 1, A], where action t moves frame t to t + 1.
 *
 * <p>The batch terms of {@link ai.craik.ssl} (VICReg's variance and covariance, SIGReg) see the
 * frames as one batch through {@link FrameRegularizer}; {@link TemporalSimilarity} and
 * {@link InverseDynamics} use the order of the frames and the actions. {@link RegularizerSet} adds
 * them with weights. Contract: {@code total} is a differentiable scalar; temporaries are created in
 * the latents' manager. A term with trainable parameters (the inverse-dynamics head) exposes them
 * so the trainer gives them their own optimizer.
 */
public interface LatentRegularizer {
  /**
   * The term for latents [B, L, D] and actions [B, L - 1, A]; any randomness (SIGReg's directions)
   * is drawn on the host from {@code rng}.
   */
  LossTerms apply(NDArray latents, NDArray actions, SplittableRandom rng);

  /** The term's own trainable parameters, if it has any. */
  default Optional<Parameters> parameters() {
    return Optional.empty();
  }
}
