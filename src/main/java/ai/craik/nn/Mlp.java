package ai.craik.nn;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Multi-layer perceptron y = W_L act(... act(x W_1 + b_1) ...) + b_L on rows of x.
 *
 * <p>Shapes: x [B, widths[0]] to y [B, widths[L]]; layer i holds {@code <name>.w<i>} of shape
 * [widths[i], widths[i+1]] and {@code <name>.b<i>} of shape [widths[i+1]]. Weights start uniform in
 * ±sqrt(6 / (fan_in + fan_out)) (Glorot) drawn from the given stream, biases at zero, so the same
 * stream gives the same network. Each layer is a {@link Linear}.
 */
public final class Mlp {
  private final String name;
  private final int[] widths;
  private final Activation activation;
  private final Linear[] layers;

  /** Adds the layers' parameters to {@code params} under the prefix {@code name}. */
  public Mlp(Parameters params, String name, int[] widths, Activation activation,
      SplittableRandom init) {
    Checks.arg(widths.length >= 2, "an MLP needs at least input and output widths, got %s",
        Arrays.toString(widths));
    this.name = name;
    this.widths = widths.clone();
    this.activation = activation;
    this.layers = new Linear[widths.length - 1];
    for (int i = 0; i + 1 < widths.length; i++) {
      Checks.arg(widths[i] > 0 && widths[i + 1] > 0, "MLP widths must be positive, got %s",
          Arrays.toString(widths));
      layers[i] = new Linear(params, name + ".w" + i, name + ".b" + i, widths[i], widths[i + 1],
          WeightInit.GLOROT_UNIFORM, init);
    }
  }

  /** Input width. */
  public int inputs() {
    return widths[0];
  }

  /** Output width. */
  public int outputs() {
    return widths[widths.length - 1];
  }

  /** Multiply-adds per input row: the sum of widths[i] * widths[i+1]. */
  public long multiplyAdds() {
    long n = 0;
    for (Linear l : layers) {
      n += l.multiplyAdds();
    }
    return n;
  }

  /** Forward pass: x [B, inputs] to [B, outputs]. */
  public NDArray forward(NDArray x) {
    Checks.arg(x.getShape().dimension() == 2 && x.getShape().get(1) == widths[0],
        "MLP '%s' expects input [B, %s], got %s", name, widths[0], x.getShape());
    NDArray h = x;
    for (int i = 0; i < layers.length; i++) {
      h = layers[i].forward(h);
      if (i + 1 < layers.length) {
        h = activation.apply(h);
      }
    }
    return h;
  }
}
