package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * The Gibbs (Boltzmann) distribution over the K columns of an energy matrix E [B, K]:
 *
 * <pre>
 *   P_beta(k | b) = exp(-beta E[b, k]) / sum_j exp(-beta E[b, j])  =  softmax(-beta E[b, :])_k
 * </pre>
 *
 * <p>It is the gradient of the softmin free energy: dF_beta(b)/dE[b, k] = P_beta(k | b) (see {@link
 * FreeEnergy#softmin}). As beta -&gt; inf it tends to the indicator of argmin_k E; as beta -&gt; 0
 * to the uniform distribution 1/K. Reference: LeCun et al., "A Tutorial on Energy-Based Learning"
 * (2006), section 1.3.
 */
public final class Gibbs {
  private Gibbs() {}

  /**
   * Gibbs probabilities [B, K] of E [B, K]; each row sums to 1.
   *
   * <p>Finite beta: softmax of -beta (E - min_k E), stable for any beta &gt; 0 and differentiable
   * in E. {@code beta = Double.POSITIVE_INFINITY}: the indicator of the row minimum; when several
   * columns tie for the minimum the mass is split evenly among them (the beta -&gt; inf limit of
   * the finite formula); this case is not differentiable (no gradient flows to E).
   *
   * @param e energies [B, K], K &gt;= 1, finite
   * @param beta inverse temperature, &gt; 0 or {@code Double.POSITIVE_INFINITY}
   */
  public static NDArray probabilities(NDArray e, double beta) {
    FreeEnergy.checkBeta(beta);
    FreeEnergy.checkEnergies(e);
    int[] rows = {1};
    NDArray min = e.min(rows, true).stopGradient(); // [B, 1]
    if (beta == Double.POSITIVE_INFINITY) {
      NDArray hit = e.stopGradient().eq(min).toType(e.getDataType(), false); // [B, K] in {0, 1}
      return hit.div(hit.sum(rows, true));
    }
    return e.sub(min).mul(-beta).softmax(1);
  }
}
