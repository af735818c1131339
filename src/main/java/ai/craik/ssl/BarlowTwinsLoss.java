package ai.craik.ssl;

import ai.craik.config.Checks;
import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Barlow Twins: drives the cross-correlation matrix of two views' standardized embeddings to the
 * identity,
 *
 * <pre>
 *   Zn[:, j] = (Z[:, j] - mean_b Z[b, j]) / sqrt(Var_b Z[b, j] + eps)   (biased variance, 1/B)
 *   C        = (1/B) * Zn_a^T Zn_b                                        ([D, D])
 *   L        = sum_i (1 - C_ii)^2 + lambda * sum_{i != j} C_ij^2
 * </pre>
 *
 * <p>The diagonal term makes each dimension invariant to the view, the off-diagonal term
 * decorrelates the dimensions (redundancy reduction). Standardizing with the biased variance, like
 * the reference code's affine-free batch norm, makes C_ii exactly the per-dimension correlation
 * (up to eps). Parts (raw): {@code on_diag} = sum_i (1 - C_ii)^2 and {@code off_diag} =
 * sum_{i != j} C_ij^2. Shapes: za [B, D], zb [B, D] with B at least 2 to a scalar.
 *
 * <p>Zbontar, Jing, Misra, LeCun, Deny, "Barlow Twins: Self-Supervised Learning via Redundancy
 * Reduction", ICML 2021, arXiv:2103.03230 (lambda = 5e-3; eps = 1e-5 as in batch norm).
 *
 * @param lambda weight of the off-diagonal term, at least 0
 * @param eps added to the variance before standardizing, greater than 0
 */
public record BarlowTwinsLoss(double lambda, double eps) implements JointEmbeddingLoss {
  /** Part name of the diagonal (invariance) term. */
  public static final String ON_DIAG = "on_diag";
  /** Part name of the off-diagonal (redundancy reduction) term. */
  public static final String OFF_DIAG = "off_diag";

  public BarlowTwinsLoss {
    Checks.arg(Double.isFinite(lambda) && lambda >= 0,
        "BarlowTwinsLoss lambda=%s must be finite and at least 0; the paper uses 5e-3", lambda);
    Checks.arg(Double.isFinite(eps) && eps > 0,
        "BarlowTwinsLoss eps=%s must be finite and greater than 0; batch norm uses 1e-5", eps);
  }

  /** Barlow Twins with off-diagonal weight {@code lambda} and eps = 1e-5. */
  public BarlowTwinsLoss(double lambda) {
    this(lambda, 1e-5);
  }

  /** The paper's setting: lambda = 5e-3, eps = 1e-5. */
  public static BarlowTwinsLoss defaults() {
    return new BarlowTwinsLoss(5e-3);
  }

  @Override
  public LossTerms loss(NDArray za, NDArray zb) {
    Embeddings.checkPair("BarlowTwinsLoss", za, zb, 2, "standardizing needs a spread");
    long b = za.getShape().get(0);
    int d = (int) za.getShape().get(1);
    NDArray c = standardized(za).transpose().matMul(standardized(zb)).div((float) b); // [D, D]
    NDArray diag = c.mul(Embeddings.eye(za, d)).sum(new int[] {1}); // [D]
    NDArray onDiag = diag.neg().add(1f).square().sum(); // []
    NDArray offDiag = c.mul(Embeddings.offDiagonal(za, d)).square().sum(); // []
    NDArray total = onDiag.add(offDiag.mul((float) lambda));
    Map<String, NDArray> parts = new LinkedHashMap<>();
    parts.put(ON_DIAG, onDiag);
    parts.put(OFF_DIAG, offDiag);
    return new LossTerms(total, parts);
  }

  private NDArray standardized(NDArray z) {
    NDArray zc = Embeddings.centred(z); // [B, D]
    NDArray var = zc.square().mean(new int[] {0}, true); // [1, D], biased
    return zc.div(var.add((float) eps).sqrt());
  }
}
