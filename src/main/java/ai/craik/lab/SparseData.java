package ai.craik.lab;

import ai.craik.engine.HostRandom;
import java.util.SplittableRandom;

/**
 * The ground-truth generator of the sparse-coding problem, on the host:
 *
 * <pre>
 *   W* [Dy, Dz]: Gaussian entries, each column scaled to unit norm
 *   z*  [Dz]:    k distinct random indices, values s u with s = ±1, u ~ U[code_min, code_max]
 *   y   [Dy]:    W* z* + noise ε,  ε ~ N(0, I)
 * </pre>
 *
 * All matrices are row-major float arrays ({@code w[r * Dz + c]}).
 */
final class SparseData {
  private SparseData() {}

  /** Signals y [n, Dy] and their true codes z [n, Dz], row-major. */
  record Sample(int n, float[] y, float[] z) {}

  /** A dictionary [rows, cols] with Gaussian entries and unit-norm columns. */
  static float[] dictionary(SplittableRandom rng, int rows, int cols) {
    float[] w = HostRandom.normal(rng, rows * cols);
    for (int c = 0; c < cols; c++) {
      double s = 0;
      for (int r = 0; r < rows; r++) {
        s += (double) w[r * cols + c] * w[r * cols + c];
      }
      double norm = Math.max(Math.sqrt(s), 1e-12);
      for (int r = 0; r < rows; r++) {
        w[r * cols + c] = (float) (w[r * cols + c] / norm);
      }
    }
    return w;
  }

  /** n signals of the generator with dictionary {@code w} [Dy, Dz]. */
  static Sample sample(SplittableRandom rng, SparseCodingConfig.Data d, float[] w, int n) {
    int dy = d.signalDim();
    int dz = d.codeDim();
    float[] z = new float[n * dz];
    int[] idx = new int[dz];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dz; j++) {
        idx[j] = j;
      }
      for (int j = 0; j < d.nonzeros(); j++) { // partial Fisher-Yates: k distinct atoms
        int pick = j + rng.nextInt(dz - j);
        int t = idx[j];
        idx[j] = idx[pick];
        idx[pick] = t;
        double u = d.codeMin() + (d.codeMax() - d.codeMin()) * rng.nextDouble();
        z[i * dz + idx[j]] = (float) (rng.nextBoolean() ? u : -u);
      }
    }
    float[] noise = HostRandom.normal(rng, n * dy);
    float[] y = new float[n * dy];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < dy; r++) {
        double s = d.noise() * noise[i * dy + r];
        for (int c = 0; c < dz; c++) {
          float zc = z[i * dz + c];
          if (zc != 0) {
            s += (double) w[r * dz + c] * zc;
          }
        }
        y[i * dy + r] = (float) s;
      }
    }
    return new Sample(n, y, z);
  }
}
