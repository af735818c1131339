package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.LossTerms;
import ai.craik.ssl.Regularizer;
import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * A batch regularizer of {@link ai.craik.ssl} applied to every encoded frame of the windows as one
 * batch:
 *
 * <pre>
 *   R_frames(S) = R(reshape(S, [B L, D]))
 * </pre>
 *
 * <p>Shapes: latents [B, L, D] (actions unused) to the scalar of {@code regularizer} on [B L, D].
 * Choice: all B L frames form one batch, as in eb_jepa's Two Rooms configuration
 * ({@code first_t_only: false}); frames of one window are correlated, so B L overstates the number
 * of independent samples, but every frame the predictor is trained against is kept spread. The
 * alternative, one batch per time step averaged over steps, costs L small covariance matrices
 * instead of one. Used with {@link ai.craik.ssl.VarianceHinge},
 * {@link ai.craik.ssl.OffDiagonalCovariance} and {@link ai.craik.ssl.SigReg}.
 *
 * @param regularizer the batch term on [N, D]
 */
public record FrameRegularizer(Regularizer regularizer) implements LatentRegularizer {
  public FrameRegularizer {
    Checks.arg(regularizer != null, "FrameRegularizer needs a batch regularizer");
  }

  @Override
  public LossTerms apply(NDArray latents, NDArray actions, SplittableRandom rng) {
    Checks.arg(latents.getShape().dimension() == 3,
        "FrameRegularizer expects latents [B, L, D], got %s", latents.getShape());
    long d = latents.getShape().get(2);
    return regularizer.apply(latents.reshape(-1, d), rng); // [B L, D]
  }
}
