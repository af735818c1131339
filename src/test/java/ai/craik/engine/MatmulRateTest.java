package ai.craik.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class MatmulRateTest {
  @Test
  void measuresAPositiveRateAndRejectsBadSizes() {
    Engines.start(1, 0);
    try (NDManager m = NDManager.newBaseManager()) {
      int before = m.getManagedArrays().size();
      double gflops = MatmulRate.measure(m, 64, 0.05);
      assertThat(gflops).isPositive().isFinite();
      assertThat(m.getManagedArrays()).hasSize(before);
      assertThatThrownBy(() -> MatmulRate.measure(m, 2, 1)).hasMessageContaining("n >= 8");
    }
  }
}
