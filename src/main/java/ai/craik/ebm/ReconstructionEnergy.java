package ai.craik.ebm;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;

/**
 * The latent-variable energy of a decoder: E(x, y, z) = ||y − g(x, z)||², summed over the Dy
 * coordinates. With z of low capacity (an angle, a K-valued code, a sparse code) its free energy
 * min_z E is low only near the manifold {g(x, z)}; with an unrestricted z of y's dimension it would
 * be zero everywhere (collapse).
 *
 * <p>Shapes: x [B, Dx], y [B, Dy], z [B, Dz] to [B].
 */
public record ReconstructionEnergy(Decoder decoder, int latentDim) implements LatentEnergy {
  public ReconstructionEnergy {
    Checks.arg(latentDim >= 1, "latent dimension must be >= 1, got %s", latentDim);
  }

  @Override
  public NDArray energy(NDArray x, NDArray y, NDArray z) {
    NDArray g = decoder.decode(x, z);
    Checks.arg(g.getShape().equals(y.getShape()),
        "decoder output %s does not match y %s", g.getShape(), y.getShape());
    return y.sub(g).square().sum(new int[] {1});
  }
}
