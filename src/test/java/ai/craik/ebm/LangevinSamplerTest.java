package ai.craik.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.craik.engine.Engines;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LangevinSamplerTest {

  /** E(y) = ||y||^2 / 2 per row; exp(-E) is the standard normal. */
  static final Energy QUADRATIC = y -> y.square().sum(new int[] {1}).mul(0.5);

  @BeforeAll
  static void engine() {
    Engines.start(1, 21L);
  }

  /**
   * 4000 chains in 2-D started at (2, -2); eps = 0.05, 250 steps (start decays by 0.975^250 ~ 2e-3).
   * Stationary law of the discretized chain: mean 0, variance 1/(1 - eps/4) = 1.0127. Standard
   * errors: mean 0.016, variance 0.022 per coordinate; tolerances 0.06 and 0.08.
   */
  @Test
  void samplesTheStandardNormalFromExpMinusHalfSquaredNorm() {
    int n = 4000;
    float[] start = new float[2 * n];
    for (int i = 0; i < n; i++) {
      start[2 * i] = 2f;
      start[2 * i + 1] = -2f;
    }
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray init = m.create(start, new Shape(n, 2));
      LangevinResult r = new LangevinSampler(LangevinConfig.of(250, 0.05, 1.0))
          .sample(QUADRATIC, init, new SplittableRandom(99));
      float[] y = r.samples().toFloatArray();
      for (int d = 0; d < 2; d++) {
        double mean = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
          mean += y[2 * i + d];
          sq += (double) y[2 * i + d] * y[2 * i + d];
        }
        mean /= n;
        double var = sq / n - mean * mean;
        assertThat(mean).as("mean of coordinate %s", d).isCloseTo(0.0, within(0.06));
        assertThat(var).as("variance of coordinate %s", d).isCloseTo(1.0, within(0.08));
      }
      double[] trace = r.meanEnergy();
      assertThat(trace).hasSize(250);
      assertThat(trace[0]).isCloseTo(4.0, within(1e-5)); // (2^2 + 2^2) / 2 at the start
      assertThat(trace[249]).isCloseTo(1.0, within(0.08)); // E[||y||^2 / 2] = D/2 = 1
      assertThat(init.toFloatArray()).containsExactly(start); // the input is untouched
      assertThat(r.samples().getManager()).isSameAs(m);
    }
  }

  @Test
  void zeroNoiseIsGradientDescent() {
    // y <- y - (eps/2) y = (1 - eps/2) y, so after k steps y_k = (1 - eps/2)^k y_0.
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray init = m.create(new float[] {1, -2, 3, 0.5f}, new Shape(2, 2));
      NDArray y = new LangevinSampler(LangevinConfig.of(3, 0.2, 0.0))
          .sample(QUADRATIC, init, new SplittableRandom(1)).samples();
      float f = (float) Math.pow(0.9, 3);
      assertThat(y.toFloatArray()).containsExactly(new float[] {f, -2 * f, 3 * f, 0.5f * f},
          org.assertj.core.data.Offset.offset(1e-6f));
    }
  }

  @Test
  void zeroStepsReturnACopyOfTheStart() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray init = m.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
      LangevinResult r = new LangevinSampler(LangevinConfig.of(0, 0.1, 1.0))
          .sample(QUADRATIC, init, new SplittableRandom(1));
      assertThat(r.samples().toFloatArray()).containsExactly(1, 2, 3, 4);
      assertThat(r.samples()).isNotSameAs(init);
      assertThat(r.meanEnergy()).isEmpty();
    }
  }

  @Test
  void clampKeepsSamplesInTheBoxAndGradClipLimitsTheDrift() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray init = m.create(new float[] {10, 0, 0, 0.1f}, new Shape(2, 2));
      // One noiseless step: row 0 has |grad| = 10, clipped to 1 -> moves 0.5 * 1 * (1, 0);
      // row 1 has |grad| = 0.1 < 1 -> moves 0.5 * 0.1 exactly as without clipping.
      NDArray y = new LangevinSampler(LangevinConfig.of(1, 1.0, 0.0).withGradClip(1.0))
          .sample(QUADRATIC, init, new SplittableRandom(1)).samples();
      assertThat(y.toFloatArray()).containsExactly(new float[] {9.5f, 0, 0, 0.05f},
          org.assertj.core.data.Offset.offset(1e-6f));
      NDArray z = new LangevinSampler(LangevinConfig.of(20, 0.5, 3.0).withClamp(-1, 1))
          .sample(QUADRATIC, init, new SplittableRandom(2)).samples();
      for (float v : z.toFloatArray()) {
        assertThat(v).isBetween(-1f, 1f);
      }
    }
  }

  @Test
  void keepsTheDataTypeOfTheStart() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray init = m.create(new double[] {1, -1, 2, 0}, new Shape(2, 2));
      LangevinResult r = new LangevinSampler(LangevinConfig.of(2, 0.1, 1.0))
          .sample(QUADRATIC, init, new SplittableRandom(4));
      assertThat(r.samples().getDataType()).isEqualTo(ai.djl.ndarray.types.DataType.FLOAT64);
      assertThat(r.meanEnergy()[0]).isEqualTo(1.5); // (1 + 1 + 4 + 0) / 2 / 2 rows
    }
  }

  @Test
  void onlyTheSamplesOutliveTheCall() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray init = m.zeros(new Shape(4, 3));
      int before = m.getManagedArrays().size();
      new LangevinSampler(LangevinConfig.of(5, 0.1, 1.0).withGradClip(1).withClamp(-2, 2))
          .sample(QUADRATIC, init, new SplittableRandom(3));
      assertThat(m.getManagedArrays()).hasSize(before + 1);
    }
  }

  @Test
  void sameStreamGivesTheSameSamples() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray init = m.zeros(new Shape(5, 3));
      LangevinSampler s = new LangevinSampler(LangevinConfig.of(10, 0.1, 1.0));
      float[] a = s.sample(QUADRATIC, init, new SplittableRandom(7)).samples().toFloatArray();
      float[] b = s.sample(QUADRATIC, init, new SplittableRandom(7)).samples().toFloatArray();
      float[] c = s.sample(QUADRATIC, init, new SplittableRandom(8)).samples().toFloatArray();
      assertThat(a).containsExactly(b);
      assertThat(a).isNotEqualTo(c);
    }
  }

  @Test
  @SuppressWarnings("try") // the open collector is the point of the test
  void refusesToRunInsideTheCallersGradientCollector() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray init = m.zeros(new Shape(2, 2));
      LangevinSampler s = new LangevinSampler(LangevinConfig.of(1, 0.1, 1.0));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        assertThatThrownBy(() -> s.sample(QUADRATIC, init, new SplittableRandom(1)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("close yours before sampling");
      }
    }
  }

  @Test
  void energyOfTheWrongShapeIsRejected() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray init = m.zeros(new Shape(3, 2));
      Energy perCoordinate = y -> y.square(); // [3, 2], not [3]
      assertThatThrownBy(() -> new LangevinSampler(LangevinConfig.of(1, 0.1, 1.0))
          .sample(perCoordinate, init, new SplittableRandom(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must have shape [3]");
    }
  }

  @Test
  void invalidSettingsNameTheKeyAndTheFix() {
    assertThatThrownBy(() -> LangevinConfig.of(-1, 0.1, 1.0))
        .hasMessage("langevin.steps=-1 must be >= 0; use e.g. 20");
    assertThatThrownBy(() -> LangevinConfig.of(5, 0.0, 1.0))
        .hasMessage("langevin.stepSize=0.0 must be positive and finite; use e.g. 0.01");
    assertThatThrownBy(() -> LangevinConfig.of(5, 0.1, -1.0))
        .hasMessageContaining("langevin.noiseScale=-1.0");
    assertThatThrownBy(() -> LangevinConfig.of(5, 0.1, 1.0).withGradClip(-2))
        .hasMessageContaining("langevin.gradClip=-2.0");
    assertThatThrownBy(() -> LangevinConfig.of(5, 0.1, 1.0).withClamp(1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("langevin.clampLow=1.0 must be below langevin.clampHigh=-1.0");
  }
}
