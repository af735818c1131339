package ai.craik.nn;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Layer normalization over the last axis (Ba, Kiros and Hinton, "Layer Normalization",
 * arXiv:1607.06450):
 *
 * <pre>
 *   y = (x - mean(x)) / sqrt(var(x) + eps) * gain + bias      (mean, biased var over the last axis)
 * </pre>
 *
 * <p>Shapes: x [..., D] to y [..., D]; gain {@code <name>.gain} [D] starts at 1, bias
 * {@code <name>.bias} [D] at 0, so a fresh layer gives rows of mean 0 and variance
 * var / (var + eps). One object may be applied by several modules (an encoder and a predictor) to
 * share its parameters; the parameters stay in the {@link Parameters} they were added to. The
 * computation is the engine's fused layer norm with the data as first operand.
 */
public final class LayerNorm {
  /** The default eps, PyTorch's. */
  public static final float DEFAULT_EPS = 1e-5f;

  private final NDArray gain;
  private final NDArray bias;
  private final String name;
  private final int dim;
  private final float eps;

  /** Adds {@code <name>.gain} and {@code <name>.bias} of size {@code dim}, with eps 1e-5. */
  public LayerNorm(Parameters params, String name, int dim) {
    this(params, name, dim, DEFAULT_EPS);
  }

  /** Adds {@code <name>.gain} and {@code <name>.bias} of size {@code dim}. */
  public LayerNorm(Parameters params, String name, int dim, float eps) {
    Checks.arg(dim > 0, "layer norm '%s' needs a positive size, got %s", name, dim);
    Checks.arg(eps > 0, "layer norm '%s' needs eps > 0, got %s", name, eps);
    this.name = name;
    this.dim = dim;
    this.eps = eps;
    float[] ones = new float[dim];
    Arrays.fill(ones, 1f);
    this.gain = params.add(name + ".gain", ones, new Shape(dim));
    this.bias = params.add(name + ".bias", new float[dim], new Shape(dim));
  }

  /** Normalizes x [..., D] over its last axis. */
  public NDArray forward(NDArray x) {
    Shape s = x.getShape();
    Checks.arg(s.dimension() >= 1 && s.get(s.dimension() - 1) == dim,
        "layer norm '%s' expects input [..., %s], got %s", name, dim, s);
    return ai.djl.nn.norm.LayerNorm.layerNorm(x, new Shape(dim), gain, bias, eps)
        .singletonOrThrow();
  }

  /** The normalized size D. */
  public int dim() {
    return dim;
  }

  /** The eps added to the variance. */
  public float eps() {
    return eps;
  }

  /** The gain [D] (a parameter). */
  public NDArray gain() {
    return gain;
  }

  /** The bias [D] (a parameter). */
  public NDArray bias() {
    return bias;
  }
}
