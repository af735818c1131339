package ai.craik.engine;

import java.util.SplittableRandom;

/**
 * Random numbers drawn on the host from an explicit stream, so results do not depend on the engine's
 * global generator or on the order of engine ops.
 */
public final class HostRandom {
  private HostRandom() {}

  /** {@code n} standard normal samples (Box–Muller on two uniforms). */
  public static float[] normal(SplittableRandom rng, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i += 2) {
      double u1 = 1.0 - rng.nextDouble(); // (0, 1]: log stays finite
      double u2 = rng.nextDouble();
      double r = Math.sqrt(-2.0 * StrictMath.log(u1));
      out[i] = (float) (r * StrictMath.cos(2 * Math.PI * u2));
      if (i + 1 < n) {
        out[i + 1] = (float) (r * StrictMath.sin(2 * Math.PI * u2));
      }
    }
    return out;
  }

  /** {@code n} samples uniform in [lo, hi). */
  public static float[] uniform(SplittableRandom rng, int n, double lo, double hi) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (lo + (hi - lo) * rng.nextDouble());
    }
    return out;
  }
}
