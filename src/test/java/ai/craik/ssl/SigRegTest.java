package ai.craik.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.engine.RandomStreams;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SigRegTest {
  private static final int B = 1024;
  private static final int D = 16;
  private static final RandomStreams STREAMS = new RandomStreams(31L);

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  private static float score(double[][] z) {
    try (NDManager m = NDManager.newBaseManager()) {
      return SigReg.defaults(0L).apply(HostReference.toNd(m, z), STREAMS.stream("dirs"))
          .total().getFloat();
    }
  }

  private static double[][] gaussian(double scale) {
    return HostReference.normal(STREAMS.stream("z"), B, D, scale);
  }

  /** E[EP] under N(0, 1) is integral (1 - exp(-t^2)) w(t) dt, on SigReg's quadrature. */
  private static double expectedUnderTheNull(SigReg s) {
    double[] t = s.knotValues();
    double[] w = s.weights();
    double e = 0;
    for (int k = 0; k < t.length; k++) {
      e += (1 - Math.exp(-t[k] * t[k])) * w[k];
    }
    return e;
  }

  @Test
  void standardGaussianScoresNearTheNullExpectationWhateverB() {
    double expected = expectedUnderTheNull(SigReg.defaults(0L));
    assertThat(expected).isCloseTo(1.05, offset(0.01));
    assertThat((double) score(gaussian(1.0))).isCloseTo(expected, offset(0.4));
  }

  @Test
  void collapsedBatchesScoreHundredsOfTimesHigher() {
    double[][] point = new double[B][D]; // every row 0: phi_B = 1, EP ~ 0.4 B
    double[][] line = new double[B][D]; // every row on one direction (1, ..., 1) / 4
    double[][] s = HostReference.normal(STREAMS.stream("line"), B, 1, 1.0);
    for (int b = 0; b < B; b++) {
      for (int j = 0; j < D; j++) {
        line[b][j] = s[b][0] / 4;
      }
    }
    assertThat(score(point)).isGreaterThan(300f);
    assertThat(score(line)).isGreaterThan(100f);
  }

  @Test
  void wrongScaleAndUniformScoreHigherThanTheStandardGaussian() {
    float standard = score(gaussian(1.0));
    assertThat(score(gaussian(2.0))).isGreaterThan(50 * standard);
    assertThat(score(gaussian(0.5))).isGreaterThan(50 * standard);
    double[][] uniform = new double[B][D];
    SplittableRandom rng = STREAMS.stream("uniform");
    for (double[] row : uniform) {
      for (int j = 0; j < D; j++) {
        row[j] = rng.nextDouble(-1, 1);
      }
    }
    assertThat(score(uniform)).isGreaterThan(20 * standard);
  }

  @Test
  void sameStreamGivesTheSameValueAndAnotherStreamAnother() {
    double[][] z = gaussian(1.0);
    SigReg sig = new SigReg(32, 17, 3.0, 5L);
    try (NDManager m = NDManager.newBaseManager()) {
      var x = HostReference.toNd(m, z);
      float a = sig.apply(x, new SplittableRandom(99L)).total().getFloat();
      float b = sig.apply(x, new SplittableRandom(99L)).total().getFloat();
      float c = sig.apply(x, new SplittableRandom(100L)).total().getFloat();
      assertThat(b).isEqualTo(a);
      assertThat(c).isNotEqualTo(a);
      // apply(z) uses new SplittableRandom(seed) each call: the same directions every time.
      assertThat(sig.apply(x).total().getFloat())
          .isEqualTo(sig.apply(x).total().getFloat())
          .isEqualTo(sig.apply(x, new SplittableRandom(5L)).total().getFloat());
    }
  }

  @Test
  void directionsAreUnitColumns() {
    float[] a = SigReg.directions(new SplittableRandom(1L), 5, 7);
    for (int k = 0; k < 7; k++) {
      double norm = 0;
      for (int j = 0; j < 5; j++) {
        norm += a[j * 7 + k] * a[j * 7 + k];
      }
      assertThat(norm).isCloseTo(1.0, offset(1e-6));
    }
  }

  @Test
  void gradientMatchesFiniteDifferencesOfTheFormula() {
    double[][] z = HostReference.normal(STREAMS.stream("tiny"), 6, 3, 1.5);
    SigReg sig = new SigReg(8, 17, 3.0, 0L);
    float[] dirs = SigReg.directions(new SplittableRandom(77L), 3, 8);
    double largest = GradientCheck.assertMatches(z,
        x -> sig.apply(x, new SplittableRandom(77L)).total(),
        y -> HostReference.sigReg(y, dirs, 8, 17, 3.0), 1e-5, 1e-4, 1e-3);
    assertThat(largest).isGreaterThan(0.01);
  }

  @Test
  void rejectsBadSettingsAndShapes() {
    assertThatThrownBy(() -> new SigReg(0, 17, 3.0, 0L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("numProjections=0");
    assertThatThrownBy(() -> new SigReg(8, 1, 3.0, 0L)).hasMessageContaining("knots=1");
    assertThatThrownBy(() -> new SigReg(8, 17, 0.0, 0L)).hasMessageContaining("tMax=0.0");
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> SigReg.defaults(0L).apply(m.ones(new Shape(2, 3, 4))))
          .hasMessageContaining("SigReg expects embeddings [B, D], got shape (2, 3, 4)");
      assertThatThrownBy(() -> SigReg.defaults(0L).statistic(m.ones(new Shape(4, 3)),
          m.ones(new Shape(2, 5))))
          .hasMessageContaining("D = 3, got (2, 5)");
    }
  }
}
