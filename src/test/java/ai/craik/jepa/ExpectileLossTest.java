package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.engine.HostRandom;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExpectileLossTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void equalsTheFormulaAndItsGradientOnFixedInputs() {
    try (NDManager m = NDManager.newBaseManager()) {
      // u = target - prediction = [1, 0, -2]; weights tau = 0.2 for u >= 0, 0.8 for u < 0
      NDArray pred = m.create(new float[] {1, 2, 3});
      NDArray target = m.create(new float[] {2, 2, 1});
      pred.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray l = ExpectileLoss.of(pred, target, 0.2);
        assertThat((double) l.getFloat()).isCloseTo((0.2 * 1 + 0 + 0.8 * 4) / 3, offset(1e-6));
        gc.backward(l);
      }
      // d/dpred = -(2/N) w u
      float[] g = pred.getGradient().toFloatArray();
      assertThat((double) g[0]).isCloseTo(-2.0 / 3 * 0.2 * 1, offset(1e-6));
      assertThat((double) g[1]).isCloseTo(0.0, offset(1e-7));
      assertThat((double) g[2]).isCloseTo(-2.0 / 3 * 0.8 * -2, offset(1e-6));
      // tau = 0.5 is half the mean squared error
      assertThat((double) ExpectileLoss.of(m.create(new float[] {1, 2, 3}), target, 0.5)
          .getFloat()).isCloseTo(0.5 * (1 + 0 + 4) / 3.0, offset(1e-6));
    }
  }

  @Test
  void theMinimizerOverAConstantPredictionIsTheTauExpectileOfTheSample() {
    double[] sample = new double[64];
    float[] f = HostRandom.uniform(new SplittableRandom(5), sample.length, 0, 1);
    for (int i = 0; i < sample.length; i++) {
      sample[i] = 10 * f[i] * f[i]; // skewed, like step gaps of wandering play
    }
    double mean = Arrays.stream(sample).average().orElseThrow();
    double low = ExpectileLoss.expectile(sample, 0.1);
    assertThat(ExpectileLoss.expectile(sample, 0.5)).isCloseTo(mean, offset(1e-12));
    assertThat(low).isLessThan(mean).isGreaterThan(Arrays.stream(sample).min().orElseThrow());
    // the defining equation: sum_n |tau - 1(x_n < m)| (x_n - m) = 0
    double f0 = 0;
    for (double x : sample) {
      f0 += (x >= low ? 0.1 : 0.9) * (x - low);
    }
    assertThat(f0).isCloseTo(0.0, offset(1e-9));
    try (NDManager m = NDManager.newBaseManager()) {
      float[] xs = new float[sample.length];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = (float) sample[i];
      }
      NDArray target = m.create(xs);
      // the loss is lowest at the expectile, higher on either side
      double at = loss(m, target, low);
      assertThat(loss(m, target, low - 0.05)).isGreaterThan(at);
      assertThat(loss(m, target, low + 0.05)).isGreaterThan(at);
      // gradient descent on a constant prediction converges to it
      double c = mean;
      for (int step = 0; step < 400; step++) {
        NDArray p = m.full(target.getShape(), (float) c);
        p.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          gc.backward(ExpectileLoss.of(p, target, 0.1));
        }
        double grad = p.getGradient().sum().getFloat();
        c -= 2.0 * grad;
      }
      assertThat(c).isCloseTo(low, offset(1e-4));
    }
  }

  @Test
  void rejectsTauOutsideTheOpenUnitInterval() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {1});
      assertThatThrownBy(() -> ExpectileLoss.of(a, a, 1.0)).hasMessageContaining("tau=1.0");
      assertThatThrownBy(() -> ExpectileLoss.of(a, m.create(new float[] {1, 2}), 0.3))
          .hasMessageContaining("one shape");
    }
  }

  private static double loss(NDManager m, NDArray target, double c) {
    return ExpectileLoss.of(m.full(target.getShape(), (float) c), target, 0.1).getFloat();
  }
}
