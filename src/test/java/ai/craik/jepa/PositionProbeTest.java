package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.engine.HostRandom;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PositionProbeTest {
  static final int D = 8;

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  /** Positions [n, 2] in the free box and latents [n, D] = a fixed linear map of them + noise. */
  static NDArray[] toy(NDManager m, SplittableRandom rng, int n) {
    float[] mix = HostRandom.normal(new SplittableRandom(42), 2 * D); // the same map every call
    float[] pos = HostRandom.uniform(rng, 2 * n, 5, 59);
    float[] noise = HostRandom.normal(rng, n * D);
    float[] z = new float[n * D];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < D; j++) {
        double x = (pos[2 * i] - 32) / 32.0;
        double y = (pos[2 * i + 1] - 32) / 32.0;
        z[i * D + j] = (float) (x * mix[j] + y * mix[D + j] + 0.005 * noise[i * D + j]);
      }
    }
    return new NDArray[] {m.create(z, new Shape(n, D)), m.create(pos, new Shape(n, 2))};
  }

  @Test
  void learnsPositionsFromLatentsThatAreALinearFunctionOfThem() {
    try (NDManager m = NDManager.newBaseManager()) {
      PositionProbe probe = new PositionProbe(m, D, 32, 1e-2, new SplittableRandom(1));
      NDArray[] test = toy(m, new SplittableRandom(2), 256);
      double before = probe.errorPixels(test[0], test[1]);
      double firstLoss = Double.NaN;
      double lastLoss = Double.NaN;
      SplittableRandom data = new SplittableRandom(3);
      for (int step = 0; step < 300; step++) {
        try (NDManager scope = m.newSubManager()) {
          NDArray[] batch = toy(scope, data, 64);
          lastLoss = probe.trainStep(batch[0], batch[1]);
          if (step == 0) {
            firstLoss = lastLoss;
          }
        }
      }
      double after = probe.errorPixels(test[0], test[1]);
      assertThat(before).isGreaterThan(5.0);
      assertThat(after).isLessThan(1.0);
      assertThat(lastLoss).isLessThan(firstLoss / 50);
      assertThat(probe.predict(test[0]).getShape()).isEqualTo(new Shape(256, 2));
      // windows [B, L, D] with positions [B, L, 2] are accepted as rows
      assertThat(probe.errorPixels(test[0].reshape(4, 64, D), test[1].reshape(4, 64, 2)))
          .isCloseTo(after, offset(1e-5));
      assertThat(probe.trainable().optimizer().steps()).isEqualTo(300);
    }
  }

  @Test
  void errorIsTheMeanEuclideanDistanceInPixels() {
    try (NDManager m = NDManager.newBaseManager()) {
      PositionProbe probe = new PositionProbe(m, D, 4, 1e-2, new SplittableRandom(1));
      NDList zeros = new NDList();
      probe.trainable().params().asMap().forEach((name, p) -> {
        NDArray z = m.zeros(p.getShape());
        z.setName(name);
        zeros.add(z);
      });
      probe.trainable().params().restore(zeros); // predicts the centre (32, 32) everywhere
      NDArray pos = m.create(new float[] {35, 36, 32, 32, 20, 27}, new Shape(3, 2));
      double expected = (5 + 0 + 13) / 3.0; // distances 5 (3-4-5), 0, 13 (12-5-13)
      assertThat(probe.errorPixels(m.ones(new Shape(3, D)), pos)).isCloseTo(expected,
          offset(1e-5));
      assertThatThrownBy(() -> probe.errorPixels(m.ones(new Shape(3, D)), m.ones(new Shape(2, 2))))
          .hasMessageContaining("positions [..., 2] with the same leading axes");
    }
  }

  @Test
  void probeTrainingNeverReachesTheEncoder() {
    try (NDManager m = NDManager.newBaseManager()) {
      PositionProbe probe = new PositionProbe(m, D, 4, 1e-2, new SplittableRandom(1));
      NDArray w = m.create(HostRandom.normal(new SplittableRandom(5), D * D), new Shape(D, D));
      w.setRequiresGradient(true); // a stand-in encoder weight
      NDArray[] toy = toy(m, new SplittableRandom(6), 16);
      NDArray latents;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        latents = toy[0].matMul(w); // a latent with a graph back to w
        gc.backward(latents.sum().mul(0f)); // the main step: leaves w's gradient at 0
      }
      probe.trainStep(latents, toy[1]);
      assertThat(w.getGradient().abs().sum().getFloat()).isZero();
      assertThat(probe.trainable().params().gradNorm()).isGreaterThan(0);
    }
  }
}
