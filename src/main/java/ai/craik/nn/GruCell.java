package ai.craik.nn;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.SplittableRandom;

/**
 * Gated recurrent unit cell (Cho et al., "Learning Phrase Representations using RNN Encoder-Decoder
 * for Statistical Machine Translation", EMNLP 2014, arXiv:1406.1078), in PyTorch's {@code GRUCell}
 * convention (the reset gate multiplies the hidden projection including its bias):
 *
 * <pre>
 *   r  = sigmoid(x W_ir + b_ir + h W_hr + b_hr)
 *   z  = sigmoid(x W_iz + b_iz + h W_hz + b_hz)
 *   n  = tanh(x W_in + b_in + r * (h W_hn + b_hn))
 *   h' = (1 - z) * n + z * h
 * </pre>
 *
 * <p>Shapes: x [B, I], h [B, H] to h' [B, H]. The three gates are fused into two {@link Linear}
 * layers with the gate blocks in PyTorch's order (r, z, n) along the output axis:
 * {@code <name>.ih.w} [I, 3H] = [W_ir | W_iz | W_in], {@code <name>.ih.b} [3H], {@code <name>.hh.w}
 * [H, 3H] = [W_hr | W_hz | W_hn], {@code <name>.hh.b} [3H]. Weights start U(-1/sqrt(fan_in),
 * 1/sqrt(fan_in)) ({@link WeightInit#FAN_IN_UNIFORM}; PyTorch uses 1/sqrt(H) for both), biases
 * at 0.
 */
public final class GruCell {
  private final Linear inputToGates;
  private final Linear hiddenToGates;
  private final String name;
  private final int inputs;
  private final int hidden;

  /** Adds the cell's parameters for input size {@code inputs} and hidden size {@code hidden}. */
  public GruCell(Parameters params, String name, int inputs, int hidden, SplittableRandom rng) {
    Checks.arg(inputs > 0 && hidden > 0, "GRU cell '%s' needs positive sizes, got inputs=%s,"
        + " hidden=%s", name, inputs, hidden);
    this.name = name;
    this.inputs = inputs;
    this.hidden = hidden;
    this.inputToGates = new Linear(params, name + ".ih", inputs, 3 * hidden,
        WeightInit.FAN_IN_UNIFORM, rng);
    this.hiddenToGates = new Linear(params, name + ".hh", hidden, 3 * hidden,
        WeightInit.FAN_IN_UNIFORM, rng);
  }

  /** The next hidden state h' [B, H] from input x [B, I] and hidden state h [B, H]. */
  public NDArray forward(NDArray x, NDArray h) {
    Checks.arg(x.getShape().dimension() == 2 && h.getShape().dimension() == 2
            && x.getShape().get(0) == h.getShape().get(0) && x.getShape().get(1) == inputs
            && h.getShape().get(1) == hidden,
        "GRU cell '%s' expects x [B, %s] and h [B, %s], got %s and %s", name, inputs, hidden,
        x.getShape(), h.getShape());
    long[] cuts = {hidden, 2L * hidden};
    NDList gi = inputToGates.forward(x).split(cuts, 1); // [B, H] each: r, z, n parts
    NDList gh = hiddenToGates.forward(h).split(cuts, 1);
    NDArray r = gi.get(0).add(gh.get(0)).getNDArrayInternal().sigmoid();
    NDArray z = gi.get(1).add(gh.get(1)).getNDArrayInternal().sigmoid();
    NDArray n = gi.get(2).add(r.mul(gh.get(2))).tanh();
    return n.add(z.mul(h.sub(n))); // (1 - z) n + z h
  }

  /** Input size I. */
  public int inputs() {
    return inputs;
  }

  /** Hidden size H. */
  public int hidden() {
    return hidden;
  }

  /** Multiply-adds per row: 3 H (I + H). */
  public long multiplyAdds() {
    return inputToGates.multiplyAdds() + hiddenToGates.multiplyAdds();
  }
}
