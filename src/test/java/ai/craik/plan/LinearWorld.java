package ai.craik.plan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * A linear "world model" s_{t+1} = A s_t + B a_t (optionally s_{t+1} = tanh(A s_t + B a_t)) with
 * the quadratic cost J(a) = sum_{t=1..T} ||s_t - g||^2 + lambda sum_t ||a_t||^2, and its analytic
 * minimizer a* = (M^T M + lambda I)^{-1} M^T (G - S0) computed in double on the host, where the
 * stacked states are S = S0 + M a (S0 block t = A^t s0, M block (t, j) = A^{t-1-j} B for j &lt; t).
 */
final class LinearWorld implements LatentDynamics {
  static final double[][] A = {{0.9, 0.2, 0.0}, {-0.1, 0.8, 0.1}, {0.0, 0.1, 0.95}};
  static final double[][] B = {{1.0, 0.0}, {0.0, 1.0}, {0.5, -0.5}};
  static final float[] S0 = {1.0f, -1.0f, 0.5f};
  static final float[] GOAL = {0.3f, 0.4f, -0.2f};
  static final int D = 3;
  static final int ACT = 2;

  private final boolean tanh;

  LinearWorld(boolean tanh) {
    this.tanh = tanh;
  }

  @Override
  public NDArray rollout(NDArray s0, NDArray actions) {
    NDManager m = actions.getManager();
    long n = actions.getShape().get(0);
    int t = (int) actions.getShape().get(1);
    NDArray at = m.create(transposeFlat(A), new Shape(D, D)); // A^T [D, D]
    NDArray bt = m.create(transposeFlat(B), new Shape(ACT, D)); // B^T [A, D]
    NDArray s = s0.reshape(1, D).broadcast(new Shape(n, D)); // [N, D]
    NDList states = new NDList(s);
    for (int i = 0; i < t; i++) {
      NDArray next = s.matMul(at).add(actions.get(new NDIndex(":, {}", i)).matMul(bt));
      s = tanh ? next.tanh() : next;
      states.add(s);
    }
    return NDArrays.stack(states, 1); // [N, T+1, D]
  }

  @Override
  public int latentDim() {
    return D;
  }

  @Override
  public int actionDim() {
    return ACT;
  }

  static WeightedObjective objective(double lambda) {
    return WeightedObjective.of("goal", 1.0, new GoalDistance(GOAL))
        .with("action", lambda, new ActionMagnitude());
  }

  /** J(a) in double for the linear model, a [T][A]. */
  static double cost(float[][] a, double lambda) {
    double[] s = toDouble(S0);
    double j = 0;
    for (float[] at : a) {
      double[] next = new double[D];
      for (int r = 0; r < D; r++) {
        for (int c = 0; c < D; c++) {
          next[r] += A[r][c] * s[c];
        }
        for (int c = 0; c < ACT; c++) {
          next[r] += B[r][c] * at[c];
        }
      }
      s = next;
      for (int r = 0; r < D; r++) {
        j += (s[r] - GOAL[r]) * (s[r] - GOAL[r]);
      }
      for (float v : at) {
        j += lambda * v * v;
      }
    }
    return j;
  }

  /** The least-squares optimum a* [T][A] of J for the linear model. */
  static double[][] optimum(int t, double lambda) {
    int rows = t * D;
    int cols = t * ACT;
    double[][] m = new double[rows][cols];
    double[] rhs = new double[rows]; // G - S0
    java.util.List<double[][]> pow = new java.util.ArrayList<>(); // A^0 .. A^T
    pow.add(identity(D));
    for (int k = 1; k <= t; k++) {
      pow.add(mul(pow.get(k - 1), A));
    }
    for (int step = 1; step <= t; step++) {
      double[] s0t = mulVec(pow.get(step), toDouble(S0));
      for (int r = 0; r < D; r++) {
        rhs[(step - 1) * D + r] = GOAL[r] - s0t[r];
      }
      for (int j = 0; j < step; j++) {
        double[][] blk = mul(pow.get(step - 1 - j), B);
        for (int r = 0; r < D; r++) {
          for (int c = 0; c < ACT; c++) {
            m[(step - 1) * D + r][j * ACT + c] = blk[r][c];
          }
        }
      }
    }
    double[][] h = new double[cols][cols];
    double[] b = new double[cols];
    for (int i = 0; i < cols; i++) {
      for (int k = 0; k < cols; k++) {
        for (int r = 0; r < rows; r++) {
          h[i][k] += m[r][i] * m[r][k];
        }
      }
      h[i][i] += lambda;
      for (int r = 0; r < rows; r++) {
        b[i] += m[r][i] * rhs[r];
      }
    }
    double[] x = solve(h, b);
    double[][] out = new double[t][ACT];
    for (int s = 0; s < t; s++) {
      for (int c = 0; c < ACT; c++) {
        out[s][c] = x[s * ACT + c];
      }
    }
    return out;
  }

  static float[][] toFloat(double[][] x) {
    float[][] out = new float[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = new float[x[i].length];
      for (int j = 0; j < x[i].length; j++) {
        out[i][j] = (float) x[i][j];
      }
    }
    return out;
  }

  static double maxAbsDiff(float[][] x, double[][] y) {
    double max = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[i].length; j++) {
        max = Math.max(max, Math.abs(x[i][j] - y[i][j]));
      }
    }
    return max;
  }

  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    double[] y = b.clone();
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    for (int col = 0; col < n; col++) {
      int piv = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
          piv = r;
        }
      }
      double[] tmp = m[col];
      m[col] = m[piv];
      m[piv] = tmp;
      double ty = y[col];
      y[col] = y[piv];
      y[piv] = ty;
      for (int r = col + 1; r < n; r++) {
        double f = m[r][col] / m[col][col];
        for (int c = col; c < n; c++) {
          m[r][c] -= f * m[col][c];
        }
        y[r] -= f * y[col];
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = y[r];
      for (int c = r + 1; c < n; c++) {
        s -= m[r][c] * x[c];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }

  private static double[][] identity(int n) {
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      out[i][i] = 1;
    }
    return out;
  }

  private static double[][] mul(double[][] x, double[][] y) {
    double[][] out = new double[x.length][y[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int k = 0; k < y.length; k++) {
        for (int j = 0; j < y[0].length; j++) {
          out[i][j] += x[i][k] * y[k][j];
        }
      }
    }
    return out;
  }

  private static double[] mulVec(double[][] x, double[] v) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      for (int k = 0; k < v.length; k++) {
        out[i] += x[i][k] * v[k];
      }
    }
    return out;
  }

  private static double[] toDouble(float[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i];
    }
    return out;
  }

  private static float[] transposeFlat(double[][] x) {
    float[] out = new float[x.length * x[0].length];
    for (int r = 0; r < x.length; r++) {
      for (int c = 0; c < x[0].length; c++) {
        out[c * x.length + r] = (float) x[r][c];
      }
    }
    return out;
  }
}
