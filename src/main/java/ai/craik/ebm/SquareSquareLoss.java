package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * Square-square loss: L = mean_i [ (E+_i)^2 + (1/M) sum_m max(0, m - E-_{i,m})^2 ], margin m &gt; 0.
 *
 * <p>Shapes: positive [B], negatives [B, M]; scalar out.
 *
 * <p>Meant for non-negative energies (a distance, a squared error): it pulls E+ to 0 and pushes each
 * negative up to at least m. For E+ &lt; 0 the square pulls E+ up towards 0. The negative term is
 * averaged over the M samples (see {@link HingeLoss} for the choice).
 *
 * <p>Reference: LeCun, Chopra, Hadsell, Ranzato, Huang, "A Tutorial on Energy-Based Learning", 2006,
 * Section 2.2.3 (square-square loss); also Hadsell, Chopra, LeCun, "Dimensionality Reduction by
 * Learning an Invariant Mapping", CVPR 2006.
 *
 * @param margin the energy m that negatives are pushed up to
 */
public record SquareSquareLoss(double margin) implements ContrastiveLoss {
  public SquareSquareLoss {
    ContrastiveSupport.checkPositiveFinite("square-square margin", margin, "1.0");
  }

  @Override
  public NDArray loss(NDArray positive, NDArray negatives) {
    ContrastiveSupport.checkPair("square-square loss", positive, negatives);
    NDArray push = negatives.neg().add(margin).maximum(0).square().mean(new int[] {1}); // [B]
    return positive.square().add(push).mean();
  }
}
