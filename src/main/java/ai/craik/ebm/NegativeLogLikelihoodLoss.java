package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * Negative log-likelihood loss over a discrete answer set of K candidates, inverse temperature beta:
 * L = mean_i [ E+_i + (1/beta) log sum_k exp(-beta E_{i,k}) ].
 *
 * <p>Shapes: positive [B]; {@code negatives} [B, K] holds the energies of all K candidate answers
 * <em>including</em> the observed one (so each row is the full answer set); scalar out. With that
 * convention L = -(1/beta) mean_i log P(Y^i | X^i) for the Gibbs distribution
 * P(y | x) = exp(-beta E(y, x)) / sum_k exp(-beta E(k, x)), and L &gt;= 0.
 *
 * <p>The log-sum-exp subtracts the row maximum, so it is stable for any energies. Adding the same
 * constant to every energy (the positive and all K candidates) leaves L unchanged; adding c to the
 * {@code positive} argument alone changes L by exactly c, adding c to the candidates alone by exactly
 * -c.
 *
 * <p>Reference: LeCun, Chopra, Hadsell, Ranzato, Huang, "A Tutorial on Energy-Based Learning", 2006,
 * Section 2.2.4 (negative log-likelihood loss).
 *
 * @param beta the inverse temperature; as beta grows the loss tends to the perceptron loss
 */
public record NegativeLogLikelihoodLoss(double beta) implements ContrastiveLoss {
  public NegativeLogLikelihoodLoss {
    ContrastiveSupport.checkPositiveFinite("nll beta", beta, "1.0");
  }

  @Override
  public NDArray loss(NDArray positive, NDArray negatives) {
    ContrastiveSupport.checkPair("nll loss", positive, negatives);
    NDArray logPartition = ContrastiveSupport.logSumExp(negatives.mul(-beta), 1).div(beta); // [B]
    return positive.add(logPartition).mean();
  }
}
