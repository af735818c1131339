package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.Conv2d;
import ai.craik.nn.LayerNorm;
import ai.craik.nn.Linear;
import ai.craik.nn.Parameters;
import ai.craik.nn.WeightInit;
import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A plain convolutional encoder, smaller and faster than {@link ImpalaEncoder}:
 *
 * <pre>
 *   h = relu(conv3x3/2_L(... relu(conv3x3/2_1(o)) ...));   s = LN(h.flatten() W + b)
 * </pre>
 *
 * Each convolution has a 3 x 3 kernel, stride 2 and padding 1, so it maps H to ceil(H / 2).
 *
 * <p>Shapes: observations [B, C, H, W] (the size given at construction) to latents [B, D]; with
 * widths 32/64/64, 32 x 32 inputs become 64 x 4 x 4 = 1024 features before the projection, 65 x 65
 * inputs 64 x 9 x 9. Parameters: {@code conv<i>}, {@code proj}, {@code norm}; weights start with
 * PyTorch's default U(+-1/sqrt(fan_in)), biases at 0.
 */
public final class ConvEncoder implements NormalizedEncoder {
  /** Default channel widths of the three convolutions. */
  public static final int[] DEFAULT_WIDTHS = {32, 64, 64};

  private static final WeightInit INIT = WeightInit.FAN_IN_UNIFORM;

  private final Parameters params;
  private final int channels;
  private final int height;
  private final int width;
  private final Conv2d[] convs;
  private final Linear proj;
  private final LayerNorm norm;
  private final long multiplyAdds;

  /**
   * Adds the encoder's parameters to {@code params}, drawn from {@code init}.
   *
   * @param widths output channels of each stride-2 convolution
   */
  public ConvEncoder(Parameters params, int channels, int height, int width, int[] widths,
      int latentDim, SplittableRandom init) {
    Checks.arg(channels > 0 && height > 0 && width > 0,
        "conv encoder needs a positive input size, got [%s, %s, %s]", channels, height, width);
    Checks.arg(widths.length > 0, "conv encoder needs at least one convolution width");
    Checks.arg(latentDim > 0, "conv encoder needs latent_dim > 0, got %s", latentDim);
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
      Checks.arg(widths[i] > 0, "conv encoder widths must be positive, got %s",
          Arrays.toString(widths));
      convs[i] = new Conv2d(params, "conv" + i, c, widths[i], 3, 2, 1, INIT, init);
      macs += convs[i].multiplyAdds(h, w);
      h = convs[i].outputSize(h);
      w = convs[i].outputSize(w);
      c = widths[i];
    }
    this.proj = new Linear(params, "proj", c * h * w, latentDim, INIT, init);
    this.norm = new LayerNorm(params, "norm", latentDim);
    this.multiplyAdds = macs + proj.multiplyAdds();
  }

  @Override
  public NDArray encode(NDArray observations) {
    Observations.checkImages("conv encoder", observations, channels, height, width);
    NDArray h = observations;
    for (Conv2d conv : convs) {
      h = Activation.RELU.apply(conv.forward(h));
    }
    h = h.reshape(h.getShape().get(0), -1); // [B, c * h * w]
    return norm.forward(proj.forward(h));
  }

  @Override
  public int latentDim() {
    return norm.dim();
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
