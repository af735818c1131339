package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * Square-exponential loss: L = mean_i [ (E+_i)^2 + gamma (1/M) sum_m exp(-E-_{i,m}) ], gamma &gt; 0.
 *
 * <p>Shapes: positive [B], negatives [B, M]; scalar out.
 *
 * <p>Meant for non-negative energies: it pulls E+ to 0 and pushes negatives up with a force that
 * decays exponentially, so it has no hard margin. The negative term is averaged over the M samples.
 *
 * <p>Reference: LeCun, Chopra, Hadsell, Ranzato, Huang, "A Tutorial on Energy-Based Learning", 2006,
 * Section 2.2.3 (square-exponential loss; Chopra, Hadsell, LeCun, CVPR 2005).
 *
 * @param gamma weight of the push on the negatives
 */
public record SquareExponentialLoss(double gamma) implements ContrastiveLoss {
  public SquareExponentialLoss {
    ContrastiveSupport.checkPositiveFinite("square-exponential gamma", gamma, "1.0");
  }

  @Override
  public NDArray loss(NDArray positive, NDArray negatives) {
    ContrastiveSupport.checkPair("square-exponential loss", positive, negatives);
    NDArray push = negatives.neg().exp().mean(new int[] {1}).mul(gamma); // [B]
    return positive.square().add(push).mean();
  }
}
