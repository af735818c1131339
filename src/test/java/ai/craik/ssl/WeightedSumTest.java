package ai.craik.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.engine.Engines;
import ai.craik.engine.RandomStreams;
import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WeightedSumTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void reportsRawPartsByNameAndTheWeightedTotalExactly() {
    double[][] z = HostReference.normal(new RandomStreams(41L).stream("z"), 64, 5, 0.5);
    WeightedSum sum = WeightedSum.of("std", 25, VarianceHinge.defaults())
        .plus("cov", 1, new CovariancePenalty())
        .plus("sigreg", 0.5, new SigReg(16, 17, 3.0, 0L));
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = HostReference.toNd(m, z);
      LossTerms t = sum.apply(x, new SplittableRandom(7L));
      assertThat(t.parts()).containsOnlyKeys("std", "cov", "sigreg");
      float std = t.parts().get("std").getFloat();
      float cov = t.parts().get("cov").getFloat();
      float sig = t.parts().get("sigreg").getFloat();
      assertThat(std).isEqualTo(VarianceHinge.defaults().apply(x).total().getFloat());
      assertThat(cov).isEqualTo(new CovariancePenalty().apply(x).total().getFloat());
      assertThat(sig).isEqualTo(new SigReg(16, 17, 3.0, 0L)
          .apply(x, new SplittableRandom(7L)).total().getFloat()); // the stream reaches SigReg
      assertThat(std).isGreaterThan(0.1f);
      float expected = std * 25f + cov * 1f + sig * 0.5f; // float32, in the order of the terms
      assertThat(t.total().getFloat()).isEqualTo(expected);
    }
  }

  @Test
  void zeroWeightKeepsTheTermAsADiagnosticOnly() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = HostReference.toNd(m,
          HostReference.normal(new RandomStreams(42L).stream("z"), 32, 4, 0.5));
      LossTerms t = WeightedSum.of("std", 0, VarianceHinge.defaults()).apply(x);
      assertThat(t.parts().get("std").getFloat()).isGreaterThan(0.1f);
      assertThat(t.total().getFloat()).isEqualTo(0f);
    }
  }

  @Test
  void rejectsDuplicateNamesAndBadWeights() {
    assertThatThrownBy(() -> WeightedSum.of("std", 1, VarianceHinge.defaults())
        .plus("std", 2, new CovariancePenalty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'std' is used twice");
    assertThatThrownBy(() -> WeightedSum.of("cov", Double.NaN, new CovariancePenalty()))
        .hasMessageContaining("weight NaN");
    assertThatThrownBy(() -> new WeightedSum(java.util.List.of()))
        .hasMessageContaining("at least one term");
  }
}
