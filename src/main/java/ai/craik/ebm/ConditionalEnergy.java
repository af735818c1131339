package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * A conditional energy F(x, y): low when y is compatible with x. Inference is y = argmin_y F(x, y).
 *
 * <p>Shapes: x [B, Dx], y [B, Dy] to energies [B]; row i of x goes with row i of y.
 */
@FunctionalInterface
public interface ConditionalEnergy {
  /** Energies [B] of the pairs (x[i], y[i]). */
  NDArray energy(NDArray x, NDArray y);
}
