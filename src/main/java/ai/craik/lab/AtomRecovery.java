package ai.craik.lab;

import java.util.Arrays;

/**
 * How well a learned dictionary W [Dy, Dz'] recovers the atoms (columns) of a true one W* [Dy, Dz],
 * up to order and sign (sparse coding cannot tell them apart):
 *
 * <pre>
 *   C[j][i]  = |cos(w*_j, w_i)|                    [Dz][Dz']
 *   best[j]  = max_i C[j][i]                       the recovery of true atom j
 *   mean     = mean_j best[j],   fraction = #{ j : best[j] &gt; threshold } / Dz
 * </pre>
 *
 * <p>{@code match[j]} pairs the atoms one to one for drawing: greedily, the largest remaining
 * C[j][i] first (−1 for true atoms left over when Dz' &lt; Dz); {@code sign[j]} is the sign of
 * cos(w*_j, w_match[j]).
 */
record AtomRecovery(double[][] cosine, double[] best, int[] match, int[] sign, double mean,
    double fraction) {

  /** Recovery of {@code truth} [rows, cols] by {@code learned} [rows, learnedCols], row-major. */
  static AtomRecovery of(float[] truth, int cols, float[] learned, int learnedCols, int rows,
      double threshold) {
    double[][] signed = new double[cols][learnedCols];
    double[] nt = norms(truth, rows, cols);
    double[] nl = norms(learned, rows, learnedCols);
    for (int j = 0; j < cols; j++) {
      for (int i = 0; i < learnedCols; i++) {
        double s = 0;
        for (int r = 0; r < rows; r++) {
          s += (double) truth[r * cols + j] * learned[r * learnedCols + i];
        }
        signed[j][i] = s / (nt[j] * nl[i]);
      }
    }
    double[][] abs = new double[cols][learnedCols];
    double[] best = new double[cols];
    double sum = 0;
    int above = 0;
    for (int j = 0; j < cols; j++) {
      for (int i = 0; i < learnedCols; i++) {
        abs[j][i] = Math.abs(signed[j][i]);
        best[j] = Math.max(best[j], abs[j][i]);
      }
      sum += best[j];
      above += best[j] > threshold ? 1 : 0;
    }
    int[] match = greedyMatch(abs);
    int[] sign = new int[cols];
    for (int j = 0; j < cols; j++) {
      sign[j] = match[j] < 0 || signed[j][match[j]] >= 0 ? 1 : -1;
    }
    return new AtomRecovery(abs, best, match, sign, sum / cols, above / (double) cols);
  }

  /** One-to-one pairs by decreasing weight; match[j] = −1 when j is left over. */
  static int[] greedyMatch(double[][] weight) {
    int rows = weight.length;
    int cols = rows == 0 ? 0 : weight[0].length;
    int[] match = new int[rows];
    Arrays.fill(match, -1);
    boolean[] usedCol = new boolean[cols];
    for (int pairs = 0; pairs < Math.min(rows, cols); pairs++) {
      int bj = -1;
      int bi = -1;
      double bw = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < rows; j++) {
        if (match[j] >= 0) {
          continue;
        }
        for (int i = 0; i < cols; i++) {
          if (!usedCol[i] && weight[j][i] > bw) {
            bw = weight[j][i];
            bj = j;
            bi = i;
          }
        }
      }
      match[bj] = bi;
      usedCol[bi] = true;
    }
    return match;
  }

  private static double[] norms(float[] w, int rows, int cols) {
    double[] n = new double[cols];
    for (int c = 0; c < cols; c++) {
      double s = 0;
      for (int r = 0; r < rows; r++) {
        s += (double) w[r * cols + c] * w[r * cols + c];
      }
      n[c] = Math.max(Math.sqrt(s), 1e-12);
    }
    return n;
  }
}
