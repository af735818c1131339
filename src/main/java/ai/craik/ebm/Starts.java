package ai.craik.ebm;

import ai.craik.config.Checks;
import ai.craik.engine.HostRandom;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How the starting points of a multi-start minimization are drawn: N points in R^D, drawn on the
 * host from an explicit {@link SplittableRandom} (so results do not depend on the engine's global
 * generator), row-major into an array [N, D].
 *
 * <ul>
 *   <li>{@link Normal}: every coordinate mean + std * eps, eps ~ N(0, 1);
 *   <li>{@link Box}: coordinate j uniform in [lo_j, hi_j); one-element lo/hi apply to every axis.
 * </ul>
 */
public sealed interface Starts {

  /** N starting points [N, D] as float32 in {@code manager}. */
  NDArray draw(NDManager manager, SplittableRandom rng, int n, int d);

  /** Isotropic normal starts N(mean, std^2) in every coordinate. */
  record Normal(double mean, double std) implements Starts {
    public Normal {
      Checks.arg(Double.isFinite(mean) && Double.isFinite(std) && std >= 0,
          "normal starts need finite mean and std >= 0; got mean=%s std=%s", mean, std);
    }

    @Override
    public NDArray draw(NDManager manager, SplittableRandom rng, int n, int d) {
      checkSize(n, d);
      float[] eps = HostRandom.normal(rng, n * d);
      for (int i = 0; i < eps.length; i++) {
        eps[i] = (float) (mean + std * eps[i]);
      }
      return manager.create(eps, new Shape(n, d));
    }
  }

  /** Uniform starts in the box [lo_j, hi_j); lo and hi have length D, or 1 for every axis. */
  record Box(double[] lo, double[] hi) implements Starts {
    public Box {
      Checks.arg(lo != null && hi != null && lo.length >= 1 && lo.length == hi.length,
          "box starts need lo and hi of the same length >= 1; got %s and %s",
          lo == null ? "null" : lo.length, hi == null ? "null" : hi.length);
      for (int j = 0; j < lo.length; j++) {
        Checks.arg(Double.isFinite(lo[j]) && Double.isFinite(hi[j]) && lo[j] <= hi[j],
            "box starts axis %s: need finite lo <= hi, got lo=%s hi=%s", j, lo[j], hi[j]);
      }
      lo = lo.clone();
      hi = hi.clone();
    }

    /** The same interval [lo, hi) on every axis. */
    public static Box of(double lo, double hi) {
      return new Box(new double[] {lo}, new double[] {hi});
    }

    @Override
    public double[] lo() {
      return lo.clone();
    }

    @Override
    public double[] hi() {
      return hi.clone();
    }

    @Override
    public NDArray draw(NDManager manager, SplittableRandom rng, int n, int d) {
      checkSize(n, d);
      Checks.arg(lo.length == 1 || lo.length == d,
          "box starts have %s bounds but the points have D=%s; give 1 or %s bounds",
          lo.length, d, d);
      float[] out = new float[n * d];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          int a = lo.length == 1 ? 0 : j;
          out[i * d + j] = (float) (lo[a] + (hi[a] - lo[a]) * rng.nextDouble());
        }
      }
      return manager.create(out, new Shape(n, d));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Box b && Arrays.equals(lo, b.lo) && Arrays.equals(hi, b.hi);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(lo) + Arrays.hashCode(hi);
    }

    @Override
    public String toString() {
      return "Box[lo=" + Arrays.toString(lo) + ", hi=" + Arrays.toString(hi) + "]";
    }
  }

  private static void checkSize(int n, int d) {
    Checks.arg(n >= 1 && d >= 1, "need at least one start of dimension >= 1; got N=%s D=%s", n, d);
  }
}
