package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * Generalized perceptron loss: L = mean_i ( E+_i - min_m E-_{i,m} ).
 *
 * <p>Shapes: positive [B], negatives [B, M]; scalar out. The gradient is +1/B on every positive
 * energy and -1/B on the lowest negative of each row (0 on the others).
 *
 * <p>No margin: the loss is zero as soon as the observed answer ties the best negative, so it does
 * not keep a gap open. The tutorial takes the min over all answers including the observed one, which
 * makes L &gt;= 0; with negatives that exclude the observed answer L can be negative.
 *
 * <p>Reference: LeCun, Chopra, Hadsell, Ranzato, Huang, "A Tutorial on Energy-Based Learning", 2006,
 * Section 2.2.2 (generalized perceptron loss).
 */
public record PerceptronLoss() implements ContrastiveLoss {
  @Override
  public NDArray loss(NDArray positive, NDArray negatives) {
    ContrastiveSupport.checkPair("perceptron loss", positive, negatives);
    return positive.sub(negatives.min(new int[] {1})).mean(); // [B] -> []
  }
}
