package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * What {@link LangevinSampler#sample} returns.
 *
 * @param samples the final points y_k [N, D], detached, in the manager of the initial points
 * @param meanEnergy mean_n E(y_t)[n] at the start of each step t = 0..k-1 (length k; empty when
 *     k = 0), read once per step from the energies already computed for the gradient
 */
public record LangevinResult(NDArray samples, double[] meanEnergy) {
  public LangevinResult {
    meanEnergy = meanEnergy.clone();
  }

  @Override
  public double[] meanEnergy() {
    return meanEnergy.clone();
  }
}
