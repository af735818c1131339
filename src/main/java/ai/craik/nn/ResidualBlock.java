package ai.craik.nn;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * The residual block of the IMPALA encoder (Espeholt et al., "IMPALA", ICML 2018,
 * arXiv:1802.01561):
 *
 * <pre>
 *   y = x + conv1(relu(conv0(relu(x))))        conv0, conv1: 3 x 3, stride 1, padding 1, C -> C
 * </pre>
 *
 * <p>Shapes: x [B, C, H, W] to y [B, C, H, W]. Parameters {@code <name>.conv0.w/b} and
 * {@code <name>.conv1.w/b} (see {@link Conv2d}); weights start with the given {@link WeightInit}.
 */
public final class ResidualBlock {
  private final Conv2d conv0;
  private final Conv2d conv1;

  /** Adds the two convolutions of a block on {@code channels} channels. */
  public ResidualBlock(Parameters params, String name, int channels, WeightInit init,
      SplittableRandom rng) {
    this.conv0 = new Conv2d(params, name + ".conv0", channels, channels, 3, 1, 1, init, rng);
    this.conv1 = new Conv2d(params, name + ".conv1", channels, channels, 3, 1, 1, init, rng);
  }

  /** y = x + conv1(relu(conv0(relu(x)))), x [B, C, H, W]. */
  public NDArray forward(NDArray x) {
    NDArray h = conv0.forward(Activation.RELU.apply(x));
    h = conv1.forward(Activation.RELU.apply(h));
    return x.add(h);
  }

  /** Multiply-adds per image of size H x W (two 3 x 3 convolutions). */
  public long multiplyAdds(int height, int width) {
    return conv0.multiplyAdds(height, width) + conv1.multiplyAdds(height, width);
  }
}
