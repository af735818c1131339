package ai.craik.nn;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Multi-layer perceptron y = W_L act(... act(x W_1 + b_1) ...) + b_L on rows of x.
 *
 * <p>Shapes: x [B, widths[0]] to y [B, widths[L]]; layer i holds {@code <name>.w<i>} of shape
 * [widths[i], widths[i+1]] and {@code <name>.b<i>} of shape [widths[i+1]]. Weights start uniform in
 * ±sqrt(6 / (fan_in + fan_out)) (Glorot) drawn from the given stream, biases at zero, so the same
 * stream gives the same network.
 */
public final class Mlp {
  private final Parameters params;
  private final String name;
  private final int[] widths;
  private final Activation activation;

  /** Adds the layers' parameters to {@code params} under the prefix {@code name}. */
  public Mlp(Parameters params, String name, int[] widths, Activation activation,
      SplittableRandom init) {
    Checks.arg(widths.length >= 2, "an MLP needs at least input and output widths, got %s",
        Arrays.toString(widths));
    this.params = params;
    this.name = name;
    this.widths = widths.clone();
    this.activation = activation;
    for (int i = 0; i + 1 < widths.length; i++) {
      int in = widths[i];
      int out = widths[i + 1];
      Checks.arg(in > 0 && out > 0, "MLP widths must be positive, got %s", Arrays.toString(widths));
      double bound = Math.sqrt(6.0 / (in + out));
      float[] w = new float[in * out];
      for (int k = 0; k < w.length; k++) {
        w[k] = (float) ((init.nextDouble() * 2 - 1) * bound);
      }
      params.add(name + ".w" + i, w, new Shape(in, out));
      params.add(name + ".b" + i, new float[out], new Shape(out));
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

  /** Forward pass: x [B, inputs] to [B, outputs]. */
  public NDArray forward(NDArray x) {
    Checks.arg(x.getShape().dimension() == 2 && x.getShape().get(1) == widths[0],
        "MLP '%s' expects input [B, %s], got %s", name, widths[0], x.getShape());
    NDArray h = x;
    int layers = widths.length - 1;
    for (int i = 0; i < layers; i++) {
      h = h.matMul(params.get(name + ".w" + i)).add(params.get(name + ".b" + i));
      if (i + 1 < layers) {
        h = activation.apply(h);
      }
    }
    return h;
  }
}
