package ai.craik.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.engine.RandomStreams;
import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VarianceHingeTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void constantBatchScoresGammaMinusSqrtEpsAndReportsStd() {
    try (NDManager m = NDManager.newBaseManager()) {
      LossTerms t = new VarianceHinge(2.0, 0.04).apply(m.ones(new Shape(5, 3)).mul(7f));
      assertThat(t.total().getFloat()).isCloseTo(2.0f - 0.2f, offset(1e-6f));
      assertThat(t.parts()).containsOnlyKeys("std");
      assertThat(t.parts().get("std").getFloat()).isEqualTo(t.total().getFloat());
    }
  }

  @Test
  void usesTheUnbiasedVarianceAndAveragesOverDimensions() {
    // column 0: {0, 2} has unbiased variance 2 (biased 1); column 1 is far above gamma.
    try (NDManager m = NDManager.newBaseManager()) {
      float v = new VarianceHinge(2.0, 1e-4).apply(
          m.create(new float[] {0, 0, 2, 100}, new Shape(2, 2))).total().getFloat();
      assertThat((double) v).isCloseTo((2.0 - Math.sqrt(2.0001)) / 2, offset(1e-6));
    }
  }

  @Test
  void gradientMatchesFiniteDifferencesOnBothSidesOfTheHinge() {
    double[][] z = HostReference.normal(new RandomStreams(3L).stream("z"), 6, 3, 0.5);
    for (double[] row : z) {
      row[2] *= 8; // std well above gamma: this column gets no gradient
    }
    VarianceHinge hinge = VarianceHinge.defaults();
    double largest = GradientCheck.assertMatches(z, x -> hinge.apply(x).total(),
        y -> HostReference.varianceHinge(y, 1.0, 1e-4), 1e-5, 1e-5, 1e-3);
    assertThat(largest).isGreaterThan(0.01);
  }

  @Test
  void rejectsASingleRowAndBadSettings() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> VarianceHinge.defaults().apply(m.ones(new Shape(1, 4))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("needs at least 2 rows, got 1");
      assertThatThrownBy(() -> VarianceHinge.defaults().apply(m.ones(new Shape(4))))
          .hasMessageContaining("expects embeddings [B, D], got shape (4)");
    }
    assertThatThrownBy(() -> new VarianceHinge(1.0, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eps=0.0");
    assertThatThrownBy(() -> new VarianceHinge(-1.0, 1e-4)).hasMessageContaining("gamma=-1.0");
  }
}
