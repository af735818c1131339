package ai.craik.ebm;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Sparse coding: a latent-variable energy with a linear decoder W [Dy, Dz] whose latent capacity is
 * limited by an L1 penalty (the latent z can use few dictionary columns, so it cannot explain every
 * y and the energy stays high away from the data):
 *
 * <pre>
 *   E(y, z) = ||y - W z||^2 + lambda ||z||_1                       y [B, Dy], z [B, Dz] -> [B]
 * </pre>
 *
 * <p>Inference z_check = argmin_z E(y, z) by ISTA (iterative shrinkage-thresholding), from z = 0:
 *
 * <pre>
 *   z &lt;- S_{lambda/L}( z - (1/L) 2 W^T (W z - y) ),     L = 2 sigma_max(W)^2,
 *   S_t(v) = sign(v) max(|v| - t, 0)                      (soft thresholding)
 * </pre>
 *
 * <p>L is the Lipschitz constant of the gradient of the quadratic term, so each step does not raise
 * the energy. sigma_max(W)^2 is the largest eigenvalue of W^T W, found by power iteration on the
 * host (outside autograd; DJL's PyTorch engine lacks svd/eigh under autograd). Learning alternates
 * ISTA with {@link #dictionaryStep}. References: Olshausen and Field, Nature 381 (1996);
 * Daubechies, Defrise, De Mol, CPAM 57 (2004) (ISTA); Beck and Teboulle, SIAM J. Imaging Sci. 2
 * (2009); LeCun, "A Path Towards Autonomous Machine Intelligence" (2022), regularized
 * latent-variable EBMs.
 */
public final class SparseCoding {
  private static final int POWER_ITERATIONS = 10_000;
  private static final double POWER_TOLERANCE = 1e-12;

  private SparseCoding() {}

  /** E(y, z) = ||y - W z||^2 + lambda ||z||_1 per row, [B]; differentiable in W, y and z. */
  public static NDArray energy(NDArray w, NDArray y, NDArray z, double lambda) {
    checkShapes(w, y, z);
    checkLambda(lambda);
    NDArray wt = w.transpose(); // [Dz, Dy]
    wt.attach(z.getManager()); // a view: keep it out of W's (long-lived) manager
    int[] rows = {1};
    NDArray residual = z.matMul(wt).sub(y); // W z - y: [B, Dy], in z's manager
    return residual.square().sum(rows).add(z.abs().sum(rows).mul(lambda));
  }

  /**
   * S_t(v) = sign(v) max(|v| - t, 0), elementwise, same shape as v; t finite and &gt;= 0. Computed
   * as v - clip(v, -t, t), which gives exactly +0 inside [-t, t].
   */
  public static NDArray softThreshold(NDArray v, double t) {
    Checks.arg(Double.isFinite(t) && t >= 0, "soft threshold t=%s must be finite and >= 0", t);
    return v.sub(v.clip(-t, t));
  }

  /**
   * sigma_max(W), the largest singular value of W [Dy, Dz], by power iteration on W^T W in double
   * precision on the host (deterministic start vector; stops when the estimate changes by less than
   * 1e-12 relative, or after 10^4 iterations). Not differentiable.
   */
  public static double largestSingularValue(NDArray w) {
    ShapeChecks.matrix(w, "dictionary W", "[Dy, Dz]");
    int dy = Math.toIntExact(w.getShape().get(0));
    int dz = Math.toIntExact(w.getShape().get(1));
    double[] a = w.toType(DataType.FLOAT64, false).toDoubleArray(); // row-major [Dy, Dz]
    double[][] g = new double[dz][dz]; // W^T W
    for (int i = 0; i < dz; i++) {
      for (int j = i; j < dz; j++) {
        double s = 0;
        for (int r = 0; r < dy; r++) {
          s += a[r * dz + i] * a[r * dz + j];
        }
        g[i][j] = s;
        g[j][i] = s;
      }
    }
    double[] v = new double[dz];
    for (int i = 0; i < dz; i++) {
      v[i] = 1.0 + 1.0 / (i + 2); // not orthogonal to the top eigenvector of a generic W^T W
    }
    normalize(v);
    double lambda = 0;
    for (int it = 0; it < POWER_ITERATIONS; it++) {
      double[] gv = new double[dz];
      for (int i = 0; i < dz; i++) {
        double s = 0;
        for (int j = 0; j < dz; j++) {
          s += g[i][j] * v[j];
        }
        gv[i] = s;
      }
      double next = normalize(gv); // ||G v|| with ||v|| = 1
      v = gv;
      if (next == 0 || Math.abs(next - lambda) <= POWER_TOLERANCE * next) {
        lambda = next;
        break;
      }
      lambda = next;
    }
    return Math.sqrt(lambda);
  }

  /**
   * ISTA from z = 0 for {@code steps} steps with step 1/L, L = 2 sigma_max(W)^2 (class Javadoc).
   * Runs without gradients; temporaries live in a child manager of y's manager.
   *
   * @param w dictionary [Dy, Dz], not all zero
   * @param y signals [B, Dy]
   * @param lambda L1 weight, finite and &gt;= 0
   * @param steps number of ISTA steps, &gt;= 0
   * @return codes [B, Dz] (owned by y's manager) and the mean-energy trace (steps + 1 entries)
   */
  public static SparseCode ista(NDArray w, NDArray y, double lambda, int steps) {
    ShapeChecks.matrix(w, "dictionary W", "[Dy, Dz]");
    ShapeChecks.matrix(y, "signals y", "[B, Dy]");
    checkLambda(lambda);
    Checks.arg(steps >= 0, "ISTA steps=%s must be >= 0", steps);
    double sigma = largestSingularValue(w);
    Checks.arg(sigma > 0, "dictionary W %s is all zeros; initialize it with unit-norm columns",
        w.getShape());
    double lipschitz = 2 * sigma * sigma;
    long b = y.getShape().get(0);
    long dz = w.getShape().get(1);
    double[] trace = new double[steps + 1];
    NDManager owner = y.getManager();
    try (NDManager scope = owner.newSubManager()) {
      NDArray wt = w.transpose(); // [Dz, Dy]
      wt.attach(scope);
      NDArray z = scope.zeros(new Shape(b, dz), y.getDataType());
      checkShapes(w, y, z);
      trace[0] = mean(energy(w, y, z, lambda));
      for (int t = 0; t < steps; t++) {
        try (NDManager step = scope.newSubManager()) {
          z.attach(step); // the old z dies with this step
          NDArray grad = z.matMul(wt).sub(y).matMul(w).mul(2); // 2 (W z - y)^T W: [B, Dz]
          NDArray next = softThreshold(z.sub(grad.div(lipschitz)), lambda / lipschitz);
          trace[t + 1] = mean(energy(w, y, next, lambda));
          next.attach(scope);
          z = next;
        }
      }
      z.attach(owner);
      return new SparseCode(z, trace);
    }
  }

  /**
   * One dictionary-learning step given codes: a gradient step on the mean reconstruction error,
   * then every column rescaled to unit norm (which keeps the L1 penalty meaningful: otherwise W
   * grows and z shrinks without bound):
   *
   * <pre>
   *   W' = W - lr (2/B) (z W^T - y)^T z,     W'[:, j] &lt;- W'[:, j] / max(||W'[:, j]||, 1e-12)
   * </pre>
   *
   * Runs outside autograd. Returns a new array [Dy, Dz] owned by W's manager (W is not modified;
   * close it when no longer needed); temporaries live in a child manager of y's manager.
   */
  public static NDArray dictionaryStep(NDArray w, NDArray y, NDArray z, double learningRate) {
    checkShapes(w, y, z);
    Checks.arg(Double.isFinite(learningRate) && learningRate > 0,
        "dictionary learning rate=%s must be finite and > 0", learningRate);
    long b = y.getShape().get(0);
    try (NDManager scope = y.getManager().newSubManager()) {
      z.tempAttach(scope); // results of ops on z land in the scope; z goes back on close
      NDArray wt = w.transpose(); // [Dz, Dy]
      wt.attach(scope);
      NDArray residual = z.matMul(wt).sub(y); // W z - y: [B, Dy]
      NDArray step = residual.transpose().matMul(z).mul(-2.0 * learningRate / b); // [Dy, Dz]
      NDArray next = normalizeColumns(step.add(w));
      next.attach(w.getManager());
      return next;
    }
  }

  /** W with every column divided by max(its Euclidean norm, 1e-12); same manager as W. */
  public static NDArray normalizeColumns(NDArray w) {
    ShapeChecks.matrix(w, "dictionary W", "[Dy, Dz]");
    NDArray norms = w.square().sum(new int[] {0}, true).sqrt().maximum(1e-12); // [1, Dz]
    return w.div(norms);
  }

  private static void checkShapes(NDArray w, NDArray y, NDArray z) {
    ShapeChecks.matrix(w, "dictionary W", "[Dy, Dz]");
    ShapeChecks.matrix(y, "signals y", "[B, Dy]");
    ShapeChecks.matrix(z, "codes z", "[B, Dz]");
    Checks.arg(y.getShape().get(1) == w.getShape().get(0)
            && z.getShape().get(1) == w.getShape().get(1)
            && y.getShape().get(0) == z.getShape().get(0),
        "sparse coding shapes do not fit: W %s must be [Dy, Dz] for y %s [B, Dy] and z %s [B, Dz]",
        w.getShape(), y.getShape(), z.getShape());
  }

  private static void checkLambda(double lambda) {
    Checks.arg(Double.isFinite(lambda) && lambda >= 0,
        "sparsity weight lambda=%s must be finite and >= 0", lambda);
  }

  private static double mean(NDArray e) {
    return e.toType(DataType.FLOAT64, false).mean().getDouble();
  }

  private static double normalize(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    double n = Math.sqrt(s);
    if (n > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= n;
      }
    }
    return n;
  }
}
