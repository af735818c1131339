package ai.craik.ebm;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * A finite set of K latent values z_1 .. z_K in R^Dz, over which a latent energy is minimized or
 * soft-minimized by enumeration (see {@link DiscreteLatentInference}).
 *
 * <p>Held on the host as {@code points[K][Dz]} (copied in and out, so the record is immutable);
 * {@link #toArray} makes the NDArray [K, Dz]. Factories:
 *
 * <ul>
 *   <li>{@link #angles(int)}: z_i = 2 pi i / K, i = 0 .. K-1 (Dz = 1), uniform on the circle;
 *   <li>{@link #uniformGrid(double[], double[], int[])}: the regular grid over a box;
 *   <li>{@link #oneHot(int)}: z_i = e_i in R^K, a discrete K-valued latent (a code book).
 * </ul>
 *
 * <p>Reference: LeCun, "A Path Towards Autonomous Machine Intelligence" (2022), section on
 * latent-variable energy-based models; LeCun et al., "A Tutorial on Energy-Based Learning" (2006).
 */
public record LatentGrid(float[][] points) {

  public LatentGrid {
    Checks.arg(points != null && points.length > 0,
        "a latent grid needs at least one point; got %s", points == null ? "null" : "0 points");
    int dz = points[0] == null ? 0 : points[0].length;
    Checks.arg(dz > 0, "latent grid points need dimension Dz >= 1; point 0 has %s values", dz);
    float[][] copy = new float[points.length][];
    for (int i = 0; i < points.length; i++) {
      Checks.arg(points[i] != null && points[i].length == dz,
          "latent grid point %s has %s values, expected Dz=%s like point 0",
          i, points[i] == null ? "null" : points[i].length, dz);
      copy[i] = points[i].clone();
    }
    points = copy;
  }

  /** K angles uniform over [0, 2 pi): z_i = 2 pi i / K, Dz = 1. */
  public static LatentGrid angles(int k) {
    Checks.arg(k >= 1, "angle grid size k=%s must be at least 1", k);
    float[][] p = new float[k][1];
    for (int i = 0; i < k; i++) {
      p[i][0] = (float) (2 * Math.PI * i / k);
    }
    return new LatentGrid(p);
  }

  /**
   * The regular grid over the box [lo_0, hi_0] x ... x [lo_{D-1}, hi_{D-1}] with counts[j] points
   * on axis j: lo_j + (hi_j - lo_j) t / (counts[j] - 1), t = 0 .. counts[j] - 1 (both ends
   * included; a count of 1 gives the midpoint). K = prod_j counts[j]; points are in row-major order
   * (the last axis varies fastest).
   */
  public static LatentGrid uniformGrid(double[] lo, double[] hi, int[] counts) {
    Checks.arg(lo != null && hi != null && counts != null,
        "uniformGrid needs lo, hi and counts; got a null array");
    int d = lo.length;
    Checks.arg(d >= 1 && hi.length == d && counts.length == d,
        "uniformGrid: lo, hi and counts must have the same length >= 1; got %s, %s, %s",
        lo.length, hi.length, counts.length);
    long total = 1;
    for (int j = 0; j < d; j++) {
      Checks.arg(Double.isFinite(lo[j]) && Double.isFinite(hi[j]) && lo[j] <= hi[j],
          "uniformGrid axis %s: need finite lo <= hi, got lo=%s hi=%s", j, lo[j], hi[j]);
      Checks.arg(counts[j] >= 1, "uniformGrid axis %s: count=%s must be at least 1", j, counts[j]);
      total *= counts[j];
      Checks.arg(total <= 10_000_000, "uniformGrid has more than 10^7 points (counts %s);"
          + " use fewer points per axis", Arrays.toString(counts));
    }
    float[][] p = new float[(int) total][d];
    for (int i = 0; i < total; i++) {
      int rest = i;
      for (int j = d - 1; j >= 0; j--) {
        int t = rest % counts[j];
        rest /= counts[j];
        double v = counts[j] == 1
            ? 0.5 * (lo[j] + hi[j])
            : lo[j] + (hi[j] - lo[j]) * t / (counts[j] - 1);
        p[i][j] = (float) v;
      }
    }
    return new LatentGrid(p);
  }

  /** A discrete K-valued latent: the K one-hot vectors e_0 .. e_{K-1} of R^K (Dz = K). */
  public static LatentGrid oneHot(int k) {
    Checks.arg(k >= 1, "one-hot latent size k=%s must be at least 1", k);
    float[][] p = new float[k][k];
    for (int i = 0; i < k; i++) {
      p[i][i] = 1f;
    }
    return new LatentGrid(p);
  }

  /** The number of latent values K. */
  public int size() {
    return points.length;
  }

  /** The latent dimension Dz. */
  public int dim() {
    return points[0].length;
  }

  /** A copy of the points [K][Dz]. */
  @Override
  public float[][] points() {
    float[][] copy = new float[points.length][];
    for (int i = 0; i < points.length; i++) {
      copy[i] = points[i].clone();
    }
    return copy;
  }

  /** A copy of point i [Dz]. */
  public float[] point(int i) {
    Checks.arg(i >= 0 && i < points.length, "latent grid index %s is outside 0..%s", i,
        points.length - 1);
    return points[i].clone();
  }

  /** The points as a float32 NDArray [K, Dz] owned by {@code manager}. */
  public NDArray toArray(NDManager manager) {
    int k = size();
    int dz = dim();
    float[] flat = new float[k * dz];
    for (int i = 0; i < k; i++) {
      System.arraycopy(points[i], 0, flat, i * dz, dz);
    }
    return manager.create(flat, new Shape(k, dz));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LatentGrid g && Arrays.deepEquals(points, g.points);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(points);
  }

  @Override
  public String toString() {
    return "LatentGrid[K=" + size() + ", Dz=" + dim() + "]";
  }
}
