package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.Conv2d;
import ai.craik.nn.LayerNorm;
import ai.craik.nn.Linear;
import ai.craik.nn.MaxPool;
import ai.craik.nn.Parameters;
import ai.craik.nn.ResidualBlock;
import ai.craik.nn.WeightInit;
import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The IMPALA encoder (Espeholt et al., "IMPALA: Scalable Distributed Deep-RL with Importance
 * Weighted Actor-Learner Architectures", ICML 2018, arXiv:1802.01561), ending in a linear map to
 * the latent size and a layer norm:
 *
 * <pre>
 *   for each stack k (channels c_k):  h = res_k1(res_k0(maxpool_3x3/2(conv3x3_k(h))))
 *   s = LN(relu(h).flatten() W + b)
 * </pre>
 *
 * where res is {@link ResidualBlock} (y = x + conv(relu(conv(relu(x))))) and the pool has stride 2
 * and padding 1, so each stack maps H to ceil(H / 2).
 *
 * <p>Shapes: observations [B, C, H, W] (the size given at construction) to latents [B, D]. For
 * 65 x 65 the three stacks give 33, 17, 9 (flattened 32 * 9 * 9 = 2592 with the default widths
 * 16/32/32); for 32 x 32 they give 16, 8, 4 (512). Parameters: {@code stack<k>.conv},
 * {@code stack<k>.res0.conv0} ... {@code stack<k>.res1.conv1}, {@code proj}, {@code norm}. Weights
 * start with PyTorch's default U(+-1/sqrt(fan_in)) ({@link WeightInit#FAN_IN_UNIFORM}), biases at
 * 0.
 */
public final class ImpalaEncoder implements NormalizedEncoder {
  /** The published stack widths. */
  public static final int[] DEFAULT_WIDTHS = {16, 32, 32};

  private static final WeightInit INIT = WeightInit.FAN_IN_UNIFORM;
  private static final MaxPool POOL = MaxPool.impala();

  private final Parameters params;
  private final int channels;
  private final int height;
  private final int width;
  private final Conv2d[] convs;
  private final ResidualBlock[][] blocks;
  private final Linear proj;
  private final LayerNorm norm;
  private final long multiplyAdds;

  /**
   * Adds the encoder's parameters to {@code params}, drawn from {@code init}.
   *
   * @param widths channels of each stack, e.g. {16, 32, 32}
   */
  public ImpalaEncoder(Parameters params, int channels, int height, int width, int[] widths,
      int latentDim, SplittableRandom init) {
    Checks.arg(channels > 0 && height > 0 && width > 0,
        "IMPALA encoder needs a positive input size, got [%s, %s, %s]", channels, height, width);
    Checks.arg(widths.length > 0, "IMPALA encoder needs at least one stack width");
    Checks.arg(latentDim > 0, "IMPALA encoder needs latent_dim > 0, got %s", latentDim);
    this.params = params;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.convs = new Conv2d[widths.length];
    this.blocks = new ResidualBlock[widths.length][2];
    int c = channels;
    int h = height;
    int w = width;
    long macs = 0;
    for (int k = 0; k < widths.length; k++) {
      Checks.arg(widths[k] > 0, "IMPALA stack widths must be positive, got %s",
          Arrays.toString(widths));
      String stack = "stack" + k;
      convs[k] = new Conv2d(params, stack + ".conv", c, widths[k], 3, 1, 1, INIT, init);
      macs += convs[k].multiplyAdds(h, w);
      h = POOL.outputSize(convs[k].outputSize(h));
      w = POOL.outputSize(convs[k].outputSize(w));
      for (int j = 0; j < 2; j++) {
        blocks[k][j] = new ResidualBlock(params, stack + ".res" + j, widths[k], INIT, init);
        macs += blocks[k][j].multiplyAdds(h, w);
      }
      c = widths[k];
    }
    this.proj = new Linear(params, "proj", c * h * w, latentDim, INIT, init);
    this.norm = new LayerNorm(params, "norm", latentDim);
    this.multiplyAdds = macs + proj.multiplyAdds();
  }

  @Override
  public NDArray encode(NDArray observations) {
    Observations.checkImages("IMPALA encoder", observations, channels, height, width);
    NDArray h = observations;
    for (int k = 0; k < convs.length; k++) {
      h = POOL.forward(convs[k].forward(h));
      h = blocks[k][1].forward(blocks[k][0].forward(h));
    }
    h = Activation.RELU.apply(h);
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
