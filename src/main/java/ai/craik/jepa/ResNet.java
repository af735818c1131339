package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.BasicBlock;
import ai.craik.nn.Conv2d;
import ai.craik.nn.GroupNorm;
import ai.craik.nn.Parameters;
import ai.craik.nn.WeightInit;
import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A residual network of {@link BasicBlock}s with group normalization:
 *
 * <pre>
 *   stem:    relu(GN(conv3x3_{stem stride}(x)))         widths[0] channels
 *   stage k: blocks[k] basic blocks of widths[k] channels, the first with stride 2 for k > 0
 * </pre>
 *
 * <p>{@link #resNet18Cifar} is the CIFAR variant of ResNet-18 (3 x 3 stem of stride 1 and no
 * max-pool, stages of 64, 128, 256, 512 channels with two blocks each: 32 px to a 512 x 4 x 4
 * map, about 0.56 G multiply-adds per image); a smaller base width scales every stage. The video
 * JEPA uses a short one with a stride-2 stem that keeps a spatial map. Group instead of batch
 * normalization keeps an image's features independent of its batch (see {@link GroupNorm}).
 *
 * <p>He et al., "Deep Residual Learning for Image Recognition", CVPR 2016, arXiv:1512.03385.
 */
public final class ResNet implements ImageBackbone {
  private final Parameters params;
  private final Conv2d stem;
  private final GroupNorm stemNorm;
  private final BasicBlock[] blocks;
  private final int features;
  private final int mapSize;
  private final long multiplyAdds;

  /**
   * Adds the network's parameters for images [B, channels, size, size].
   *
   * @param stemStride stride of the stem convolution (1 or 2)
   * @param widths channels of each stage (the stem has widths[0])
   * @param blocks basic blocks of each stage, at least 1 each
   * @param groups preferred group count of the norms
   */
  public ResNet(Parameters params, int channels, int size, int stemStride, int[] widths,
      int[] blocks, int groups, SplittableRandom init) {
    Checks.arg(widths.length >= 1 && widths.length == blocks.length,
        "resnet needs one block count per stage width, got widths %s and blocks %s",
        Arrays.toString(widths), Arrays.toString(blocks));
    Checks.arg(stemStride == 1 || stemStride == 2, "resnet stem stride must be 1 or 2, got %s",
        stemStride);
    this.params = params;
    this.stem = new Conv2d(params, "stem", channels, widths[0], 3, stemStride, 1,
        WeightInit.HE_UNIFORM, init);
    this.stemNorm = new GroupNorm(params, "stem_gn", widths[0], GroupNorm.groupsFor(widths[0],
        groups));
    int s = stem.outputSize(size);
    long macs = stem.multiplyAdds(size, size);
    int total = Arrays.stream(blocks).sum();
    this.blocks = new BasicBlock[total];
    int c = widths[0];
    int n = 0;
    for (int k = 0; k < widths.length; k++) {
      Checks.arg(widths[k] > 0 && blocks[k] >= 1,
          "resnet stage %s needs a positive width and at least one block, got %s and %s", k,
          widths[k], blocks[k]);
      for (int j = 0; j < blocks[k]; j++) {
        int stride = k > 0 && j == 0 ? 2 : 1;
        BasicBlock b = new BasicBlock(params, "layer" + k + "." + j, c, widths[k], stride, groups,
            WeightInit.HE_UNIFORM, init);
        macs += b.multiplyAdds(s, s);
        s = b.outputSize(s);
        c = widths[k];
        this.blocks[n++] = b;
      }
    }
    this.features = c;
    this.mapSize = s;
    this.multiplyAdds = macs;
  }

  /** ResNet-18, CIFAR variant, with stage widths base, 2 base, 4 base, 8 base (base 64 is the original). */
  public static ResNet resNet18Cifar(Parameters params, int channels, int size, int base,
      SplittableRandom init) {
    return new ResNet(params, channels, size, 1, new int[] {base, 2 * base, 4 * base, 8 * base},
        new int[] {2, 2, 2, 2}, 32, init);
  }

  @Override
  public NDArray featureMap(NDArray images) {
    NDArray h = Activation.RELU.apply(stemNorm.forward(stem.forward(images)));
    for (BasicBlock b : blocks) {
      h = b.forward(h);
    }
    return h;
  }

  @Override
  public int featureChannels() {
    return features;
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
