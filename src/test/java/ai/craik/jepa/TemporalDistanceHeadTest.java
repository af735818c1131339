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

class TemporalDistanceHeadTest {
  static final int D = 6;

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  static TemporalDistanceHead head(NDManager m, long seed) {
    return new TemporalDistanceHead(m, D, new int[] {16, 16}, 8, 20, 3e-3,
        new SplittableRandom(seed));
  }

  static NDArray latents(NDManager m, long seed, int n) {
    return m.create(HostRandom.normal(new SplittableRandom(seed), n * D), new Shape(n, D));
  }

  @Test
  void isAMetricZeroOnTheDiagonalSymmetricAndObeysTheTriangleInequality() {
    try (NDManager m = NDManager.newBaseManager()) {
      TemporalDistanceHead h = head(m, 1);
      NDArray a = latents(m, 2, 50);
      NDArray b = latents(m, 3, 50);
      NDArray c = latents(m, 4, 50);
      float[] ab = h.distance(a, b).toFloatArray();
      float[] ba = h.distance(b, a).toFloatArray();
      float[] ac = h.distance(a, c).toFloatArray();
      float[] cb = h.distance(c, b).toFloatArray();
      float[] aa = h.distance(a, a).toFloatArray();
      for (int i = 0; i < 50; i++) {
        assertThat(ab[i]).isGreaterThan(0f).isCloseTo(ba[i], offset(1e-5f));
        assertThat(aa[i]).isCloseTo(0f, offset(1e-5f));
        assertThat(ab[i]).isLessThanOrEqualTo(ac[i] + cb[i] + 1e-4f);
      }
      // to one goal [D]: the same as the pairwise distance to copies of it
      NDArray goal = c.get("0");
      float[] toGoal = h.distanceTo(a, goal).toFloatArray();
      float[] pairwise = h.distance(a, goal.reshape(1, D).repeat(0, 50)).toFloatArray();
      for (int i = 0; i < 50; i++) {
        assertThat(toGoal[i]).isCloseTo(pairwise[i], offset(1e-5f));
      }
    }
  }

  @Test
  void lossGradientsReachEveryParameter() {
    try (NDManager m = NDManager.newBaseManager()) {
      TemporalDistanceHead h = head(m, 5);
      NDArray a = latents(m, 6, 32);
      NDArray b = latents(m, 7, 32);
      NDArray gaps = m.create(HostRandom.uniform(new SplittableRandom(8), 32, 1, 30));
      h.trainable().params().asMap().values().forEach(p -> p.getGradient().subi(p.getGradient()));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(h.loss(a, b, gaps, 0.1));
      }
      assertThat(h.trainable().params().asMap()).hasSize(5); // 2 hidden layers x (w, b), out
      h.trainable().params().asMap().forEach((name, p) ->
          assertThat(p.getGradient().abs().max().getFloat()).as(name).isGreaterThan(0f));
    }
  }

  /** Latents of points on a line, t in 0..20, through a fixed random linear map; gap = |i - j|. */
  @Test
  void trainingFitsGapsOfPointsOnALineAndCheckpointsExactly() {
    try (NDManager m = NDManager.newBaseManager()) {
      TemporalDistanceHead h = head(m, 9);
      float[] dir = HostRandom.normal(new SplittableRandom(10), D);
      SplittableRandom data = new SplittableRandom(11);
      double first = Double.NaN;
      double last = Double.NaN;
      for (int step = 0; step < 300; step++) {
        try (NDManager scope = m.newSubManager()) {
          int n = 64;
          float[] za = new float[n * D];
          float[] zb = new float[n * D];
          float[] gaps = new float[n];
          for (int q = 0; q < n; q++) {
            int i = data.nextInt(21);
            int j = data.nextInt(21);
            for (int d = 0; d < D; d++) {
              za[q * D + d] = dir[d] * i / 10f;
              zb[q * D + d] = dir[d] * j / 10f;
            }
            gaps[q] = Math.abs(i - j);
          }
          double l = h.trainStep(scope.create(za, new Shape(n, D)),
              scope.create(zb, new Shape(n, D)), scope.create(gaps), 0.5).loss();
          first = step == 0 ? l : first;
          last = l;
        }
      }
      assertThat(last).isLessThan(first / 20);
      NDArray p0 = m.create(new float[D], new Shape(1, D));
      float[] p10 = new float[D];
      for (int d = 0; d < D; d++) {
        p10[d] = dir[d];
      }
      double d10 = h.distance(p0, m.create(p10, new Shape(1, D))).getFloat();
      assertThat(d10).isCloseTo(10.0, offset(1.5));
      // a restored copy computes the same distances
      TemporalDistanceHead copy = head(m, 99);
      NDList saved = h.state(m);
      copy.restore(saved);
      NDArray a = latents(m, 12, 8);
      NDArray b = latents(m, 13, 8);
      assertThat(copy.distance(a, b).toFloatArray()).containsExactly(
          h.distance(a, b).toFloatArray());
      assertThat(copy.trainable().optimizer().steps()).isEqualTo(300);
    }
  }

  @Test
  void rejectsLatentsOfTheWrongWidth() {
    try (NDManager m = NDManager.newBaseManager()) {
      TemporalDistanceHead h = head(m, 1);
      assertThatThrownBy(() -> h.distance(m.zeros(new Shape(2, D + 1)), m.zeros(new Shape(2, D))))
          .hasMessageContaining("[N, 6]");
    }
  }
}
