package ai.craik.ssl;

import ai.craik.engine.HostRandom;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/** The criteria written again in plain double arithmetic, and batch helpers, for the tests. */
final class HostReference {
  private HostReference() {}

  static double[][] normal(SplittableRandom rng, int b, int d, double scale) {
    float[] g = HostRandom.normal(rng, b * d);
    double[][] z = new double[b][d];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < d; j++) {
        z[i][j] = scale * g[i * d + j];
      }
    }
    return z;
  }

  static NDArray toNd(NDManager m, double[][] z) {
    int b = z.length;
    int d = z[0].length;
    float[] f = new float[b * d];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < d; j++) {
        f[i * d + j] = (float) z[i][j];
      }
    }
    return m.create(f, new Shape(b, d));
  }

  static double[][] copy(double[][] z) {
    double[][] c = new double[z.length][];
    for (int i = 0; i < z.length; i++) {
      c[i] = z[i].clone();
    }
    return c;
  }

  static double[] columnMeans(double[][] z) {
    double[] mu = new double[z[0].length];
    for (double[] row : z) {
      for (int j = 0; j < mu.length; j++) {
        mu[j] += row[j] / z.length;
      }
    }
    return mu;
  }

  /** Unbiased covariance [D, D]. */
  static double[][] covariance(double[][] z) {
    int b = z.length;
    int d = z[0].length;
    double[] mu = columnMeans(z);
    double[][] c = new double[d][d];
    for (double[] row : z) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          c[i][j] += (row[i] - mu[i]) * (row[j] - mu[j]) / (b - 1);
        }
      }
    }
    return c;
  }

  /** Centres z and maps it so that its unbiased covariance is exactly the identity (Cholesky). */
  static double[][] whiten(double[][] z) {
    int d = z[0].length;
    double[][] s = covariance(z);
    double[][] l = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = s[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        l[i][j] = i == j ? Math.sqrt(sum) : sum / l[j][j];
      }
    }
    double[] mu = columnMeans(z);
    double[][] out = new double[z.length][d];
    for (int b = 0; b < z.length; b++) {
      for (int i = 0; i < d; i++) { // forward substitution: L y = z_b - mu
        double sum = z[b][i] - mu[i];
        for (int k = 0; k < i; k++) {
          sum -= l[i][k] * out[b][k];
        }
        out[b][i] = sum / l[i][i];
      }
    }
    return out;
  }

  static double varianceHinge(double[][] z, double gamma, double eps) {
    double[][] c = covariance(z);
    double v = 0;
    for (int j = 0; j < c.length; j++) {
      v += Math.max(0, gamma - Math.sqrt(c[j][j] + eps)) / c.length;
    }
    return v;
  }

  static double covariancePenalty(double[][] z) {
    double[][] c = covariance(z);
    double sum = 0;
    for (int i = 0; i < c.length; i++) {
      for (int j = 0; j < c.length; j++) {
        sum += i == j ? 0 : c[i][j] * c[i][j];
      }
    }
    return sum / c.length;
  }

  /** Barlow Twins; returns {on_diag, off_diag}. */
  static double[] barlow(double[][] za, double[][] zb, double eps) {
    int b = za.length;
    int d = za[0].length;
    double[][] na = standardized(za, eps);
    double[][] nb = standardized(zb, eps);
    double on = 0;
    double off = 0;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double c = 0;
        for (int r = 0; r < b; r++) {
          c += na[r][i] * nb[r][j] / b;
        }
        if (i == j) {
          on += (1 - c) * (1 - c);
        } else {
          off += c * c;
        }
      }
    }
    return new double[] {on, off};
  }

  private static double[][] standardized(double[][] z, double eps) {
    int b = z.length;
    int d = z[0].length;
    double[] mu = columnMeans(z);
    double[][] out = new double[b][d];
    for (int j = 0; j < d; j++) {
      double var = 0;
      for (double[] row : z) {
        var += (row[j] - mu[j]) * (row[j] - mu[j]) / b;
      }
      for (int r = 0; r < b; r++) {
        out[r][j] = (z[r][j] - mu[j]) / Math.sqrt(var + eps);
      }
    }
    return out;
  }

  /** SIGReg with directions dirs (row-major [D, M]), straight from the formula. */
  static double sigReg(double[][] z, float[] dirs, int m, int knots, double tMax) {
    int b = z.length;
    int d = z[0].length;
    double dt = tMax / (knots - 1);
    double total = 0;
    for (int p = 0; p < m; p++) {
      double[] x = new double[b];
      for (int r = 0; r < b; r++) {
        for (int j = 0; j < d; j++) {
          x[r] += z[r][j] * dirs[j * m + p];
        }
      }
      double ep = 0;
      for (int k = 0; k < knots; k++) {
        double t = k * dt;
        double cos = 0;
        double sin = 0;
        for (double xb : x) {
          cos += Math.cos(t * xb) / b;
          sin += Math.sin(t * xb) / b;
        }
        double phi = Math.exp(-0.5 * t * t);
        double err = (cos - phi) * (cos - phi) + sin * sin;
        double trapezoid = (k == 0 || k == knots - 1) ? dt / 2 : dt;
        ep += 2 * trapezoid * err * phi; // twice the integral over [0, tMax]
      }
      total += b * ep / m;
    }
    return total;
  }
}
