package ai.craik.jepa;

import ai.craik.config.Checks;

/**
 * Effective rank of a batch of latents: the exponential of the Shannon entropy of its normalized
 * singular values,
 *
 * <pre>
 *   Zc = Z - mean over rows   ([N, D]),   sigma_i its singular values
 *   p_i = sigma_i / sum_j sigma_j,   erank(Z) = exp(-sum_i p_i log p_i)     (0 log 0 = 0)
 * </pre>
 *
 * <p>It lies between 1 (all variance along one direction) and min(N - 1, D) (all singular values
 * equal), so it measures dimensional collapse continuously; a batch without any variance gets 0.
 * The squared singular values are the eigenvalues of Zc^T Zc [D, D], or of the smaller Gram matrix
 * Zc Zc^T [N, N] when N &lt; D: both have the same non-zero eigenvalues. Roy and Vetterli, "The
 * effective rank: a measure of effective dimensionality", EUSIPCO 2007; used as a collapse monitor
 * in RankMe (Garrido et al., ICML 2023, arXiv:2210.02885).
 */
public final class EffectiveRank {
  private EffectiveRank() {}

  /** exp(entropy of sigma / sum(sigma)) for singular values sigma >= 0; 0 if all are 0. */
  public static double fromSingularValues(double[] sigma) {
    double sum = 0;
    for (double s : sigma) {
      Checks.arg(s >= 0 && Double.isFinite(s), "singular values must be finite and >= 0, got %s",
          s);
      sum += s;
    }
    if (sum == 0) {
      return 0;
    }
    double h = 0;
    for (double s : sigma) {
      if (s > 0) {
        double p = s / sum;
        h -= p * StrictMath.log(p);
      }
    }
    return StrictMath.exp(h);
  }

  /**
   * The effective rank from the eigenvalues lambda of Zc^T Zc or Zc Zc^T (sigma = sqrt(lambda));
   * eigenvalues below 0 (round-off of a singular matrix) count as 0.
   */
  public static double fromGramEigenvalues(double[] lambda) {
    double[] sigma = new double[lambda.length];
    for (int i = 0; i < lambda.length; i++) {
      sigma[i] = Math.sqrt(Math.max(0.0, lambda[i]));
    }
    return fromSingularValues(sigma);
  }

  /** The effective rank of the host batch z [N][D] (centred here), via the smaller Gram matrix. */
  public static double of(double[][] z) {
    int n = z.length;
    Checks.arg(n >= 1 && z[0].length >= 1, "effective rank needs a non-empty batch [N, D]");
    int d = z[0].length;
    double[] mean = new double[d];
    for (double[] row : z) {
      Checks.arg(row.length == d, "batch rows differ in length: %s and %s", row.length, d);
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / n;
      }
    }
    double[][] zc = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        zc[i][j] = z[i][j] - mean[j];
      }
    }
    boolean gram = n < d;
    int m = gram ? n : d;
    double[][] g = new double[m][m];
    for (int a = 0; a < m; a++) {
      for (int b = 0; b <= a; b++) {
        double sum = 0;
        if (gram) {
          for (int j = 0; j < d; j++) {
            sum += zc[a][j] * zc[b][j];
          }
        } else {
          for (int i = 0; i < n; i++) {
            sum += zc[i][a] * zc[i][b];
          }
        }
        g[a][b] = sum;
        g[b][a] = sum;
      }
    }
    return fromGramEigenvalues(SymmetricEigenvalues.of(g));
  }
}
