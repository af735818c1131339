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

class CovariancePenaltyTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void matchesAHandComputedThreeByTwoBatch() {
    // rows (0,0), (1,2), (2,1); centred (-1,-1), (0,1), (1,0): Cov_01 = (1 + 0 + 0) / (3 - 1) = 0.5
    // c = (Cov_01^2 + Cov_10^2) / D = (0.25 + 0.25) / 2 = 0.25
    try (NDManager m = NDManager.newBaseManager()) {
      LossTerms t = new CovariancePenalty().apply(
          m.create(new float[] {0, 0, 1, 2, 2, 1}, new Shape(3, 2)));
      assertThat(t.total().getFloat()).isCloseTo(0.25f, offset(1e-6f));
      assertThat(t.parts()).containsOnlyKeys("cov");
    }
  }

  @Test
  void isZeroForAWhitenedBatchAndLargeForCopiedColumns() {
    double[][] z = HostReference.normal(new RandomStreams(5L).stream("z"), 512, 6, 1.0);
    try (NDManager m = NDManager.newBaseManager()) {
      CovariancePenalty c = new CovariancePenalty();
      assertThat(c.apply(HostReference.toNd(m, HostReference.whiten(z))).total().getFloat())
          .isLessThan(1e-8f);
      for (double[] row : z) {
        row[1] = row[0]; // two identical dimensions: Cov_01 = Cov_10 = Var ~ 1
      }
      assertThat(c.apply(HostReference.toNd(m, z)).total().getFloat()).isGreaterThan(0.25f);
    }
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    double[][] z = HostReference.normal(new RandomStreams(4L).stream("z"), 6, 3, 1.0);
    double largest = GradientCheck.assertMatches(z, x -> new CovariancePenalty().apply(x).total(),
        HostReference::covariancePenalty, 1e-5, 1e-5, 1e-3);
    assertThat(largest).isGreaterThan(0.01);
  }

  @Test
  void rejectsASingleRow() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> new CovariancePenalty().apply(m.ones(new Shape(1, 3))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("CovariancePenalty needs at least 2 rows, got 1");
    }
  }
}
