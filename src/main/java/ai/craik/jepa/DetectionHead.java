package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.Conv2d;
import ai.craik.nn.Parameters;
import ai.craik.nn.WeightInit;
import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * An evaluation head that reads object locations from a spatial representation: for each cell of
 * the map, the logit that some object's centre lies in that cell,
 *
 * <pre>
 *   logits = conv1x1(relu(conv3x3(s)))      [B, 1, h, w]
 * </pre>
 *
 * trained with the binary cross-entropy on detached representations (it never shapes them).
 * Parameters {@code det.hidden}, {@code det.out}.
 */
public final class DetectionHead {
  private final Conv2d hidden;
  private final Conv2d out;
  private final int channels;

  /** Adds the head's parameters for maps of {@code channels} channels. */
  public DetectionHead(Parameters params, int channels, int width, SplittableRandom init) {
    Checks.arg(channels > 0 && width > 0, "the detection head needs positive sizes, got %s, %s",
        channels, width);
    this.channels = channels;
    this.hidden = new Conv2d(params, "det.hidden", channels, width, 3, 1, 1,
        WeightInit.HE_UNIFORM, init);
    this.out = new Conv2d(params, "det.out", width, 1, 1, 1, 0, WeightInit.FAN_IN_UNIFORM, init);
  }

  /** Logits [B, h, w] of maps [B, C, h, w]. */
  public NDArray logits(NDArray maps) {
    Checks.arg(maps.getShape().dimension() == 4 && maps.getShape().get(1) == channels,
        "the detection head expects maps [B, %s, h, w], got %s", channels, maps.getShape());
    NDArray l = out.forward(Activation.RELU.apply(hidden.forward(maps)));
    return l.reshape(l.getShape().get(0), l.getShape().get(2), l.getShape().get(3));
  }

  /**
   * The mean binary cross-entropy of logits [B, h, w] against 0/1 targets of the same shape:
   * softplus(l) - t l, computed stably as max(l, 0) - t l + log(1 + exp(-|l|)).
   */
  public static NDArray binaryCrossEntropy(NDArray logits, NDArray targets) {
    NDArray stable = logits.abs().neg().exp().add(1f).log();
    return logits.maximum(0f).sub(logits.mul(targets)).add(stable).mean();
  }
}
