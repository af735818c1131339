package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.Conv2d;
import ai.craik.nn.GroupNorm;
import ai.craik.nn.Parameters;
import ai.craik.nn.WeightInit;
import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A small convolutional encoder for 28-64 px images: a stack of 3 x 3 convolutions, each followed
 * by group normalization and ReLU, the first with stride 1 and every later one with stride 2,
 *
 * <pre>
 *   h_0 = x;   h_i = relu(GN(conv3x3_{s_i}(h_{i-1})))   s_1 = 1, s_i = 2 for i > 1
 * </pre>
 *
 * so widths {32, 64, 128, 256} take a 32 x 32 image to a 256 x 4 x 4 map (about 15 M multiply-adds
 * per image). Parameters {@code conv<i>}, {@code gn<i>}; weights start He-uniform.
 */
public final class SmallCnn implements ImageBackbone {
  private final Parameters params;
  private final Conv2d[] convs;
  private final GroupNorm[] norms;
  private final int mapSize;
  private final long multiplyAdds;

  /**
   * Adds the encoder's parameters for images [B, channels, size, size].
   *
   * @param widths output channels of the convolutions, at least one
   * @param groups preferred group count of the norms
   */
  public SmallCnn(Parameters params, int channels, int size, int[] widths, int groups,
      SplittableRandom init) {
    Checks.arg(widths.length >= 1, "small_cnn needs at least one width, got none");
    Checks.arg(channels > 0 && size > 0, "small_cnn needs a positive input, got %s x %s px",
        channels, size);
    this.params = params;
    this.convs = new Conv2d[widths.length];
    this.norms = new GroupNorm[widths.length];
    int c = channels;
    int s = size;
    long macs = 0;
    for (int i = 0; i < widths.length; i++) {
      Checks.arg(widths[i] > 0, "small_cnn widths must be positive, got %s",
          Arrays.toString(widths));
      convs[i] = new Conv2d(params, "conv" + i, c, widths[i], 3, i == 0 ? 1 : 2, 1,
          WeightInit.HE_UNIFORM, init);
      norms[i] = new GroupNorm(params, "gn" + i, widths[i], GroupNorm.groupsFor(widths[i], 8));
      macs += convs[i].multiplyAdds(s, s);
      s = convs[i].outputSize(s);
      c = widths[i];
    }
    this.mapSize = s;
    this.multiplyAdds = macs;
  }

  @Override
  public NDArray featureMap(NDArray images) {
    NDArray h = images;
    for (int i = 0; i < convs.length; i++) {
      h = Activation.RELU.apply(norms[i].forward(convs[i].forward(h)));
    }
    return h;
  }

  @Override
  public int featureChannels() {
    return convs[convs.length - 1].outChannels();
  }

  @Override
  public int mapSize() {
    return mapSize;
  }

  @Override
  public long multiplyAddsPerImage() {
    return multiplyAdds;
  }

  @Override
  public Parameters parameters() {
    return params;
  }
}
