package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * A contrastive loss functional: pushes down the energies of observed pairs and pushes up the
 * energies of contrastive (negative) samples, so that the energy surface is shaped on both sides.
 *
 * <p>Shapes: {@code positive} [B] holds E+ = E(W, Y^i, X^i), the energy of the observed answer of
 * row i; {@code negatives} [B, M] holds E-_{i,m}, the energies of M contrastive answers for row i
 * (sampled, enumerated or produced by Langevin dynamics). The result is a scalar: the mean over the B
 * rows of the per-row loss. A well-formed loss has dL/dE+ &gt;= 0 and dL/dE- &lt;= 0 everywhere.
 *
 * <p>Implementations: {@link EnergyLoss}, {@link PerceptronLoss}, {@link HingeLoss}, {@link LogLoss},
 * {@link SquareSquareLoss}, {@link SquareExponentialLoss}, {@link NegativeLogLikelihoodLoss},
 * {@link InfoNceLoss}; {@link ContrastiveLosses#of} builds one by name. Noise-contrastive estimation
 * needs the noise log-density as well and has its own signature ({@link NceLoss}).
 *
 * <p>Reference: LeCun, Chopra, Hadsell, Ranzato, Huang, "A Tutorial on Energy-Based Learning", in
 * Predicting Structured Data, MIT Press, 2006, Section 2.2 (loss functionals).
 */
@FunctionalInterface
public interface ContrastiveLoss {
  /**
   * The scalar loss mean_i L(E+_i, E-_{i,:}).
   *
   * @param positive energies [B] of the observed pairs
   * @param negatives energies [B, M] of M contrastive samples per row
   * @return a scalar array in {@code positive}'s manager
   */
  NDArray loss(NDArray positive, NDArray negatives);
}
