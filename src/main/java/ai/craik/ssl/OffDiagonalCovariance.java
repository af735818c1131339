package ai.craik.ssl;

import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * The covariance term as eb_jepa and PLDM's Two Rooms runs scale it: the mean of the squared
 * off-diagonal covariances,
 *
 * <pre>
 *   Cov(Z) = (1/(B - 1)) * Zc^T Zc,   Zc = Z - mean over rows      ([D, D])
 *   c(Z)   = (1/(D (D - 1))) * sum_{i != j} Cov(Z)_{ij}^2  =  CovariancePenalty(Z) / (D - 1)
 * </pre>
 *
 * <p>Shapes: z [B, D] with B at least 2 to a scalar, reported under {@value #PART}; 0 when D = 1.
 * It differs from {@link CovariancePenalty} (VICReg's 1/D) only by the factor 1/(D - 1), which keeps
 * the term's size independent of D: the published Two Rooms coefficient (covariance 8 next to
 * variance 16) is meant for this normalization, and with VICReg's it would be D - 1 times stronger.
 *
 * <p>eb_jepa's {@code CovarianceLoss} (facebookresearch/eb_jepa, {@code losses.py}); Bardes, Ponce,
 * LeCun, "VICReg", ICLR 2022, arXiv:2105.04906, for the term itself.
 */
public record OffDiagonalCovariance() implements Regularizer {
  /** Part name of the term. */
  public static final String PART = "cov";

  @Override
  public LossTerms apply(NDArray z) {
    Embeddings.checkBatch("OffDiagonalCovariance", z, 2, "the covariance divides by B - 1");
    long d = z.getShape().get(1);
    NDArray vicreg = new CovariancePenalty().apply(z).total(); // (1/D) sum_{i != j} C_ij^2
    NDArray c = d == 1 ? vicreg : vicreg.div((float) (d - 1)); // []
    return new LossTerms(c, Map.of(PART, c));
  }
}
