package ai.craik.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.engine.RandomStreams;
import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VicRegLossTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void constantBatchesGiveTheHandComputedTerms() {
    // Every row of za is (1, 2, 3), every row of zb is (2, 0, 3): inv = (1 + 4 + 0) / 3 = 5/3.
    // Zero variance: each branch's hinge is gamma - sqrt(eps) = 1 - 0.01; std sums both branches.
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray za = m.create(new float[] {1, 2, 3}).reshape(1, 3).repeat(0, 4);
      NDArray zb = m.create(new float[] {2, 0, 3}).reshape(1, 3).repeat(0, 4);
      LossTerms t = VicRegLoss.defaults().loss(za, zb);
      Map<String, Double> s = t.scalars();
      assertThat(s).containsOnlyKeys("total", "inv", "std", "cov");
      assertThat(s.get("inv")).isCloseTo(5.0 / 3, offset(1e-6));
      assertThat(s.get("std")).isCloseTo(2 * (1 - 0.01), offset(1e-6));
      assertThat(s.get("cov")).isEqualTo(0.0);
      assertThat(s.get("total")).isCloseTo(25 * 5.0 / 3 + 25 * 2 * 0.99, offset(1e-4));
    }
  }

  @Test
  void whitenedIdenticalViewsCostNothing() {
    double[][] z = HostReference.whiten(
        HostReference.normal(new RandomStreams(9L).stream("z"), 4096, 8, 1.0));
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray za = HostReference.toNd(m, z);
      Map<String, Double> s = VicRegLoss.defaults().loss(za, za.duplicate()).scalars();
      assertThat(s.get("inv")).isEqualTo(0.0);
      assertThat(s.get("std")).isEqualTo(0.0); // sqrt(1 + eps) > gamma = 1 on every dimension
      assertThat(s.get("cov")).isLessThan(1e-8);
      assertThat(s.get("total")).isLessThan(1e-7);
    }
  }

  @Test
  void standardNormalViewsHaveSmallStdAndCovParts() {
    RandomStreams streams = new RandomStreams(10L);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray za = HostReference.toNd(m, HostReference.normal(streams.stream("a"), 4096, 8, 1.0));
      NDArray zb = HostReference.toNd(m, HostReference.normal(streams.stream("b"), 4096, 8, 1.0));
      Map<String, Double> s = VicRegLoss.defaults().loss(za, zb).scalars();
      // std of B = 4096 samples is within about 3 / sqrt(2 B) = 0.03 of 1; Cov_ij ~ 1 / sqrt(B).
      assertThat(s.get("std")).isLessThan(0.03);
      assertThat(s.get("cov")).isLessThan(0.01);
      assertThat(s.get("inv")).isCloseTo(2.0, offset(0.1)); // E (a - b)^2 = 2 for independent views
    }
  }

  @Test
  void totalIsTheWeightedSumOfTheRawParts() {
    RandomStreams streams = new RandomStreams(11L);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray za = HostReference.toNd(m, HostReference.normal(streams.stream("a"), 16, 4, 0.3));
      NDArray zb = HostReference.toNd(m, HostReference.normal(streams.stream("b"), 16, 4, 0.3));
      Map<String, Double> s = new VicRegLoss(2, 3, 5, 1.0, 1e-4).loss(za, zb).scalars();
      assertThat(s.get("total"))
          .isCloseTo(2 * s.get("inv") + 3 * s.get("std") + 5 * s.get("cov"), offset(1e-5));
      assertThat(s.get("std")).isGreaterThan(1.0); // std 0.3 < gamma on both branches
    }
  }

  @Test
  void invarianceIsTheMeanOverAllEntries() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray za = m.create(new float[] {0, 0, 0, 0}, new Shape(2, 2));
      NDArray zb = m.create(new float[] {1, 0, 0, 3}, new Shape(2, 2));
      assertThat(new InvarianceMse().loss(za, zb).parts().get("inv").getFloat())
          .isEqualTo((1f + 9f) / 4f);
    }
  }

  @Test
  void rejectsMismatchedViewsAndNegativeWeights() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> VicRegLoss.defaults().loss(m.ones(new Shape(4, 3)),
          m.ones(new Shape(4, 2))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("got (4, 3) and (4, 2)");
      assertThatThrownBy(() -> VicRegLoss.defaults().loss(m.ones(new Shape(1, 3)),
          m.ones(new Shape(1, 3))))
          .hasMessageContaining("needs at least 2 rows, got 1");
    }
    assertThatThrownBy(() -> new VicRegLoss(25, -1, 1, 1, 1e-4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("muVar=-1.0");
  }
}
