package ai.craik.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/** Shared checks for the blocks: gradients reach every parameter, forward passes do not leak. */
final class BlockChecks {
  private BlockChecks() {}

  /** Uniform(-1, 1) values of the given shape from a seeded stream, in {@code m}. */
  static NDArray uniform(NDManager m, long seed, long... shape) {
    SplittableRandom rng = new SplittableRandom(seed);
    Shape s = new Shape(shape);
    float[] v = new float[Math.toIntExact(s.size())];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    return m.create(v, s);
  }

  /**
   * Backward of sum(c * forward(scope)) with fixed random c (a plain sum would give zero gradients
   * through a layer norm, whose rows sum to a constant), then asserts that every parameter got a
   * gradient with a non-zero entry.
   */
  static void assertGradientsReachEveryParameter(Parameters params, NDManager m,
      Function<NDManager, NDArray> forward) {
    try (NDManager scope = m.newSubManager()) {
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.zeroGradients();
        NDArray y = forward.apply(scope);
        NDArray c = uniform(scope, 99, y.getShape().getShape());
        gc.backward(y.mul(c).sum());
      }
      for (Map.Entry<String, NDArray> e : params.asMap().entrySet()) {
        float[] g = e.getValue().getGradient().toFloatArray();
        double largest = 0;
        for (float v : g) {
          largest = Math.max(largest, Math.abs(v));
        }
        assertThat(largest).as("largest |gradient| of %s", e.getKey()).isGreaterThan(0);
      }
    }
  }

  /** Asserts that a forward pass in a child scope leaves no arrays in the parameters' manager. */
  static void assertForwardLeavesNoArrays(Parameters params, NDManager m,
      Function<NDManager, NDArray> forward) {
    int before = params.manager().getManagedArrays().size();
    for (int i = 0; i < 3; i++) {
      try (NDManager scope = m.newSubManager()) {
        forward.apply(scope).toFloatArray();
      }
    }
    assertThat(params.manager().getManagedArrays()).hasSize(before);
  }
}
