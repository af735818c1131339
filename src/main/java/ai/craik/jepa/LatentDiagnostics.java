package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;

/**
 * The collapse monitor of a batch of latents Z [N, D], computed outside autograd:
 *
 * <pre>
 *   std_j      = sqrt( (1/(N - 1)) * sum_n (Z[n, j] - mean_n Z[n, j])^2 )    per dimension
 *   stdMin     = min_j std_j,   stdMean = (1/D) sum_j std_j
 *   effectiveRank = exp(entropy of the normalized singular values of the centred Z)
 * </pre>
 *
 * <p>A collapsed encoder shows as a small stdMin (dimensions that no longer vary) and an effective
 * rank far below D (variance in few directions); see {@link EffectiveRank}. Bardes, Ponce, LeCun,
 * "VICReg", arXiv:2105.04906 (per-dimension std); Roy and Vetterli 2007 (effective rank).
 *
 * @param dim D
 * @param samples N, the rows the statistics were computed from
 * @param stdMin the smallest per-dimension standard deviation
 * @param stdMean the mean per-dimension standard deviation
 * @param effectiveRank in [1, min(N - 1, D)], or 0 for a batch without variance
 */
public record LatentDiagnostics(int dim, long samples, double stdMin, double stdMean,
    double effectiveRank) {

  /**
   * The diagnostics of latents [N, D] or [B, L, D] (leading axes flattened into N >= 2), detached
   * and with grad mode off. The centred batch goes to float64 on the engine, which forms the
   * smaller of Zc^T Zc and Zc Zc^T; the eigenvalues are computed on the host
   * ({@link SymmetricEigenvalues}). Temporaries are closed before returning.
   */
  public static LatentDiagnostics of(NDArray latents) {
    int rank = latents.getShape().dimension();
    Checks.arg(rank >= 2, "latent diagnostics expect latents [N, D] or [B, L, D], got %s",
        latents.getShape());
    int d = (int) latents.getShape().get(rank - 1);
    long n = latents.size() / Math.max(1, d);
    Checks.arg(n >= 2 && d >= 1, "latent diagnostics need at least 2 latents of size >= 1, got %s",
        latents.getShape());
    return GradMode.disabled(() -> {
      try (NDScope scope = new NDScope()) {
        NDArray z = latents.stopGradient().reshape(n, d).toType(DataType.FLOAT64, false); // [N, D]
        NDArray zc = z.sub(z.mean(new int[] {0}, true)); // [N, D]
        double[] var = zc.square().sum(new int[] {0}).div(n - 1).toDoubleArray(); // [D]
        double min = Double.POSITIVE_INFINITY;
        double mean = 0;
        for (double v : var) {
          double s = Math.sqrt(v);
          min = Math.min(min, s);
          mean += s / d;
        }
        boolean gram = n < d;
        NDArray g = gram ? zc.matMul(zc.transpose()) : zc.transpose().matMul(zc); // [m, m]
        int m = (int) g.getShape().get(0);
        double[] flat = g.toDoubleArray();
        double[][] matrix = new double[m][m];
        for (int i = 0; i < m; i++) {
          System.arraycopy(flat, i * m, matrix[i], 0, m);
          for (int j = 0; j < i; j++) { // exact symmetry for the eigen solver
            double avg = 0.5 * (matrix[i][j] + matrix[j][i]);
            matrix[i][j] = avg;
            matrix[j][i] = avg;
          }
        }
        double erank = EffectiveRank.fromGramEigenvalues(SymmetricEigenvalues.of(matrix));
        scope.suppressNotUsedWarning();
        return new LatentDiagnostics(d, n, min, mean, erank);
      }
    });
  }
}
