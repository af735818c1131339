package ai.craik.lab;

import ai.craik.report.HeatMap;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A regular grid of cell centres over a 2-D box, for drawing fields: {@link #points} gives the
 * [ny * nx, 2] coordinates row by row (y outer, x inner) and {@link #field} reshapes [ny * nx] values
 * back to {@code values[ny][nx]} as {@link HeatMap} expects (row 0 at the bottom).
 */
record Grid2d(double xmin, double xmax, double ymin, double ymax, int nx, int ny) {

  /** The grid's cell centres as an array [ny * nx, 2] in {@code manager}. */
  NDArray points(NDManager manager) {
    double[] xs = HeatMap.cellCenters(xmin, xmax, nx);
    double[] ys = HeatMap.cellCenters(ymin, ymax, ny);
    float[] p = new float[nx * ny * 2];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        p[2 * (j * nx + i)] = (float) xs[i];
        p[2 * (j * nx + i) + 1] = (float) ys[j];
      }
    }
    return manager.create(p, new Shape((long) nx * ny, 2));
  }

  /** Values [ny * nx] (row-major as {@link #points}) as {@code values[ny][nx]}. */
  double[][] field(float[] flat) {
    double[][] out = new double[ny][nx];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        out[j][i] = flat[j * nx + i];
      }
    }
    return out;
  }

  /** Heat map builder over this box. */
  HeatMap.Builder heatMap(double[][] values) {
    return HeatMap.builder(values, xmin, xmax, ymin, ymax);
  }
}
