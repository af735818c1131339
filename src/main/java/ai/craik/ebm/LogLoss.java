package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * Log loss, a soft hinge with an infinite margin, averaged over the negatives:
 * L = mean_i (1/M) sum_m log(1 + exp(E+_i - E-_{i,m})).
 *
 * <p>Shapes: positive [B], negatives [B, M]; scalar out. Computed with a stable softplus, so large
 * energy gaps neither overflow nor lose the gradient. The gradient never vanishes: it keeps pushing
 * the pair apart ever more weakly.
 *
 * <p>As with {@link HingeLoss}, every sampled negative contributes; pass
 * {@code negatives.min(new int[] {1}, true)} for the tutorial's most-offending form.
 *
 * <p>Reference: LeCun, Chopra, Hadsell, Ranzato, Huang, "A Tutorial on Energy-Based Learning", 2006,
 * Section 2.2.3 (generalized margin losses: log loss).
 */
public record LogLoss() implements ContrastiveLoss {
  @Override
  public NDArray loss(NDArray positive, NDArray negatives) {
    ContrastiveSupport.checkPair("log loss", positive, negatives);
    return ContrastiveSupport.softplus(positive.expandDims(1).sub(negatives)).mean(); // [B, M] -> []
  }
}
