package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.Conv2d;
import ai.craik.nn.LayerNorm;
import ai.craik.nn.Parameters;
import ai.craik.nn.WeightInit;
import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A convolutional encoder whose latent keeps its spatial layout (a feature map), as in PLDM:
 *
 * <pre>
 *   h = relu(conv3x3_L(... relu(conv3x3_1(o)) ...));   m = conv3x3_out(h)  [B, C, h, w]
 *   s = LN(flatten(m))                                 [B, D],  D = C h w
 * </pre>
 *
 * The first k convolutions have stride 2 (k = the halvings from the input size to the map size,
 * H to ceil(H / 2) each), the rest stride 1; all have padding 1. The output convolution (stride 1,
 * no activation) maps to the C latent channels. The norm runs over all D entries (channels and
 * positions) and is shared with the predictor ({@link NormalizedEncoder}).
 *
 * <p>Shapes: observations [B, channels, H, W] to latents [B, C h w]; with widths 16/32, map 8 and
 * C = 8, 32 x 32 frames become 8 x 8 x 8 = 512 latents. Parameters: {@code conv<i>}, {@code out},
 * {@code norm}; weights start with PyTorch's default U(+-1/sqrt(fan_in)), biases at 0.
 *
 * <p>Sobal et al. 2025, "Learning from Reward-Free Offline Data: A Case for Planning with Latent
 * Dynamics Models" (PLDM), arXiv:2502.14819; facebookresearch/eb_jepa (spatial latents).
 */
public final class ConvSpatialEncoder implements SpatialEncoder {
  private static final WeightInit INIT = WeightInit.FAN_IN_UNIFORM;

  private final Parameters params;
  private final int channels;
  private final int height;
  private final int width;
  private final Conv2d[] convs;
  private final Conv2d out;
  private final LayerNorm norm;
  private final int mapChannels;
  private final int mapHeight;
  private final int mapWidth;
  private final long multiplyAdds;

  /**
   * Adds the encoder's parameters to {@code params}, drawn from {@code init}.
   *
   * @param widths output channels of the hidden convolutions (stride 2 until the map size is
   *     reached, then stride 1)
   * @param mapSize the side of the latent map; the input must halve to it exactly
   * @param mapChannels C, the channels of the latent map
   */
  public ConvSpatialEncoder(Parameters params, int channels, int height, int width, int[] widths,
      int mapSize, int mapChannels, SplittableRandom init) {
    Checks.arg(channels > 0 && height > 0 && width > 0,
        "conv_spatial encoder needs a positive input size, got [%s, %s, %s]", channels, height,
        width);
    Checks.arg(mapSize > 0 && mapChannels > 0,
        "conv_spatial encoder needs map_size > 0 and channels > 0, got %s and %s", mapSize,
        mapChannels);
    int halvings = halvings(Math.max(height, width), mapSize);
    Checks.arg(halvings >= 0 && halvings(Math.min(height, width), mapSize) == halvings,
        "conv_spatial encoder: input %sx%s does not halve to map_size %s; use a map_size of the"
            + " form ceil(size / 2^k), e.g. %s", height, width, mapSize,
        (Math.min(height, width) + 3) / 4);
    Checks.arg(widths.length >= halvings,
        "conv_spatial encoder: %s widths %s give at most %s stride-2 convolutions, but %s px to"
            + " map_size %s needs %s; add widths or raise map_size", widths.length,
        Arrays.toString(widths), widths.length, height, mapSize, halvings);
    this.params = params;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.convs = new Conv2d[widths.length];
    int c = channels;
    int h = height;
    int w = width;
    long macs = 0;
    for (int i = 0; i < widths.length; i++) {
      Checks.arg(widths[i] > 0, "conv_spatial encoder widths must be positive, got %s",
          Arrays.toString(widths));
      convs[i] = new Conv2d(params, "conv" + i, c, widths[i], 3, i < halvings ? 2 : 1, 1, INIT,
          init);
      macs += convs[i].multiplyAdds(h, w);
      h = convs[i].outputSize(h);
      w = convs[i].outputSize(w);
      c = widths[i];
    }
    this.out = new Conv2d(params, "out", c, mapChannels, 3, 1, 1, INIT, init);
    macs += out.multiplyAdds(h, w);
    Checks.verify(h == mapSize && w == mapSize, "conv_spatial encoder reached %sx%s, not %s", h, w,
        mapSize);
    this.mapChannels = mapChannels;
    this.mapHeight = h;
    this.mapWidth = w;
    this.norm = new LayerNorm(params, "norm", mapChannels * h * w);
    this.multiplyAdds = macs;
  }

  /** The number k of ceil-halvings from {@code size} to {@code target}, or -1 if none reaches it. */
  static int halvings(int size, int target) {
    int k = 0;
    while (size > target) {
      size = (size + 1) / 2;
      k++;
    }
    return size == target ? k : -1;
  }

  @Override
  public NDArray encode(NDArray observations) {
    Observations.checkImages("conv_spatial encoder", observations, channels, height, width);
    NDArray h = observations;
    for (Conv2d conv : convs) {
      h = Activation.RELU.apply(conv.forward(h));
    }
    NDArray map = out.forward(h); // [B, C, h, w]
    return norm.forward(map.reshape(map.getShape().get(0), -1)); // [B, C h w]
  }

  @Override
  public int latentDim() {
    return norm.dim();
  }

  @Override
  public int mapChannels() {
    return mapChannels;
  }

  @Override
  public int mapHeight() {
    return mapHeight;
  }

  @Override
  public int mapWidth() {
    return mapWidth;
  }

  @Override
  public Parameters parameters() {
    return params;
  }

  @Override
  public LayerNorm outputNorm() {
    return norm;
  }

  @Override
  public long multiplyAddsPerFrame() {
    return multiplyAdds;
  }
}
