package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * An unconditional energy F(y): low for likely (compatible) y, high elsewhere.
 *
 * <p>Shapes: y [B, Dy] to energies [B]. Implementations must be differentiable in y when used with
 * gradient-based inference or Langevin sampling.
 */
@FunctionalInterface
public interface Energy {
  /** Energies [B] of the rows of y [B, Dy]. */
  NDArray energy(NDArray y);
}
