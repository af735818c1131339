package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * Hinge (margin) loss averaged over the negatives:
 * L = mean_i (1/M) sum_m max(0, m + E+_i - E-_{i,m}), with margin m &gt; 0.
 *
 * <p>Shapes: positive [B], negatives [B, M]; scalar out.
 *
 * <p>Choice: the tutorial applies the hinge to the single most offending incorrect answer,
 * max(0, m + E+ - min_m E-). Here every sampled negative inside the margin gets a gradient, which
 * uses all M samples and is smoother when the negatives come from a sampler. For the tutorial's form
 * pass {@code negatives.min(new int[] {1}, true)} (shape [B, 1]); with M = 1 both coincide.
 *
 * <p>Reference: LeCun, Chopra, Hadsell, Ranzato, Huang, "A Tutorial on Energy-Based Learning", 2006,
 * Section 2.2.3 (generalized margin losses: hinge loss).
 *
 * @param margin the gap m that the negatives must keep above the positive energy
 */
public record HingeLoss(double margin) implements ContrastiveLoss {
  public HingeLoss {
    ContrastiveSupport.checkPositiveFinite("hinge margin", margin, "1.0");
  }

  @Override
  public NDArray loss(NDArray positive, NDArray negatives) {
    ContrastiveSupport.checkPair("hinge loss", positive, negatives);
    // [B, 1] - [B, M] -> [B, M]; mean over all B*M entries = mean_i of mean_m.
    return positive.expandDims(1).sub(negatives).add(margin).maximum(0).mean();
  }
}
