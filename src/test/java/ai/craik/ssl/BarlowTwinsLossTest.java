package ai.craik.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.engine.RandomStreams;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BarlowTwinsLossTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void identicalWhitenedViewsGiveTheIdentityCrossCorrelation() {
    double[][] z = HostReference.whiten(
        HostReference.normal(new RandomStreams(21L).stream("z"), 4096, 8, 1.0));
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray za = HostReference.toNd(m, z);
      Map<String, Double> s = BarlowTwinsLoss.defaults().loss(za, za.duplicate()).scalars();
      assertThat(s).containsOnlyKeys("total", "on_diag", "off_diag");
      assertThat(s.get("on_diag")).isLessThan(1e-6); // C_ii = var / (var + eps)
      assertThat(s.get("off_diag")).isLessThan(1e-6);
      assertThat(s.get("total")).isLessThan(1e-6);
    }
  }

  @Test
  void independentViewsMissTheWholeDiagonal() {
    RandomStreams streams = new RandomStreams(22L);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray za = HostReference.toNd(m, HostReference.normal(streams.stream("a"), 4096, 8, 1.0));
      NDArray zb = HostReference.toNd(m, HostReference.normal(streams.stream("b"), 4096, 8, 1.0));
      Map<String, Double> s = BarlowTwinsLoss.defaults().loss(za, zb).scalars();
      assertThat(s.get("on_diag")).isCloseTo(8.0, offset(0.5)); // C_ii ~ 0: D terms of 1
      assertThat(s.get("total"))
          .isCloseTo(s.get("on_diag") + 5e-3 * s.get("off_diag"), offset(1e-5));
    }
  }

  @Test
  void gradientMatchesFiniteDifferencesInEitherView() {
    RandomStreams streams = new RandomStreams(23L);
    double[][] za = HostReference.normal(streams.stream("a"), 6, 3, 1.0);
    double[][] zb = HostReference.normal(streams.stream("b"), 6, 3, 1.0);
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 3; j++) {
        zb[i][j] = 0.7 * za[i][j] + 0.3 * zb[i][j]; // correlated views, as in training
      }
    }
    BarlowTwinsLoss loss = new BarlowTwinsLoss(0.5);
    double largestA = GradientCheck.assertMatches(za,
        x -> loss.loss(x, HostReference.toNd(x.getManager(), zb)).total(),
        y -> total(HostReference.barlow(y, zb, 1e-5)), 1e-5, 1e-4, 1e-3);
    double largestB = GradientCheck.assertMatches(zb,
        x -> loss.loss(HostReference.toNd(x.getManager(), za), x).total(),
        y -> total(HostReference.barlow(za, y, 1e-5)), 1e-5, 1e-4, 1e-3);
    assertThat(Math.min(largestA, largestB)).isGreaterThan(0.01);
  }

  private static double total(double[] onOff) {
    return onOff[0] + 0.5 * onOff[1];
  }

  @Test
  void defaultsAreThePapersAndBadInputsAreNamed() {
    assertThat(BarlowTwinsLoss.defaults()).isEqualTo(new BarlowTwinsLoss(5e-3, 1e-5));
    assertThatThrownBy(() -> new BarlowTwinsLoss(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lambda=-1.0");
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> BarlowTwinsLoss.defaults().loss(m.ones(new Shape(1, 3)),
          m.ones(new Shape(1, 3))))
          .hasMessageContaining("BarlowTwinsLoss needs at least 2 rows, got 1");
    }
  }
}
