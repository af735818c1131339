package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.engine.HostRandom;
import ai.craik.nn.LossTerms;
import ai.craik.ssl.VarianceHinge;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each loss term of the JEPA equals its formula, worked by hand or in plain Java. */
class RegularizerTermsTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void squaredErrorPerStepAveragesBatchAndDimensions() {
    // B = 2, T = 2, D = 2; step 0 differences (1, 1) and (0, 2): (1 + 1 + 0 + 4) / 4 = 1.5;
    // step 1 differences (3, 0) and (0, 0): 9 / 4 = 2.25
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray target = m.zeros(new Shape(2, 2, 2));
      NDArray pred = m.create(new float[] {1, 1, 3, 0, 0, 2, 0, 0}, new Shape(2, 2, 2));
      SquaredError cost = new SquaredError();
      assertThat(cost.perStep(pred, target).toFloatArray()).containsExactly(1.5f, 2.25f);
      assertThat(cost.total(pred, target).getFloat()).isEqualTo(1.875f);
      assertThatThrownBy(() -> cost.perStep(pred, m.zeros(new Shape(2, 2))))
          .hasMessageContaining("one shape [B, T, D]");
    }
  }

  @Test
  void temporalSimilarityIsTheMeanSquaredStepBetweenConsecutiveLatents() {
    // one window of 3 latents (0, 0), (1, 2), (3, 2): steps (1, 2) and (2, 0): (1 + 4 + 4 + 0) / 4
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray z = m.create(new float[] {0, 0, 1, 2, 3, 2}, new Shape(1, 3, 2));
      LossTerms t = new TemporalSimilarity().apply(z, m.zeros(new Shape(1, 2, 1)), null);
      assertThat(t.total().getFloat()).isEqualTo(2.25f);
      assertThat(t.parts()).containsOnlyKeys("time_sim");
      assertThatThrownBy(() -> new TemporalSimilarity().apply(m.zeros(new Shape(2, 1, 2)), null,
          null)).hasMessageContaining("L >= 2 frames, got (2, 1, 2)");
    }
  }

  @Test
  void inverseDynamicsIsTheMseOfItsMlpOnConsecutivePairs() {
    int b = 2;
    int l = 3;
    int d = 3;
    int a = 2;
    int hidden = 4;
    SplittableRandom rng = new SplittableRandom(5);
    float[] z = HostRandom.normal(rng, b * l * d);
    float[] act = HostRandom.normal(rng, b * (l - 1) * a);
    try (NDManager m = NDManager.newBaseManager()) {
      InverseDynamics idm = new InverseDynamics(m, d, a, hidden, new SplittableRandom(6));
      LossTerms t = idm.apply(m.create(z, new Shape(b, l, d)), m.create(act, new Shape(b, l - 1, a)),
          null);
      Map<String, NDArray> p = idm.parameters().orElseThrow().asMap();
      assertThat(p).containsOnlyKeys("idm.w0", "idm.b0", "idm.w1", "idm.b1");
      float[] w0 = p.get("idm.w0").toFloatArray(); // [2d, hidden]
      float[] b0 = p.get("idm.b0").toFloatArray();
      float[] w1 = p.get("idm.w1").toFloatArray(); // [hidden, a]
      float[] b1 = p.get("idm.b1").toFloatArray();
      double sum = 0;
      for (int i = 0; i < b; i++) {
        for (int t0 = 0; t0 < l - 1; t0++) {
          double[] x = new double[2 * d]; // [s_t, s_{t+1}]
          for (int j = 0; j < d; j++) {
            x[j] = z[(i * l + t0) * d + j];
            x[d + j] = z[(i * l + t0 + 1) * d + j];
          }
          double[] h = new double[hidden];
          for (int k = 0; k < hidden; k++) {
            double s = b0[k];
            for (int j = 0; j < 2 * d; j++) {
              s += x[j] * w0[j * hidden + k];
            }
            h[k] = Math.max(0, s);
          }
          for (int c = 0; c < a; c++) {
            double s = b1[c];
            for (int k = 0; k < hidden; k++) {
              s += h[k] * w1[k * a + c];
            }
            double err = s - act[(i * (l - 1) + t0) * a + c];
            sum += err * err;
          }
        }
      }
      assertThat((double) t.total().getFloat()).isCloseTo(sum / (b * (l - 1) * a), offset(1e-5));
      assertThatThrownBy(() -> idm.apply(m.zeros(new Shape(b, l, d)), m.zeros(new Shape(b, l, a)),
          null)).hasMessageContaining("actions [2, 2, 2] between the 3 frames, got (2, 3, 2)");
    }
  }

  @Test
  void frameRegularizerTreatsAllFramesAsOneBatch() {
    // frames of 2 windows x 2 steps, D = 1: values 0, 2, 4, 6 -> unbiased variance 20/3
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray z = m.create(new float[] {0, 2, 4, 6}, new Shape(2, 2, 1));
      float v = new FrameRegularizer(new VarianceHinge(3.0, 1e-4)).apply(z, null, null).total()
          .getFloat();
      assertThat((double) v).isCloseTo(3.0 - Math.sqrt(20.0 / 3 + 1e-4), offset(1e-6));
    }
  }

  @Test
  void setReportsRawTermsAndWeightsThemOnceInTheTotal() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray z = m.create(new float[] {0, 0, 1, 2, 3, 2}, new Shape(1, 3, 2));
      NDArray act = m.zeros(new Shape(1, 2, 1));
      RegularizerSet set = new RegularizerSet(List.of(
          new RegularizerSet.Term("time_sim", 3.0, new TemporalSimilarity()),
          new RegularizerSet.Term("std", 0.5, new FrameRegularizer(new VarianceHinge(10, 1e-4)))));
      LossTerms t = set.apply(z, act, new SplittableRandom(1));
      assertThat(t.parts().keySet()).containsExactly("time_sim", "std");
      double std = new FrameRegularizer(new VarianceHinge(10, 1e-4)).apply(z, act, null).total()
          .getFloat();
      assertThat(t.parts().get("time_sim").getFloat()).isEqualTo(2.25f);
      assertThat((double) t.total().getFloat()).isCloseTo(3 * 2.25 + 0.5 * std, offset(1e-5));
      assertThat(RegularizerSet.none().apply(z, act, null).total().getFloat()).isZero();
      assertThatThrownBy(() -> set.apply(z, m.zeros(new Shape(1, 3, 1)), null))
          .hasMessageContaining("actions [1, 2, A] between 3 frames");
      assertThatThrownBy(() -> new RegularizerSet(List.of(
          new RegularizerSet.Term("std", 1, new TemporalSimilarity()),
          new RegularizerSet.Term("std", 1, new TemporalSimilarity()))))
          .hasMessageContaining("'std' is used twice");
    }
  }
}
