package ai.craik.ssl;

import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * VICReg covariance term, the mean squared off-diagonal covariance of the embedding dimensions:
 *
 * <pre>
 *   Cov(Z) = (1/(B - 1)) * Zc^T Zc,   Zc = Z - mean over rows   ([D, D])
 *   c(Z)   = (1/D) * sum_{i != j} Cov(Z)_{ij}^2
 * </pre>
 *
 * <p>Shapes: z [B, D] with B at least 2 to a scalar, reported under {@value #PART}. It decorrelates
 * the dimensions so that they do not all carry the same information (dimensional collapse); it is
 * zero for a whitened batch and for a constant one, so pair it with {@link VarianceHinge}.
 *
 * <p>Bardes, Ponce, LeCun, "VICReg: Variance-Invariance-Covariance Regularization for
 * Self-Supervised Learning", ICLR 2022, arXiv:2105.04906.
 */
public record CovariancePenalty() implements Regularizer {
  /** Part name of the term. */
  public static final String PART = "cov";

  @Override
  public LossTerms apply(NDArray z) {
    Embeddings.checkBatch("CovariancePenalty", z, 2, "the covariance divides by B - 1");
    long b = z.getShape().get(0);
    int d = (int) z.getShape().get(1);
    NDArray zc = Embeddings.centred(z); // [B, D]
    NDArray cov = zc.transpose().matMul(zc).div((float) (b - 1)); // [D, D]
    NDArray c = cov.mul(Embeddings.offDiagonal(z, d)).square().sum().div((float) d); // []
    return new LossTerms(c, Map.of(PART, c));
  }
}
