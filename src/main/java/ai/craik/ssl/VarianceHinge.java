package ai.craik.ssl;

import ai.craik.config.Checks;
import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * VICReg variance term, a hinge on the standard deviation of every embedding dimension:
 *
 * <pre>
 *   v(Z) = (1/D) * sum_j max(0, gamma - sqrt(Var(Z[:, j]) + eps)),
 *   Var(Z[:, j]) = (1/(B - 1)) * sum_b (Z[b, j] - mean_b Z[b, j])^2   (unbiased, as in VICReg)
 * </pre>
 *
 * <p>Shapes: z [B, D] with B at least 2 to a scalar, reported under {@value #PART}. It is zero once
 * every dimension has a standard deviation of at least gamma, and it prevents the collapse of all
 * embeddings to one point. eps keeps the gradient of the square root finite at zero variance; a
 * constant batch gives exactly gamma - sqrt(eps).
 *
 * <p>Bardes, Ponce, LeCun, "VICReg: Variance-Invariance-Covariance Regularization for
 * Self-Supervised Learning", ICLR 2022, arXiv:2105.04906 (defaults gamma = 1, eps = 1e-4).
 *
 * @param gamma target standard deviation per dimension, at least 0
 * @param eps added to the variance before the square root, greater than 0
 */
public record VarianceHinge(double gamma, double eps) implements Regularizer {
  /** Part name of the term. */
  public static final String PART = "std";

  public VarianceHinge {
    Checks.arg(Double.isFinite(gamma) && gamma >= 0,
        "VarianceHinge gamma=%s must be finite and at least 0; VICReg uses 1", gamma);
    Checks.arg(Double.isFinite(eps) && eps > 0,
        "VarianceHinge eps=%s must be finite and greater than 0; VICReg uses 1e-4", eps);
  }

  /** The VICReg setting: gamma = 1, eps = 1e-4. */
  public static VarianceHinge defaults() {
    return new VarianceHinge(1.0, 1e-4);
  }

  @Override
  public LossTerms apply(NDArray z) {
    Embeddings.checkBatch("VarianceHinge", z, 2, "the unbiased variance divides by B - 1");
    long b = z.getShape().get(0);
    NDArray var = Embeddings.centred(z).square().sum(new int[] {0}).div((float) (b - 1)); // [D]
    NDArray std = var.add((float) eps).sqrt(); // [D]
    NDArray v = std.neg().add((float) gamma).maximum(0f).mean(); // []
    return new LossTerms(v, Map.of(PART, v));
  }
}
