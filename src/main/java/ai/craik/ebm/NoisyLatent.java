package ai.craik.ebm;

import ai.craik.config.Checks;
import ai.craik.engine.HostRandom;
import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * Latent-capacity regularization by additive noise: during training the decoder sees
 *
 * <pre>
 *   z_noisy = z + sigma eps,    eps ~ N(0, I), same shape as z, drawn on the host
 * </pre>
 *
 * <p>Noise bounds how much information z can carry about y (as in a noisy channel, or the noise of
 * a VAE's posterior), so the latent cannot make every y low-energy. The result is differentiable in
 * z (eps is a constant). The stream is advanced by z.size() normal draws for every call, also when
 * sigma = 0, so changing sigma does not shift later draws. Reference: LeCun, "A Path Towards
 * Autonomous Machine Intelligence" (2022), regularized latent-variable EBMs.
 *
 * @param sigma noise standard deviation, finite and &gt;= 0
 */
public record NoisyLatent(double sigma) {
  public NoisyLatent {
    Checks.arg(Double.isFinite(sigma) && sigma >= 0,
        "latent noise sigma=%s must be finite and >= 0 (0 turns the noise off)", sigma);
  }

  /** z + sigma eps, same shape, type and manager as z. */
  public NDArray apply(NDArray z, SplittableRandom rng) {
    Checks.arg(z != null, "latent z is null");
    Checks.arg(rng != null,
        "random stream is null; pass e.g. RandomStreams.stream(\"latent-noise\")");
    float[] eps = HostRandom.normal(rng, Math.toIntExact(z.size()));
    for (int i = 0; i < eps.length; i++) {
      eps[i] = (float) (sigma * eps[i]);
    }
    NDArray noise = z.getManager().create(eps, z.getShape()).toType(z.getDataType(), false);
    return z.add(noise);
  }
}
