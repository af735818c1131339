package ai.craik.ebm;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;

/**
 * Latent inference by enumeration over a finite set of K latent values z_1 .. z_K (a
 * {@link LatentGrid}, or any [K, Dz] array such as a learned code book):
 *
 * <pre>
 *   E[b, k]   = E(x_b, y_b, z_k)                                   energies [B, K]
 *   z_check_b = z_{k*},  k* = argmin_k E[b, k]                     latent [B, Dz]
 *   F_inf(b)  = min_k E[b, k],   F_beta(b) = softmin_beta E[b, :]  free energies [B]
 * </pre>
 *
 * <p>All B*K triples are scored in one call of the energy: x [B, Dx] and y [B, Dy] are tiled to
 * [B*K, .] (row b*K + k pairs x_b, y_b with z_k) and the result [B*K] is reshaped to [B, K]. A
 * discrete K-valued latent is {@link LatentGrid#oneHot(int)}. Everything is differentiable in the
 * energy's parameters (and in x, y) when called inside a gradient collector; the grid is constant.
 * Memory grows as B*K rows: split the batch when B*K is large.
 *
 * <p>Reference: LeCun, "A Path Towards Autonomous Machine Intelligence" (2022), latent-variable
 * EBMs.
 */
public final class DiscreteLatentInference {
  private DiscreteLatentInference() {}

  /** Energies [B, K] of every (x_b, y_b) with every grid value z_k; see the class Javadoc. */
  public static NDArray energies(LatentEnergy energy, NDArray x, NDArray y, LatentGrid grid) {
    Checks.arg(grid != null, "latent grid is null; pass e.g. LatentGrid.angles(k)");
    return energies(energy, x, y, grid.toArray(y.getManager()));
  }

  /**
   * Energies [B, K] of every (x_b, y_b) with every row z_k of {@code z}.
   *
   * @param x [B, Dx] (Dx = 0 for an unconditional energy)
   * @param y [B, Dy]
   * @param z latent values [K, Dz], Dz = {@code energy.latentDim()}
   */
  public static NDArray energies(LatentEnergy energy, NDArray x, NDArray y, NDArray z) {
    Checks.arg(energy != null, "latent energy is null");
    ShapeChecks.pairedRows(x, y);
    ShapeChecks.matrix(z, "latent values z", "[K, Dz]");
    long b = y.getShape().get(0);
    long k = z.getShape().get(0);
    long dz = z.getShape().get(1);
    Checks.arg(dz == energy.latentDim(),
        "latent values z %s have Dz=%s but the energy expects latentDim()=%s; build the grid with"
            + " %s coordinates per point",
        z.getShape(), dz, energy.latentDim(), energy.latentDim());
    Checks.arg(k >= 1, "latent values z %s are empty; need K >= 1", z.getShape());
    NDArray xt = Rows.repeatEach(x, k); // [B*K, Dx]
    NDArray yt = Rows.repeatEach(y, k); // [B*K, Dy]
    NDArray zt = z.expandDims(0).broadcast(b, k, dz).reshape(b * k, dz); // [B*K, Dz]
    NDArray e = energy.energy(xt, yt, zt); // [B*K]
    ShapeChecks.energies(e, b * k, "LatentEnergy.energy on tiled rows");
    return e.reshape(b, k);
  }

  /** z_check = argmin over the grid [B, Dz] and F_inf = min_k E(x, y, z_k) [B]. */
  public static LatentEstimate infer(LatentEnergy energy, NDArray x, NDArray y, LatentGrid grid) {
    Checks.arg(grid != null, "latent grid is null; pass e.g. LatentGrid.angles(k)");
    return infer(energy, x, y, grid.toArray(y.getManager()));
  }

  /** z_check = argmin over the rows of z [K, Dz], as [B, Dz], and F_inf [B]. */
  public static LatentEstimate infer(LatentEnergy energy, NDArray x, NDArray y, NDArray z) {
    FreeEnergy.Minimum min = FreeEnergy.zeroTemperature(energies(energy, x, y, z));
    return new LatentEstimate(z.get(min.index()), min.energy());
  }

  /** The free energy F_beta(x, y) [B] over the grid; beta = +inf gives F_inf. */
  public static NDArray freeEnergy(
      LatentEnergy energy, NDArray x, NDArray y, LatentGrid grid, double beta) {
    FreeEnergy.checkBeta(beta);
    return FreeEnergy.softmin(energies(energy, x, y, grid), beta);
  }
}
