package ai.craik.ebm;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Inference by energy minimization, y_check = argmin_y F(x, y), for any energy differentiable in y,
 * from S starts: returns every local minimum found, not only the best, because an EBM can give
 * several compatible answers (several minima found from several starts).
 *
 * <p>Procedure: draw S starts y_0 [S, Dy] per x from {@link Starts}; run {@link GradientMinimizer}
 * on all of them at once (for B values of x: B*S rows, x tiled and held constant); then, per x,
 * drop non-finite results, sort by energy, and greedily merge: a point within Euclidean distance
 * {@code tolerance} of an already kept (lower-energy) minimum is counted as another start of that
 * minimum, otherwise it is kept as a new one. The result is sorted by energy, lowest first.
 *
 * <p>Points that did not converge (too few steps, a saddle) are reported as found; choose steps and
 * learning rate so the starts converge. Callers must not have a gradient collector open, see
 * {@link GradientMinimizer}. Reference: LeCun, "A Path Towards Autonomous Machine Intelligence"
 * (2022), inference as energy minimization with multimodal outputs.
 */
public final class EnergyMinimization {
  private final GradientMinimizer minimizer;
  private final int starts;
  private final Starts distribution;
  private final double tolerance;

  /**
   * @param config the minimizer settings
   * @param starts S, starting points per x, &gt;= 1
   * @param distribution how starting points are drawn
   * @param tolerance distance below which two results count as the same minimum, finite and &gt;= 0
   */
  public EnergyMinimization(
      MinimizerConfig config, int starts, Starts distribution, double tolerance) {
    Checks.arg(starts >= 1, "starts=%s must be at least 1", starts);
    Checks.arg(distribution != null, "start distribution is null; use e.g. Starts.Box.of(-2, 2)");
    Checks.arg(Double.isFinite(tolerance) && tolerance >= 0,
        "tolerance=%s must be finite and >= 0 (a distance in y, e.g. 1e-2)", tolerance);
    this.minimizer = new GradientMinimizer(config);
    this.starts = starts;
    this.distribution = distribution;
    this.tolerance = tolerance;
  }

  /** The local minima of an unconditional energy F(y) over R^dy, sorted by energy. */
  public List<LocalMinimum> minima(
      Energy energy, int dy, NDManager manager, SplittableRandom rng) {
    Checks.arg(energy != null, "energy is null");
    checkCommon(dy, rng);
    try (NDManager scope = manager.newSubManager()) {
      NDArray y0 = distribution.draw(scope, rng, starts, dy); // [S, Dy]
      MinimizerResult r = minimizer.minimize(energy, y0);
      return merge(values(r), points(r), 0, dy);
    }
  }

  /**
   * The local minima of F(x_b, .) over R^dy for each row x_b of x [B, Dx], sorted by energy; the
   * outer list has B entries in row order.
   */
  public List<List<LocalMinimum>> minima(
      ConditionalEnergy energy, NDArray x, int dy, SplittableRandom rng) {
    Checks.arg(energy != null, "conditional energy is null");
    ShapeChecks.matrix(x, "x", "[B, Dx]");
    checkCommon(dy, rng);
    int b = Math.toIntExact(x.getShape().get(0));
    try (NDManager scope = x.getManager().newSubManager()) {
      NDArray xs = x.stopGradient(); // a constant for the minimizer
      xs.attach(scope);
      NDArray xt = Rows.repeatEach(xs, starts); // [B*S, Dx]
      NDArray y0 = distribution.draw(scope, rng, b * starts, dy); // [B*S, Dy]
      MinimizerResult r = minimizer.minimize(y -> energy.energy(xt, y), y0);
      double[] values = values(r);
      float[] points = points(r);
      List<List<LocalMinimum>> out = new ArrayList<>(b);
      for (int row = 0; row < b; row++) {
        out.add(merge(values, points, row, dy));
      }
      return out;
    }
  }

  private void checkCommon(int dy, SplittableRandom rng) {
    Checks.arg(dy >= 1, "output dimension dy=%s must be at least 1", dy);
    Checks.arg(rng != null, "random stream is null; pass e.g. RandomStreams.stream(\"infer\")");
  }

  private static double[] values(MinimizerResult r) {
    return r.values().toType(DataType.FLOAT64, false).toDoubleArray(); // [N]
  }

  private static float[] points(MinimizerResult r) {
    return r.points().toType(DataType.FLOAT32, false).toFloatArray(); // [N * Dy], row-major
  }

  /** Merges the S results of block {@code row} (rows row*S .. row*S + S-1) into distinct minima. */
  private List<LocalMinimum> merge(double[] values, float[] points, int row, int dy) {
    Integer[] order = new Integer[starts];
    for (int s = 0; s < starts; s++) {
      order[s] = row * starts + s;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
    List<float[]> kept = new ArrayList<>();
    List<Double> energies = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (int i : order) {
      if (!Double.isFinite(values[i])) {
        continue; // a diverged start
      }
      float[] p = Arrays.copyOfRange(points, i * dy, (i + 1) * dy);
      int match = -1;
      for (int k = 0; k < kept.size() && match < 0; k++) {
        if (distance(p, kept.get(k)) <= tolerance) {
          match = k;
        }
      }
      if (match >= 0) {
        counts.set(match, counts.get(match) + 1);
      } else {
        kept.add(p);
        energies.add(values[i]);
        counts.add(1);
      }
    }
    List<LocalMinimum> out = new ArrayList<>(kept.size());
    for (int k = 0; k < kept.size(); k++) {
      out.add(new LocalMinimum(kept.get(k), energies.get(k), counts.get(k)));
    }
    return List.copyOf(out);
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double d = a[j] - b[j];
      s += d * d;
    }
    return Math.sqrt(s);
  }
}
