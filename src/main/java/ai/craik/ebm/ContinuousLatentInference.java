package ai.craik.ebm;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Latent inference over a continuous latent by gradient-based minimization from several starts:
 *
 * <pre>
 *   z_check_b = argmin_z E(x_b, y_b, z)  [B, Dz],     F_inf(x_b, y_b) = E(x_b, y_b, z_check_b)  [B]
 * </pre>
 *
 * <p>For each of the B rows, S starting latents are drawn from {@link Starts} with an explicit
 * {@link SplittableRandom}; all B*S problems run at once through {@link GradientMinimizer} (x and y
 * tiled to [B*S, .], row b*S + s, and held constant), and the start with the lowest final energy
 * is kept per row. Non-convex energies (a periodic latent, several modes) need several starts: each
 * start only reaches a local minimum.
 *
 * <p>The returned energy is a plain value (no graph): to train on F_inf, re-evaluate E(x, y,
 * z_check) inside your own gradient collector, holding z_check fixed (by the envelope theorem its
 * gradient in the parameters is that of F_inf). Callers must not have a collector open, see {@link
 * GradientMinimizer}. Reference: LeCun, "A Path Towards Autonomous Machine Intelligence" (2022),
 * latent-variable EBMs, inference by minimization over z.
 */
public final class ContinuousLatentInference {
  private final GradientMinimizer minimizer;
  private final int starts;
  private final Starts distribution;

  /**
   * @param config the minimizer settings
   * @param starts S, starting latents per row, &gt;= 1
   * @param distribution how starting latents are drawn
   */
  public ContinuousLatentInference(MinimizerConfig config, int starts, Starts distribution) {
    Checks.arg(starts >= 1, "starts=%s must be at least 1 per row", starts);
    Checks.arg(distribution != null,
        "start distribution is null; use e.g. new Starts.Normal(0, 1)");
    this.minimizer = new GradientMinimizer(config);
    this.starts = starts;
    this.distribution = distribution;
  }

  /**
   * z_check [B, Dz] (float32) and F_inf [B] for the rows of x [B, Dx] (Dx may be 0) and y [B, Dy].
   * Both arrays are owned by y's manager; {@code rng} is advanced by B*S*Dz draws (or more).
   */
  public LatentEstimate infer(LatentEnergy energy, NDArray x, NDArray y, SplittableRandom rng) {
    Checks.arg(energy != null, "latent energy is null");
    Checks.arg(rng != null, "random stream is null; pass e.g. RandomStreams.stream(\"infer\")");
    ShapeChecks.pairedRows(x, y);
    int b = Math.toIntExact(y.getShape().get(0));
    int dz = energy.latentDim();
    Checks.arg(dz >= 1, "latentDim()=%s must be at least 1", dz);
    NDManager owner = y.getManager();
    try (NDManager scope = owner.newSubManager()) {
      NDArray xs = x.stopGradient(); // constants for the minimizer
      NDArray ys = y.stopGradient();
      xs.attach(scope);
      ys.attach(scope);
      NDArray xt = Rows.repeatEach(xs, starts); // [B*S, Dx]
      NDArray yt = Rows.repeatEach(ys, starts); // [B*S, Dy]
      NDArray z0 = distribution.draw(scope, rng, b * starts, dz); // [B*S, Dz]
      MinimizerResult r = minimizer.minimize(z -> energy.energy(xt, yt, z), z0);
      DataType type = r.values().getDataType();
      double[] values = r.values().toType(DataType.FLOAT64, false).toDoubleArray(); // [B*S]
      float[] points = r.points().toType(DataType.FLOAT32, false).toFloatArray(); // [B*S*Dz]
      float[] bestZ = new float[b * dz];
      double[] bestE = new double[b];
      for (int row = 0; row < b; row++) {
        int best = row * starts;
        for (int s = 1; s < starts; s++) {
          int i = row * starts + s;
          if (lower(values[i], values[best])) {
            best = i;
          }
        }
        System.arraycopy(points, best * dz, bestZ, row * dz, dz);
        bestE[row] = values[best];
      }
      NDArray z = owner.create(bestZ, new Shape(b, dz));
      NDArray e = scope.create(bestE, new Shape(b)).toType(type, false);
      e.attach(owner);
      return new LatentEstimate(z, e);
    }
  }

  /** a &lt; b, with NaN treated as larger than everything. */
  static boolean lower(double a, double b) {
    return !Double.isNaN(a) && (Double.isNaN(b) || a < b);
  }
}
