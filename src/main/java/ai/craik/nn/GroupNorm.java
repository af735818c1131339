package ai.craik.nn;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Group normalization of image feature maps (Wu and He, "Group Normalization", ECCV 2018,
 * arXiv:1803.08494): the C channels are split into G groups of C / G channels, and each group of
 * each image is normalized over its channels and positions,
 *
 * <pre>
 *   y[b, c, i, j] = (x[b, c, i, j] - mean_g) / sqrt(var_g + eps) * gain[c] + bias[c]
 * </pre>
 *
 * with mean_g and the biased var_g over the group's channels and all H x W positions of image b.
 * Unlike batch normalization it keeps no running statistics, so training and evaluation compute the
 * same function and an image's features never depend on the rest of its batch; with G = 1 it is a
 * layer norm over (C, H, W).
 *
 * <p>Shapes: x [B, C, H, W] to y [B, C, H, W]; gain {@code <name>.gain} [C] starts at 1, bias
 * {@code <name>.bias} [C] at 0. The normalization is the engine's fused layer norm over the
 * flattened group.
 */
public final class GroupNorm {
  private final NDArray gain;
  private final NDArray bias;
  private final String name;
  private final int channels;
  private final int groups;

  /** Adds {@code <name>.gain} and {@code <name>.bias} for {@code channels} in {@code groups}. */
  public GroupNorm(Parameters params, String name, int channels, int groups) {
    Checks.arg(channels > 0 && groups > 0 && channels % groups == 0,
        "group norm '%s' needs channels %s divisible by groups %s", name, channels, groups);
    this.name = name;
    this.channels = channels;
    this.groups = groups;
    float[] ones = new float[channels];
    Arrays.fill(ones, 1f);
    this.gain = params.add(name + ".gain", ones, new Shape(channels));
    this.bias = params.add(name + ".bias", new float[channels], new Shape(channels));
  }

  /** The largest group count at most {@code preferred} that divides {@code channels}. */
  public static int groupsFor(int channels, int preferred) {
    int g = Math.max(1, Math.min(preferred, channels));
    while (channels % g != 0) {
      g--;
    }
    return g;
  }

  /** Normalizes x [B, C, H, W] per image and channel group. */
  public NDArray forward(NDArray x) {
    Shape s = x.getShape();
    Checks.arg(s.dimension() == 4 && s.get(1) == channels,
        "group norm '%s' expects input [B, %s, H, W], got %s", name, channels, s);
    NDArray y = normalize(x, groups);
    return y.mul(gain.reshape(1, channels, 1, 1)).add(bias.reshape(1, channels, 1, 1));
  }

  /**
   * The normalization alone, without gain and bias: x [B, C, H, W] with each image's groups of
   * C / groups channels brought to mean 0 and variance var / (var + eps).
   */
  public static NDArray normalize(NDArray x, int groups) {
    Shape s = x.getShape();
    Checks.arg(s.dimension() == 4 && s.get(1) % groups == 0,
        "group normalization expects [B, C, H, W] with C divisible by %s, got %s", groups, s);
    long perGroup = s.get(1) / groups * s.get(2) * s.get(3);
    NDArray flat = x.reshape(s.get(0), groups, perGroup);
    Shape inner = new Shape(perGroup);
    NDArray ones = x.getManager().ones(inner);
    NDArray zeros = x.getManager().zeros(inner);
    return ai.djl.nn.norm.LayerNorm.layerNorm(flat, inner, ones, zeros, LayerNorm.DEFAULT_EPS)
        .singletonOrThrow().reshape(s);
  }

  /** The channel count C. */
  public int channels() {
    return channels;
  }
}
