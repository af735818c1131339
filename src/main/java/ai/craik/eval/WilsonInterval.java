package ai.craik.eval;

import ai.craik.config.Checks;

/**
 * The Wilson score interval of a success rate: k successes in n independent trials,
 *
 * <pre>
 *   p = k / n,   d = 1 + z^2 / n
 *   centre = (p + z^2 / (2n)) / d,   half = (z / d) sqrt(p (1 - p) / n + z^2 / (4 n^2))
 *   [low, high] = [max(0, centre - half), min(1, centre + half)]
 * </pre>
 *
 * with z = 1.96 (the 97.5% normal quantile) for 95% coverage. Unlike the normal ("Wald") interval
 * it stays inside [0, 1] and is not empty at k = 0 or k = n (0 of 10 gives [0, 0.278]), which is
 * why it suits small evaluations. n = 0 gives [0, 1]. Wilson, "Probable inference, the law of
 * succession, and statistical inference", JASA 22 (1927); Brown, Cai and DasGupta, "Interval
 * Estimation for a Binomial Proportion", Statistical Science 16 (2001).
 *
 * @param successes k
 * @param trials n
 * @param low lower bound
 * @param high upper bound
 */
public record WilsonInterval(int successes, int trials, double low, double high) {
  /** The 97.5% quantile of the standard normal distribution. */
  public static final double Z95 = 1.959963984540054;

  /** The 95% interval of k successes in n trials. */
  public static WilsonInterval of(int successes, int trials) {
    return of(successes, trials, Z95);
  }

  /** The interval for quantile {@code z} (1.96 for 95%). */
  public static WilsonInterval of(int successes, int trials, double z) {
    Checks.arg(trials >= 0 && successes >= 0 && successes <= trials,
        "Wilson interval needs 0 <= successes <= trials, got %s of %s", successes, trials);
    Checks.arg(Double.isFinite(z) && z > 0, "Wilson interval needs z > 0, got %s", z);
    if (trials == 0) {
      return new WilsonInterval(0, 0, 0.0, 1.0);
    }
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double d = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / d;
    double half = z / d * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return new WilsonInterval(successes, trials, Math.max(0.0, centre - half),
        Math.min(1.0, centre + half));
  }

  /** k / n (0 when n = 0). */
  public double rate() {
    return trials == 0 ? 0.0 : (double) successes / trials;
  }
}
