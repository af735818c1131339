package ai.craik.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.engine.RandomStreams;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OffDiagonalCovarianceTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void isTheMeanOfTheSquaredOffDiagonalCovariances() {
    double[][] z = HostReference.normal(new RandomStreams(4L).stream("z"), 7, 4, 1.0);
    for (double[] row : z) {
      row[1] += 0.8 * row[0]; // correlated columns
    }
    double[][] c = HostReference.covariance(z);
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        sum += i == j ? 0 : c[i][j] * c[i][j];
      }
    }
    try (NDManager m = NDManager.newBaseManager()) {
      float v = new OffDiagonalCovariance().apply(HostReference.toNd(m, z)).total().getFloat();
      assertThat((double) v).isCloseTo(sum / (4 * 3), offset(1e-5));
      assertThat((double) v).isCloseTo(HostReference.covariancePenalty(z) / 3, offset(1e-5));
      assertThat(new OffDiagonalCovariance().apply(m.ones(new Shape(3, 1))).total().getFloat())
          .isZero();
    }
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    double[][] z = HostReference.normal(new RandomStreams(5L).stream("z"), 5, 3, 1.0);
    double largest = GradientCheck.assertMatches(z,
        x -> new OffDiagonalCovariance().apply(x).total(),
        y -> HostReference.covariancePenalty(y) / 2, 1e-5, 1e-5, 1e-3);
    assertThat(largest).isGreaterThan(1e-3);
  }
}
