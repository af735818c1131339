package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/** A generative map g(x, z) -> y: x [B, Dx] (Dx may be 0), z [B, Dz] to y [B, Dy]. */
@FunctionalInterface
public interface Decoder {
  /** The predicted y [B, Dy] for each row of x and z. */
  NDArray decode(NDArray x, NDArray z);
}
