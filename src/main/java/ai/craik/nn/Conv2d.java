package ai.craik.nn;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Two-dimensional convolution (cross-correlation, as in PyTorch) with square kernels:
 *
 * <pre>
 *   y[b, o, i, j] = bias[o] + sum_{c, u, v} weight[o, c, u, v] * x_pad[b, c, s i + u, s j + v]
 * </pre>
 *
 * where x_pad is x with {@code padding} zeros on each side and s the stride.
 *
 * <p>Shapes: x [B, in, H, W] to y [B, out, H', W'] with H' = floor((H + 2 p - k) / s) + 1 (same for
 * W); weight [out, in, k, k], bias [out]. Weights start U(-bound, bound) of the given
 * {@link WeightInit} with fan_in = in k^2, fan_out = out k^2; biases at zero. The computation is
 * the engine's functional convolution with the data as first operand, so results live in the data's
 * manager.
 */
public final class Conv2d {
  private final NDArray weight;
  private final NDArray bias;
  private final String name;
  private final int in;
  private final int out;
  private final int kernel;
  private final int stride;
  private final int padding;

  /**
   * Adds {@code <name>.w} [out, in, k, k] and {@code <name>.b} [out] to {@code params}.
   *
   * @param kernel the side k of the square kernel
   * @param stride the step s between output positions (both axes)
   * @param padding zeros added on each side of both spatial axes
   */
  public Conv2d(Parameters params, String name, int in, int out, int kernel, int stride,
      int padding, WeightInit init, SplittableRandom rng) {
    Checks.arg(in > 0 && out > 0 && kernel > 0 && stride > 0 && padding >= 0,
        "conv '%s' needs positive in=%s, out=%s, kernel=%s, stride=%s and padding=%s >= 0",
        name, in, out, kernel, stride, padding);
    this.name = name;
    this.in = in;
    this.out = out;
    this.kernel = kernel;
    this.stride = stride;
    this.padding = padding;
    long fanIn = (long) in * kernel * kernel;
    long fanOut = (long) out * kernel * kernel;
    this.weight = params.add(name + ".w", init.draw(out * in * kernel * kernel, fanIn, fanOut, rng),
        new Shape(out, in, kernel, kernel));
    this.bias = params.add(name + ".b", new float[out], new Shape(out));
  }

  /** y [B, out, H', W'] of x [B, in, H, W]. */
  public NDArray forward(NDArray x) {
    Shape s = x.getShape();
    Checks.arg(s.dimension() == 4 && s.get(1) == in,
        "conv '%s' expects input [B, %s, H, W], got %s", name, in, s);
    Checks.arg(s.get(2) + 2L * padding >= kernel && s.get(3) + 2L * padding >= kernel,
        "conv '%s': input %s is smaller than the kernel %s with padding %s", name, s, kernel,
        padding);
    return ai.djl.nn.convolutional.Conv2d.conv2d(x, weight, bias, new Shape(stride, stride),
        new Shape(padding, padding), new Shape(1, 1), 1).singletonOrThrow();
  }

  /** The output size H' = floor((H + 2 p - k) / s) + 1 of an input size H. */
  public int outputSize(int size) {
    int o = Math.floorDiv(size + 2 * padding - kernel, stride) + 1;
    Checks.arg(o >= 1, "conv '%s': input size %s is smaller than the kernel %s with padding %s",
        name, size, kernel, padding);
    return o;
  }

  /** Multiply-adds per image of size H x W: out * in * k^2 * H' * W'. */
  public long multiplyAdds(int height, int width) {
    return (long) out * in * kernel * kernel * outputSize(height) * outputSize(width);
  }

  /** Input channels. */
  public int inChannels() {
    return in;
  }

  /** Output channels. */
  public int outChannels() {
    return out;
  }

  /** The weight [out, in, k, k] (a parameter). */
  public NDArray weight() {
    return weight;
  }

  /** The bias [out] (a parameter). */
  public NDArray bias() {
    return bias;
  }
}
