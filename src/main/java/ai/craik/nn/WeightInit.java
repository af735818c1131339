package ai.craik.nn;

import ai.craik.config.Checks;
import java.util.SplittableRandom;

/**
 * Uniform weight initializations U(-bound, bound), drawn on the host from an explicit stream so
 * that the same stream gives the same network on any engine and thread count.
 *
 * <ul>
 *   <li>{@link #GLOROT_UNIFORM}: bound = sqrt(6 / (fan_in + fan_out)) (Glorot and Bengio, AISTATS
 *       2010), for layers followed by a roughly linear or symmetric activation.
 *   <li>{@link #HE_UNIFORM}: bound = sqrt(6 / fan_in) (He et al., "Delving Deep into Rectifiers",
 *       ICCV 2015, arXiv:1502.01852): keeps the second moment through ReLU layers.
 *   <li>{@link #FAN_IN_UNIFORM}: bound = 1 / sqrt(fan_in), PyTorch's default for {@code nn.Linear},
 *       {@code nn.Conv2d} (kaiming_uniform with a = sqrt(5)) and {@code nn.GRU} (with fan_in = H).
 * </ul>
 *
 * <p>For a convolution fan_in = C_in k^2 and fan_out = C_out k^2.
 */
public enum WeightInit {
  GLOROT_UNIFORM,
  HE_UNIFORM,
  FAN_IN_UNIFORM;

  /** The half-width of the uniform distribution. */
  public double bound(long fanIn, long fanOut) {
    Checks.arg(fanIn > 0 && fanOut > 0, "fan_in=%s and fan_out=%s must be positive", fanIn, fanOut);
    return switch (this) {
      case GLOROT_UNIFORM -> Math.sqrt(6.0 / (fanIn + fanOut));
      case HE_UNIFORM -> Math.sqrt(6.0 / fanIn);
      case FAN_IN_UNIFORM -> 1.0 / Math.sqrt(fanIn);
    };
  }

  /** {@code n} values U(-bound, bound) in draw order (row-major for the caller's shape). */
  public float[] draw(int n, long fanIn, long fanOut, SplittableRandom rng) {
    double bound = bound(fanIn, fanOut);
    float[] w = new float[n];
    for (int k = 0; k < n; k++) {
      w[k] = (float) ((rng.nextDouble() * 2 - 1) * bound);
    }
    return w;
  }
}
