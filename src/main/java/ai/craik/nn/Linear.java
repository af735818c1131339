package ai.craik.nn;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Affine layer y = x W + b on the last axis.
 *
 * <p>Shapes: x [..., in] to y [..., out]; weight W [in, out] (stored already transposed relative to
 * PyTorch's [out, in], so the data is the first operand of the matmul and the result lives in the
 * data's manager), bias b [out]. Weights start U(-bound, bound) with the bound of the given
 * {@link WeightInit} (fan_in = in, fan_out = out), biases at zero.
 */
public final class Linear {
  private final NDArray weight;
  private final NDArray bias;
  private final String name;
  private final int in;
  private final int out;

  /** Adds {@code <name>.w} [in, out] and {@code <name>.b} [out] to {@code params}. */
  public Linear(Parameters params, String name, int in, int out, WeightInit init,
      SplittableRandom rng) {
    this(params, name + ".w", name + ".b", in, out, init, rng);
  }

  /** Adds the weight and bias under explicit names (as {@link Mlp} does for its layers). */
  public Linear(Parameters params, String weightName, String biasName, int in, int out,
      WeightInit init, SplittableRandom rng) {
    Checks.arg(in > 0 && out > 0, "linear layer '%s' needs positive sizes, got in=%s, out=%s",
        weightName, in, out);
    this.name = weightName;
    this.in = in;
    this.out = out;
    this.weight = params.add(weightName, init.draw(in * out, in, out, rng), new Shape(in, out));
    this.bias = params.add(biasName, new float[out], new Shape(out));
  }

  /** y [..., out] = x [..., in] W + b. */
  public NDArray forward(NDArray x) {
    Shape s = x.getShape();
    Checks.arg(s.dimension() >= 1 && s.get(s.dimension() - 1) == in,
        "linear layer '%s' expects input [..., %s], got %s", name, in, s);
    return x.matMul(weight).add(bias);
  }

  /** Input width. */
  public int inputs() {
    return in;
  }

  /** Output width. */
  public int outputs() {
    return out;
  }

  /** The weight [in, out] (a parameter). */
  public NDArray weight() {
    return weight;
  }

  /** The bias [out] (a parameter). */
  public NDArray bias() {
    return bias;
  }

  /** Multiply-adds per input row: in * out. */
  public long multiplyAdds() {
    return (long) in * out;
  }
}
