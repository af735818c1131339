package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.LayerNorm;
import ai.craik.nn.Linear;
import ai.craik.nn.Parameters;
import ai.craik.nn.WeightInit;
import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The expander of joint-embedding methods: an MLP from representations to the embeddings the loss
 * sees, with a norm and ReLU after each hidden layer and a plain linear output,
 *
 * <pre>
 *   h_i = relu(LN(h_{i-1} W_i + b_i)),  i < L;    z = h_{L-1} W_L + b_L
 * </pre>
 *
 * (VICReg and Barlow Twins use batch norm in the same places; layer norm keeps rows independent).
 * Shapes: x [B, widths[0]] to z [B, widths[L]]. Parameters {@code <name>.l<i>.w/b},
 * {@code <name>.ln<i>}.
 */
public final class Projector {
  private final Linear[] layers;
  private final LayerNorm[] norms;

  /** Adds the layers of widths[0] -> ... -> widths[L] to {@code params}. */
  public Projector(Parameters params, String name, int[] widths, SplittableRandom init) {
    Checks.arg(widths.length >= 2, "a projector needs input and output widths, got %s",
        Arrays.toString(widths));
    this.layers = new Linear[widths.length - 1];
    this.norms = new LayerNorm[widths.length - 2];
    for (int i = 0; i + 1 < widths.length; i++) {
      layers[i] = new Linear(params, name + ".l" + i + ".w", name + ".l" + i + ".b", widths[i],
          widths[i + 1], WeightInit.FAN_IN_UNIFORM, init);
      if (i + 2 < widths.length) {
        norms[i] = new LayerNorm(params, name + ".ln" + i, widths[i + 1]);
      }
    }
  }

  /** Embeddings [B, out] of x [B, in]. */
  public NDArray forward(NDArray x) {
    NDArray h = x;
    for (int i = 0; i < layers.length; i++) {
      h = layers[i].forward(h);
      if (i < norms.length) {
        h = Activation.RELU.apply(norms[i].forward(h));
      }
    }
    return h;
  }

  /** The output width. */
  public int outputs() {
    return layers[layers.length - 1].outputs();
  }
}
