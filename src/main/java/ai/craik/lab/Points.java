package ai.craik.lab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Host-side 2-D point sets of the lab problems: to arrays, to columns, and drawn curves. */
final class Points {
  private Points() {}

  /** Points {@code y[N][2]} as a float32 array [N, 2] in {@code m}. */
  static NDArray rows(NDManager m, double[][] y) {
    float[] flat = new float[y.length * 2];
    for (int i = 0; i < y.length; i++) {
      flat[2 * i] = (float) y[i][0];
      flat[2 * i + 1] = (float) y[i][1];
    }
    return m.create(flat, new Shape(y.length, 2));
  }

  /** Column {@code c} of {@code a[N][D]}. */
  static double[] column(double[][] a, int c) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i][c];
    }
    return out;
  }

  /**
   * {x, y} of n points (cx + a cos z, cy + b sin z), z = 2πi/n: an axis-aligned ellipse (a circle
   * when a = b), for drawing as a closed polyline.
   */
  static double[][] ellipse(double cx, double cy, double a, double b, int n) {
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double z = 2 * Math.PI * i / n;
      x[i] = cx + a * StrictMath.cos(z);
      y[i] = cy + b * StrictMath.sin(z);
    }
    return new double[][] {x, y};
  }
}
