package ai.craik.ebm;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;

/** Shape checks shared by this package's inference classes; messages name the shape and fix. */
final class ShapeChecks {
  private ShapeChecks() {}

  /** Requires {@code a} to be a matrix; {@code expected} names its axes, e.g. "[B, K]". */
  static void matrix(NDArray a, String name, String expected) {
    Checks.arg(a != null, "%s is null; pass an array of shape %s", name, expected);
    Checks.arg(a.getShape().dimension() == 2,
        "%s has shape %s but must be %s; reshape it to 2 axes", name, a.getShape(), expected);
  }

  /** Requires x [B, Dx] and y [B, Dy] to be matrices with the same number of rows. */
  static void pairedRows(NDArray x, NDArray y) {
    matrix(x, "x", "[B, Dx] (Dx = 0 for an unconditional energy)");
    matrix(y, "y", "[B, Dy]");
    Checks.arg(x.getShape().get(0) == y.getShape().get(0),
        "x %s and y %s must have the same number of rows B; row i of x goes with row i of y",
        x.getShape(), y.getShape());
  }

  /** Requires the energy output to be a vector of {@code n} values. */
  static void energies(NDArray e, long n, String who) {
    Checks.arg(e != null && e.getShape().dimension() == 1 && e.getShape().get(0) == n,
        "%s returned energies of shape %s, expected [%s] (one energy per row)",
        who, e == null ? "null" : e.getShape(), n);
  }
}
