package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * InfoNCE loss at temperature tau: the cross-entropy of picking the observed answer among itself and
 * its M negatives, with logits -E / tau:
 * L = mean_i -log( exp(-E+_i/tau) / ( exp(-E+_i/tau) + sum_m exp(-E-_{i,m}/tau) ) ).
 *
 * <p>Shapes: positive [B], negatives [B, M] (the observed answer is <em>not</em> among the
 * negatives; it is added as column 0); scalar out. Computed with a log-softmax over the M + 1 logits,
 * so it is stable for any energies, and L is unchanged when the same constant is added to every
 * energy of a row. L &gt;= 0, and L = log(M + 1) when all energies are equal.
 *
 * <p>Reference: van den Oord, Li, Vinyals, "Representation Learning with Contrastive Predictive
 * Coding", 2018, arXiv:1807.03748; in the energy view it is the NLL loss of LeCun et al., "A Tutorial
 * on Energy-Based Learning", 2006, Section 2.2.4, over the sampled answer set, with beta = 1/tau.
 *
 * @param temperature tau &gt; 0; lower values sharpen the softmax
 */
public record InfoNceLoss(double temperature) implements ContrastiveLoss {
  public InfoNceLoss {
    ContrastiveSupport.checkPositiveFinite("infonce temperature", temperature, "0.1");
  }

  @Override
  public NDArray loss(NDArray positive, NDArray negatives) {
    ContrastiveSupport.checkPair("infonce loss", positive, negatives);
    NDArray logits = positive.expandDims(1).concat(negatives, 1).div(-temperature); // [B, M + 1]
    return logits.logSoftmax(1).get(":, 0").neg().mean();
  }
}
