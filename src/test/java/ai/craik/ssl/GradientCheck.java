package ai.craik.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Compares the engine's float32 gradient with central differences of a double reference. */
final class GradientCheck {
  private GradientCheck() {}

  /**
   * Asserts that d loss / d z from the engine (z in float32) matches central finite differences of
   * {@code reference} in double with step h, within abs + rel * |fd|; returns the largest |fd|.
   */
  static double assertMatches(double[][] z, Function<NDArray, NDArray> loss,
      ToDoubleFunction<double[][]> reference, double h, double abs, double rel) {
    int b = z.length;
    int d = z[0].length;
    float[] analytic;
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = HostReference.toNd(m, z);
      x.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray value = loss.apply(x);
        double expected = reference.applyAsDouble(z);
        assertThat((double) value.getFloat())
            .as("engine value against the double reference")
            .isCloseTo(expected, offset(abs + rel * Math.abs(expected)));
        gc.backward(value);
      }
      analytic = x.getGradient().toFloatArray();
    }
    double largest = 0;
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < d; j++) {
        double[][] plus = HostReference.copy(z);
        double[][] minus = HostReference.copy(z);
        plus[i][j] += h;
        minus[i][j] -= h;
        double fd = (reference.applyAsDouble(plus) - reference.applyAsDouble(minus)) / (2 * h);
        largest = Math.max(largest, Math.abs(fd));
        assertThat((double) analytic[i * d + j])
            .as("d loss / d z[%d][%d]", i, j)
            .isCloseTo(fd, offset(abs + rel * Math.abs(fd)));
      }
    }
    return largest;
  }
}
