package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;

import ai.craik.nn.Parameters;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/** Shared checks for the JEPA modules: gradients, memory, determinism. */
final class ModuleChecks {
  private ModuleChecks() {}

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

  /** sum(c * y) with fixed random c of y's shape (a plain sum through a layer norm is constant). */
  static NDArray weightedSum(NDArray y) {
    return y.mul(uniform(y.getManager(), 99, y.getShape().getShape())).sum();
  }

  /**
   * Backward of {@link #weightedSum} of {@code forward}, then asserts that every array of every
   * given parameter set got a gradient with a non-zero entry.
   */
  static void assertGradientsReachEveryParameter(NDManager m, Function<NDManager, NDArray> forward,
      Parameters... params) {
    try (NDManager scope = m.newSubManager()) {
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.zeroGradients();
        gc.backward(weightedSum(forward.apply(scope)));
      }
      int checked = 0;
      for (Parameters p : params) {
        for (Map.Entry<String, NDArray> e : p.asMap().entrySet()) {
          double largest = 0;
          for (float v : e.getValue().getGradient().toFloatArray()) {
            largest = Math.max(largest, Math.abs(v));
          }
          assertThat(largest).as("largest |gradient| of %s", e.getKey()).isGreaterThan(0);
          checked++;
        }
      }
      assertThat(checked).as("parameter arrays checked").isPositive();
    }
  }

  /** Asserts that forward passes in child scopes leave no arrays in the parameters' managers. */
  static void assertForwardLeavesNoArrays(NDManager m, Function<NDManager, NDArray> forward,
      Parameters... params) {
    int[] before = new int[params.length];
    for (int i = 0; i < params.length; i++) {
      before[i] = params[i].manager().getManagedArrays().size();
    }
    for (int k = 0; k < 3; k++) {
      try (NDManager scope = m.newSubManager()) {
        forward.apply(scope).toFloatArray();
      }
    }
    for (int i = 0; i < params.length; i++) {
      assertThat(params[i].manager().getManagedArrays()).as("arrays in parameter set %d", i)
          .hasSize(before[i]);
    }
  }
}
