package ai.craik.ssl;

import ai.craik.config.Checks;
import ai.craik.engine.HostRandom;
import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Sketched Isotropic Gaussian Regularization (SIGReg): a goodness-of-fit statistic that is small
 * when the embeddings look like samples of the standard Gaussian N(0, I) and large when they have
 * collapsed (to a point, a line or a low-dimensional subspace) or have the wrong scale.
 *
 * <p>Z [B, D] is projected onto M random unit directions a_m (the columns of A [D, M], Gaussian
 * columns normalized to length 1), x_m = Z a_m [B]. Each 1-D projection is scored by the Epps-Pulley
 * statistic against N(0, 1), and the scores are averaged:
 *
 * <pre>
 *   phi_B(t)  = (1/B) * sum_b exp(i t x_b) = mean_b cos(t x_b) + i * mean_b sin(t x_b)
 *   EP(x)     = B * integral |phi_B(t) - exp(-t^2/2)|^2 w(t) dt,   w(t) = exp(-t^2/2)
 *             = B * integral [(mean_b cos(t x_b) - exp(-t^2/2))^2 + (mean_b sin(t x_b))^2] w(t) dt
 *   SIGReg(Z) = (1/M) * sum_m EP(Z a_m)
 * </pre>
 *
 * <p>The integrand is even in t, so the integral over [-tMax, tMax] is computed as twice the
 * trapezoid rule on [0, tMax] with {@code knots} equally spaced points (as the LeJEPA reference
 * code does). For Gaussian data the expected value does not grow with B: it is about
 * integral (1 - exp(-t^2)) exp(-t^2/2) dt, close to 1.05 for tMax = 3; a batch collapsed to a point
 * scores about 0.4 B. The statistic is differentiable in Z (cos and sin of Z a_m t) and is used
 * directly as a training loss; the projections are centred on 0 and not standardized, so SIGReg also
 * fixes the mean and the scale of the embeddings.
 *
 * <p>Directions are drawn on the host: {@link #apply(NDArray, SplittableRandom)} draws M fresh
 * directions from the given stream (pass a per-step stream, e.g. {@code streams.stream("sigreg",
 * step)}, so they change every step and are rebuilt exactly after a resume);
 * {@link #apply(NDArray)} draws them from a new stream seeded with {@code seed} on every call, so it
 * always uses the same directions. Shapes: z [B, D] with B at least 1 to a scalar, reported under
 * {@value #PART}; temporaries are [B, M, knots].
 *
 * <p>Balestriero and LeCun, "LeJEPA: Provable and Scalable Self-Supervised Learning Without the
 * Heuristics", arXiv:2511.08544, 2025 (defaults M = 256 slices, tMax = 3, 17 knots). Epps and
 * Pulley, "A test for normality based on the empirical characteristic function", Biometrika 1983.
 *
 * @param numProjections M, the number of random unit directions, at least 1
 * @param knots integration points on [0, tMax], at least 2
 * @param tMax upper end of the integration range, greater than 0
 * @param seed seed of the directions used by {@link #apply(NDArray)}
 */
public record SigReg(int numProjections, int knots, double tMax, long seed) implements Regularizer {
  /** Part name of the term. */
  public static final String PART = "sigreg";

  public SigReg {
    Checks.arg(numProjections >= 1,
        "SigReg numProjections=%s must be at least 1; LeJEPA uses 256", numProjections);
    Checks.arg(knots >= 2, "SigReg knots=%s must be at least 2; LeJEPA uses 17", knots);
    Checks.arg(Double.isFinite(tMax) && tMax > 0,
        "SigReg tMax=%s must be finite and greater than 0; LeJEPA uses 3", tMax);
  }

  /** The LeJEPA setting: 256 projections, 17 knots on [0, 3], with the given direction seed. */
  public static SigReg defaults(long seed) {
    return new SigReg(256, 17, 3.0, seed);
  }

  /** SIGReg with the fixed directions drawn from {@code new SplittableRandom(seed)}. */
  @Override
  public LossTerms apply(NDArray z) {
    return apply(z, new SplittableRandom(seed));
  }

  /** SIGReg with M fresh directions drawn from {@code rng} (D * M normal draws). */
  @Override
  public LossTerms apply(NDArray z, SplittableRandom rng) {
    Embeddings.checkBatch("SigReg", z, 1, "the empirical characteristic function averages rows");
    int d = (int) z.getShape().get(1);
    float[] a = directions(rng, d, numProjections);
    double[] ad = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      ad[i] = a[i];
    }
    NDArray dirs = Embeddings.constant(z, ad, new Shape(d, numProjections)); // [D, M]
    return statistic(z, dirs);
  }

  /**
   * SIGReg for given unit directions dirs [D, M] (M may differ from {@link #numProjections}).
   * Shapes: z [B, D], dirs [D, M] to a scalar.
   */
  public LossTerms statistic(NDArray z, NDArray dirs) {
    Embeddings.checkBatch("SigReg", z, 1, "the empirical characteristic function averages rows");
    Checks.arg(dirs.getShape().dimension() == 2 && dirs.getShape().get(0) == z.getShape().get(1),
        "SigReg directions must be [D, M] with D = %s, got %s", z.getShape().get(1),
        dirs.getShape());
    long b = z.getShape().get(0);
    NDArray t = Embeddings.constant(z, knotValues(), new Shape(1, 1, knots)); // [1, 1, K]
    NDArray phi = Embeddings.constant(z, gaussianCf(), new Shape(1, knots)); // [1, K]
    NDArray w = Embeddings.constant(z, weights(), new Shape(1, knots)); // [1, K]
    NDArray xt = z.matMul(dirs).expandDims(2).mul(t); // [B, M, K]
    NDArray cosMean = xt.cos().mean(new int[] {0}); // [M, K]
    NDArray sinMean = xt.sin().mean(new int[] {0}); // [M, K]
    NDArray err = cosMean.sub(phi).square().add(sinMean.square()); // [M, K]
    NDArray ep = err.mul(w).sum(new int[] {1}).mul((float) b); // [M]
    NDArray s = ep.mean(); // []
    return new LossTerms(s, Map.of(PART, s));
  }

  /**
   * M random unit directions in R^D drawn from {@code rng}: a [D, M] matrix in row-major order
   * (entry (j, m) at j * M + m) whose columns are standard normal draws scaled to length 1.
   */
  public static float[] directions(SplittableRandom rng, int d, int m) {
    Checks.arg(d >= 1 && m >= 1, "SigReg directions need D >= 1 and M >= 1, got D=%s, M=%s", d, m);
    float[] g = HostRandom.normal(rng, d * m);
    float[] out = new float[d * m];
    for (int k = 0; k < m; k++) {
      double norm = 0;
      for (int j = 0; j < d; j++) {
        norm += (double) g[j * m + k] * g[j * m + k];
      }
      double inv = norm > 0 ? 1.0 / Math.sqrt(norm) : 0.0;
      for (int j = 0; j < d; j++) {
        out[j * m + k] = (float) (g[j * m + k] * inv);
      }
    }
    return out;
  }

  /** Integration points t_k = k * tMax / (knots - 1), k = 0..knots-1. */
  public double[] knotValues() {
    double[] t = new double[knots];
    for (int k = 0; k < knots; k++) {
      t[k] = k * tMax / (knots - 1);
    }
    return t;
  }

  /**
   * Quadrature weights for integral over [-tMax, tMax] of f(t) w(t), f even: twice the trapezoid
   * rule on [0, tMax] (2 dt inside, dt at both ends) times w(t_k) = exp(-t_k^2 / 2).
   */
  public double[] weights() {
    double dt = tMax / (knots - 1);
    double[] t = knotValues();
    double[] w = new double[knots];
    for (int k = 0; k < knots; k++) {
      double trapezoid = (k == 0 || k == knots - 1) ? dt : 2 * dt;
      w[k] = trapezoid * StrictMath.exp(-0.5 * t[k] * t[k]);
    }
    return w;
  }

  private double[] gaussianCf() {
    double[] t = knotValues();
    double[] phi = new double[knots];
    for (int k = 0; k < knots; k++) {
      phi[k] = StrictMath.exp(-0.5 * t[k] * t[k]);
    }
    return phi;
  }

}
