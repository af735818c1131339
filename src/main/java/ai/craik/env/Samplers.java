package ai.craik.env;

import ai.craik.config.Checks;
import java.util.SplittableRandom;

/**
 * Random variates the exploration policy needs, drawn from an explicit stream.
 *
 * <ul>
 *   <li>{@link #vonMises}: the circular normal VM(μ, κ), density ∝ exp(κ cos(θ − μ)) on (−π, π],
 *       by the rejection algorithm of Best and Fisher, "Efficient simulation of the von Mises
 *       distribution", Applied Statistics 28(2), 1979. E[cos(θ − μ)] = I1(κ)/I0(κ).
 *   <li>{@link #truncatedNormal}: N(μ, σ²) conditioned on [lo, hi], by rejection from the normal
 *       (efficient when the interval holds most of the mass, as the exploration step does) with a
 *       uniform-proposal fallback for narrow intervals far in the tails.
 * </ul>
 */
public final class Samplers {
  private Samplers() {}

  /** One standard normal variate (Box–Muller, one of the pair). */
  public static double normal(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble(); // (0, 1]
    double u2 = rng.nextDouble();
    return Math.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }

  /** One draw of VM(mu, kappa) in (−π, π] around mu; kappa = 0 gives the uniform circle. */
  public static double vonMises(SplittableRandom rng, double mu, double kappa) {
    Checks.arg(kappa >= 0 && Double.isFinite(kappa), "von Mises kappa=%s must be finite and >= 0",
        kappa);
    if (kappa < 1e-8) {
      return wrap(mu + Math.PI * (2 * rng.nextDouble() - 1));
    }
    double tau = 1 + Math.sqrt(1 + 4 * kappa * kappa);
    double rho = (tau - Math.sqrt(2 * tau)) / (2 * kappa);
    double r = (1 + rho * rho) / (2 * rho);
    while (true) {
      double u1 = rng.nextDouble();
      double z = StrictMath.cos(Math.PI * u1);
      double f = (1 + r * z) / (r + z);
      double c = kappa * (r - f);
      double u2 = rng.nextDouble();
      if (c * (2 - c) - u2 > 0 || StrictMath.log(c / u2) + 1 - c >= 0) {
        double u3 = rng.nextDouble();
        double theta = Math.signum(u3 - 0.5) * StrictMath.acos(Math.max(-1, Math.min(1, f)));
        return wrap(mu + theta);
      }
    }
  }

  /** One draw of N(mean, std²) restricted to [lo, hi]. */
  public static double truncatedNormal(SplittableRandom rng, double mean, double std, double lo,
      double hi) {
    Checks.arg(std > 0 && lo < hi, "truncated normal needs std > 0 and lo < hi, got std=%s,"
        + " [%s, %s]", std, lo, hi);
    for (int i = 0; i < 64; i++) {
      double x = mean + std * normal(rng);
      if (x >= lo && x <= hi) {
        return x;
      }
    }
    // The interval holds little normal mass: uniform proposal, accepted by the density ratio.
    double peak = mean < lo ? lo : mean > hi ? hi : mean;
    while (true) {
      double x = lo + (hi - lo) * rng.nextDouble();
      double logRatio = (sq(peak - mean) - sq(x - mean)) / (2 * std * std);
      if (StrictMath.log(1.0 - rng.nextDouble()) <= logRatio) {
        return x;
      }
    }
  }

  /** The angle wrapped into (−π, π]. */
  public static double wrap(double angle) {
    double a = Math.IEEEremainder(angle, 2 * Math.PI);
    return a <= -Math.PI ? a + 2 * Math.PI : a;
  }

  private static double sq(double v) {
    return v * v;
  }
}
