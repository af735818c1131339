package ai.craik.nn;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * The basic residual block of ResNet-18 and -34 (He et al., "Deep Residual Learning for Image
 * Recognition", CVPR 2016, arXiv:1512.03385), with group instead of batch normalization:
 *
 * <pre>
 *   y = relu(GN(conv3x3(relu(GN(conv3x3_s(x))))) + shortcut(x))
 *   shortcut(x) = x                           when stride 1 and in = out
 *               = GN(conv1x1_s(x))            otherwise (the projection shortcut)
 * </pre>
 *
 * <p>Shapes: x [B, in, H, W] to y [B, out, H', W'] with H' = ceil(H / s). Parameters
 * {@code <name>.conv0/.gn0/.conv1/.gn1} and, with a projection, {@code <name>.proj/.gnp}. The
 * convolutions have biases (the norm after them makes those redundant but harmless).
 */
public final class BasicBlock {
  private final Conv2d conv0;
  private final GroupNorm gn0;
  private final Conv2d conv1;
  private final GroupNorm gn1;
  private final Conv2d proj;
  private final GroupNorm gnp;

  /**
   * Adds a block from {@code in} to {@code out} channels with the given stride of its first
   * convolution; {@code groups} is the preferred group count of its norms.
   */
  public BasicBlock(Parameters params, String name, int in, int out, int stride, int groups,
      WeightInit init, SplittableRandom rng) {
    int g = GroupNorm.groupsFor(out, groups);
    this.conv0 = new Conv2d(params, name + ".conv0", in, out, 3, stride, 1, init, rng);
    this.gn0 = new GroupNorm(params, name + ".gn0", out, g);
    this.conv1 = new Conv2d(params, name + ".conv1", out, out, 3, 1, 1, init, rng);
    this.gn1 = new GroupNorm(params, name + ".gn1", out, g);
    boolean project = stride != 1 || in != out;
    this.proj = project ? new Conv2d(params, name + ".proj", in, out, 1, stride, 0, init, rng)
        : null;
    this.gnp = project ? new GroupNorm(params, name + ".gnp", out, g) : null;
  }

  /** The block's output for x [B, in, H, W]. */
  public NDArray forward(NDArray x) {
    NDArray h = Activation.RELU.apply(gn0.forward(conv0.forward(x)));
    h = gn1.forward(conv1.forward(h));
    NDArray skip = proj == null ? x : gnp.forward(proj.forward(x));
    return Activation.RELU.apply(h.add(skip));
  }

  /** The output size of an input size. */
  public int outputSize(int size) {
    return conv0.outputSize(size);
  }

  /** Multiply-adds per image of size H x W. */
  public long multiplyAdds(int height, int width) {
    int h = conv0.outputSize(height);
    int w = conv0.outputSize(width);
    long n = conv0.multiplyAdds(height, width) + conv1.multiplyAdds(h, w);
    return proj == null ? n : n + proj.multiplyAdds(height, width);
  }
}
