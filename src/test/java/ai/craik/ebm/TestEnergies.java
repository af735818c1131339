package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/** Small energies with known minima, shared by the inference tests. */
final class TestEnergies {
  private TestEnergies() {}

  /**
   * The ellipse energy E(x, y, z) = ||y - (2 cos z, 1.5 sin z)||^2, x [B, 0], y [B, 2], z [B, 1]:
   * the data manifold is the ellipse with semi-axes 2 and 1.5, z its angle.
   */
  static LatentEnergy ellipse() {
    return new LatentEnergy() {
      @Override
      public NDArray energy(NDArray x, NDArray y, NDArray z) {
        NDArray point = z.cos().mul(2).concat(z.sin().mul(1.5), 1); // [B, 2]
        return point.sub(y).square().sum(new int[] {1});
      }

      @Override
      public int latentDim() {
        return 1;
      }
    };
  }

  /** The double well F(y) = sum_j (y_j^2 - 1)^2, minima at y_j = -1 and +1. */
  static Energy doubleWell() {
    return y -> y.square().sub(1).square().sum(new int[] {1});
  }
}
