package ai.craik.eval;

import ai.craik.config.Checks;
import java.util.SplittableRandom;

/**
 * The leading principal components of host rows, by power iteration with deflation on the sample
 * covariance (enough for the 2-D projections drawn in reports; not a general eigensolver).
 *
 * <pre>
 *   C = (X - mean)^T (X - mean) / N;   v_k = lim C^t v / |C^t v|, orthogonal to v_1 .. v_{k-1}
 * </pre>
 *
 * @param mean the feature mean [dim]
 * @param components the components [count][dim], unit length, in order of decreasing variance
 * @param variances the variance along each component
 */
public record Pca(double[] mean, double[][] components, double[] variances) {
  private static final int ITERATIONS = 200;

  /** The first {@code count} components of N rows of size dim in {@code values}. */
  public static Pca fit(float[] values, int dim, int count, long seed) {
    Checks.arg(dim >= 1 && values.length % dim == 0 && values.length >= dim,
        "PCA needs at least one row of %s values, got %s values", dim, values.length);
    Checks.arg(count >= 1 && count <= dim, "PCA count %s must be in [1, %s]", count, dim);
    int n = values.length / dim;
    double[] mean = new double[dim];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        mean[j] += values[i * dim + j];
      }
    }
    for (int j = 0; j < dim; j++) {
      mean[j] /= n;
    }
    double[][] cov = new double[dim][dim];
    double[] row = new double[dim];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        row[j] = values[i * dim + j] - mean[j];
      }
      for (int a = 0; a < dim; a++) {
        double ra = row[a];
        if (ra == 0) {
          continue;
        }
        double[] ca = cov[a];
        for (int b = a; b < dim; b++) {
          ca[b] += ra * row[b];
        }
      }
    }
    for (int a = 0; a < dim; a++) {
      for (int b = a; b < dim; b++) {
        cov[a][b] /= n;
        cov[b][a] = cov[a][b];
      }
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] comps = new double[count][];
    double[] vars = new double[count];
    for (int k = 0; k < count; k++) {
      double[] v = new double[dim];
      for (int j = 0; j < dim; j++) {
        v[j] = rng.nextDouble() - 0.5;
      }
      double lambda = 0;
      for (int t = 0; t < ITERATIONS; t++) {
        orthogonalize(v, comps, k);
        double[] w = multiply(cov, v);
        double norm = Math.sqrt(dot(w, w));
        if (norm == 0) {
          break;
        }
        for (int j = 0; j < dim; j++) {
          v[j] = w[j] / norm;
        }
        lambda = norm;
      }
      orthogonalize(v, comps, k);
      double len = Math.sqrt(dot(v, v));
      for (int j = 0; j < dim && len > 0; j++) {
        v[j] /= len;
      }
      comps[k] = v;
      vars[k] = lambda;
    }
    return new Pca(mean, comps, vars);
  }

  /** The coordinates [N][count] of rows of size dim on the components. */
  public double[][] project(float[] values, int dim) {
    Checks.arg(dim == mean.length && values.length % dim == 0,
        "PCA of dim %s cannot project rows of %s", mean.length, dim);
    int n = values.length / dim;
    double[][] out = new double[n][components.length];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < components.length; k++) {
        double s = 0;
        for (int j = 0; j < dim; j++) {
          s += (values[i * dim + j] - mean[j]) * components[k][j];
        }
        out[i][k] = s;
      }
    }
    return out;
  }

  private static void orthogonalize(double[] v, double[][] comps, int k) {
    for (int c = 0; c < k; c++) {
      double p = dot(v, comps[c]);
      for (int j = 0; j < v.length; j++) {
        v[j] -= p * comps[c][j];
      }
    }
  }

  private static double[] multiply(double[][] m, double[] v) {
    double[] out = new double[v.length];
    for (int a = 0; a < v.length; a++) {
      out[a] = dot(m[a], v);
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
