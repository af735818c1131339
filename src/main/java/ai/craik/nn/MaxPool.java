package ai.craik.nn;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * Two-dimensional max pooling with square windows: y[b, c, i, j] = max over the k x k window at
 * (s i - p, s j - p) of x, where positions outside x count as minus infinity.
 *
 * <p>Shapes: x [B, C, H, W] to y [B, C, H', W'], H' = floor((H + 2 p - k) / s) + 1. No parameters.
 * PyTorch requires p <= k / 2.
 *
 * @param kernel window side k
 * @param stride step s
 * @param padding p on each side
 */
public record MaxPool(int kernel, int stride, int padding) {
  public MaxPool {
    Checks.arg(kernel > 0 && stride > 0 && padding >= 0 && 2 * padding <= kernel,
        "max pool needs kernel > 0, stride > 0 and 0 <= padding <= kernel / 2, got kernel=%s,"
            + " stride=%s, padding=%s", kernel, stride, padding);
  }

  /** The 3 x 3, stride 2, padding 1 pool of the IMPALA encoder (halves H, rounding up). */
  public static MaxPool impala() {
    return new MaxPool(3, 2, 1);
  }

  /** y [B, C, H', W'] of x [B, C, H, W]. */
  public NDArray forward(NDArray x) {
    Checks.arg(x.getShape().dimension() == 4, "max pool expects input [B, C, H, W], got %s",
        x.getShape());
    return Pool.maxPool2d(x, new Shape(kernel, kernel), new Shape(stride, stride),
        new Shape(padding, padding), false);
  }

  /** The output size H' = floor((H + 2 p - k) / s) + 1 of an input size H. */
  public int outputSize(int size) {
    int o = Math.floorDiv(size + 2 * padding - kernel, stride) + 1;
    Checks.arg(o >= 1, "max pool: input size %s is smaller than the window %s with padding %s",
        size, kernel, padding);
    return o;
  }
}
