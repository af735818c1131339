package ai.craik.ssl;

import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * Invariance term: the mean squared error between paired embeddings of two views,
 *
 * <pre>
 *   s(Z_a, Z_b) = (1/(B * D)) * sum_b sum_j (Z_a[b, j] - Z_b[b, j])^2
 * </pre>
 *
 * <p>Shapes: za [B, D], zb [B, D] to a scalar, reported under {@value #PART}. This is the mean over
 * all B * D entries, as the reference VICReg code ({@code F.mse_loss}) computes it and for which its
 * weight 25 was tuned; the paper writes the sum over j, i.e. D times this value.
 *
 * <p>Bardes, Ponce, LeCun, "VICReg", ICLR 2022, arXiv:2105.04906 (invariance term s).
 */
public record InvarianceMse() implements JointEmbeddingLoss {
  /** Part name of the term. */
  public static final String PART = "inv";

  @Override
  public LossTerms loss(NDArray za, NDArray zb) {
    Embeddings.checkPair("InvarianceMse", za, zb, 1, "a batch needs a row");
    NDArray s = za.sub(zb).square().mean(); // []
    return new LossTerms(s, Map.of(PART, s));
  }
}
