package ai.craik.plan;

import ai.craik.engine.HostRandom;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The diagonal Gaussian over action sequences that CEM and MPPI refit: mean mu [T, A] and standard
 * deviation sigma [T, A], one per step and action dimension, kept on the host.
 *
 * <pre>
 *   sample:  x_0 = mu;   x_i = P(mu + sigma * eps_i),  eps_i ~ N(0, I),  i = 1 .. N-1
 *            (P projects each a_t onto ||a_t|| &lt;= max_norm)
 *   elites:  mu = (1/K) sum_e x_e,            sigma = max(min_std, sqrt((1/K) sum_e (x_e - mu)^2))
 *   weights: mu = sum_i w_i x_i,              sigma = max(min_std, sqrt(sum_i w_i (x_i - mu)^2))
 * </pre>
 *
 * The current mean is candidate 0 of every batch, so its cost is measured each iteration. The refit
 * mu is a convex combination of projected samples and stays inside the ball.
 */
final class GaussianProposal {
  private final int t;
  private final int a;
  private final float[] mean;
  private final float[] std;

  GaussianProposal(float[] mean, int t, int a, double initStd) {
    this.t = t;
    this.a = a;
    this.mean = mean.clone();
    this.std = new float[t * a];
    Arrays.fill(std, (float) initStd);
  }

  float[] mean() {
    return mean.clone();
  }

  float[] std() {
    return std.clone();
  }

  /** n candidates, flat [n, T, A]: row 0 the mean, the others Gaussian samples, projected. */
  float[] sample(SplittableRandom rng, int n, double maxNorm) {
    int ta = t * a;
    float[] eps = HostRandom.normal(rng, (n - 1) * ta);
    float[] out = new float[n * ta];
    System.arraycopy(mean, 0, out, 0, ta);
    for (int i = 1; i < n; i++) {
      int off = i * ta;
      int e = (i - 1) * ta;
      for (int j = 0; j < ta; j++) {
        out[off + j] = mean[j] + std[j] * eps[e + j];
      }
    }
    ActionSequences.project(out, a, maxNorm);
    return out;
  }

  /** Refits mean and std to the candidate rows {@code elites} (equal weights). */
  void refitElites(float[] candidates, int[] elites, double minStd) {
    double[] w = new double[candidates.length / (t * a)];
    for (int e : elites) {
      w[e] = 1.0 / elites.length;
    }
    refitWeighted(candidates, w, true, minStd);
  }

  /** Refits the mean (and, if {@code updateStd}, the std) to weights w [n] summing to one. */
  void refitWeighted(float[] candidates, double[] w, boolean updateStd, double minStd) {
    int ta = t * a;
    double[] mu = new double[ta];
    for (int i = 0; i < w.length; i++) {
      if (w[i] == 0) {
        continue;
      }
      for (int j = 0; j < ta; j++) {
        mu[j] += w[i] * candidates[i * ta + j];
      }
    }
    for (int j = 0; j < ta; j++) {
      mean[j] = (float) mu[j];
    }
    if (!updateStd) {
      return;
    }
    double[] var = new double[ta];
    for (int i = 0; i < w.length; i++) {
      if (w[i] == 0) {
        continue;
      }
      for (int j = 0; j < ta; j++) {
        double d = candidates[i * ta + j] - mu[j];
        var[j] += w[i] * d * d;
      }
    }
    for (int j = 0; j < ta; j++) {
      std[j] = (float) Math.max(minStd, Math.sqrt(var[j]));
    }
  }
}
