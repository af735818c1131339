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
 *   h_i = relu(N(h_{i-1} W_i + b_i)),  i < L;    z = h_{L-1} W_L + b_L
 * </pre>
 *
 * where N is a layer norm (each row alone) or, as in VICReg and Barlow Twins, a batch norm: each
 * column standardized over the rows of the call, then the same per-column gain and bias. The
 * projector exists only for the training loss, so the batch norm always uses the statistics of the
 * batch at hand and keeps no running averages; call it once per view so each view is normalized
 * over its own batch. Shapes: x [B, widths[0]] to z [B, widths[L]] (B at least 2 with a batch
 * norm). Parameters {@code <name>.l<i>.w/b}, {@code <name>.ln<i>} (gain and bias either way).
 */
public final class Projector {
  private final Linear[] layers;
  private final LayerNorm[] norms;
  private final boolean batchNorm;

  /** A projector with layer norms. */
  public Projector(Parameters params, String name, int[] widths, SplittableRandom init) {
    this(params, name, widths, false, init);
  }

  /**
   * Adds the layers of widths[0] -> ... -> widths[L] to {@code params}, with batch norms when
   * {@code batchNorm}, else layer norms.
   */
  public Projector(Parameters params, String name, int[] widths, boolean batchNorm,
      SplittableRandom init) {
    Checks.arg(widths.length >= 2, "a projector needs input and output widths, got %s",
        Arrays.toString(widths));
    this.layers = new Linear[widths.length - 1];
    this.norms = new LayerNorm[widths.length - 2];
    this.batchNorm = batchNorm;
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
        h = Activation.RELU.apply(batchNorm ? batchNormalized(h, norms[i]) : norms[i].forward(h));
      }
    }
    return h;
  }

  /** Columns of h [B, D] standardized over the rows, then scaled by the norm's gain and bias. */
  private static NDArray batchNormalized(NDArray h, LayerNorm affine) {
    Checks.arg(h.getShape().get(0) >= 2, "a batch-norm projector needs at least 2 rows, got %s",
        h.getShape());
    NDArray centred = h.sub(h.mean(new int[] {0}, true));
    NDArray std = centred.square().mean(new int[] {0}, true).add(LayerNorm.DEFAULT_EPS).sqrt();
    return centred.div(std).mul(affine.gain()).add(affine.bias());
  }

  /** The output width. */
  public int outputs() {
    return layers[layers.length - 1].outputs();
  }
}
