package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * A latent-variable energy E(x, y, z). The latent z carries what x does not determine about y; the
 * energy of (x, y) is a free energy over z: F_inf(x, y) = min_z E(x, y, z), or the softmin
 * F_beta at inverse temperature beta (see {@link FreeEnergy}).
 *
 * <p>Shapes: x [B, Dx] (Dx = 0 for an unconditional energy), y [B, Dy], z [B, Dz] to [B]; rows go
 * together.
 */
public interface LatentEnergy {
  /** Energies [B] of the triples (x[i], y[i], z[i]). */
  NDArray energy(NDArray x, NDArray y, NDArray z);

  /** The latent dimension Dz. */
  int latentDim();
}
