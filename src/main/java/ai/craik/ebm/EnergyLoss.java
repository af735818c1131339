package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * Energy loss: L = mean_i E+_i. It only pushes down the energy of the observed pairs and ignores
 * the negatives.
 *
 * <p>Shapes: positive [B]; negatives are ignored (may be {@code null}); scalar out.
 *
 * <p>Warning: with nothing pushing energies up, a flexible energy collapses: the cheapest solution
 * makes every answer's energy low (a flat surface). Use it only when the architecture itself makes
 * low energy a limited resource (e.g. a normalised or quantised latent, sparse codes, or an energy
 * that cannot be low everywhere at once), or add a regularizer that prevents collapse.
 *
 * <p>Reference: LeCun, Chopra, Hadsell, Ranzato, Huang, "A Tutorial on Energy-Based Learning", 2006,
 * Section 2.2.1 (energy loss).
 */
public record EnergyLoss() implements ContrastiveLoss {
  @Override
  public NDArray loss(NDArray positive, NDArray negatives) {
    ContrastiveSupport.checkPositive("energy loss", positive);
    return positive.mean();
  }
}
