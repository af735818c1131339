package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.Conv2d;
import ai.craik.nn.Parameters;
import ai.craik.nn.WeightInit;
import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * An evaluation decoder from a spatial representation back to pixels, for pictures of predicted
 * futures: nearest-neighbour doubling and a 3 x 3 convolution with ReLU per doubling, then a
 * 3 x 3 convolution to the frame's channels and a sigmoid,
 *
 * <pre>
 *   h_0 = s;   h_i = relu(conv3x3(up2(h_{i-1})));   frame = sigmoid(conv3x3(h_k))
 * </pre>
 *
 * trained on detached representations with the squared error, so it never shapes them.
 * Shapes: [B, C, h, w] to [B, channels, h 2^k, w 2^k]. Parameters {@code dec.up<i>},
 * {@code dec.out}.
 */
public final class PixelDecoder {
  private final Conv2d[] ups;
  private final Conv2d out;

  /**
   * Adds the decoder's parameters.
   *
   * @param widths channels after each doubling (k = widths.length doublings)
   */
  public PixelDecoder(Parameters params, int channels, int[] widths, int frameChannels,
      SplittableRandom init) {
    Checks.arg(widths.length >= 1, "the pixel decoder needs at least one doubling");
    this.ups = new Conv2d[widths.length];
    int c = channels;
    for (int i = 0; i < widths.length; i++) {
      ups[i] = new Conv2d(params, "dec.up" + i, c, widths[i], 3, 1, 1, WeightInit.HE_UNIFORM,
          init);
      c = widths[i];
    }
    this.out = new Conv2d(params, "dec.out", c, frameChannels, 3, 1, 1,
        WeightInit.FAN_IN_UNIFORM, init);
  }

  /** Frames [B, channels, H, W] in (0, 1) of maps [B, C, h, w]. */
  public NDArray decode(NDArray maps) {
    NDArray h = maps;
    for (Conv2d up : ups) {
      h = Activation.RELU.apply(up.forward(h.repeat(2, 2).repeat(3, 2)));
    }
    return ai.djl.nn.Activation.sigmoid(out.forward(h));
  }
}
