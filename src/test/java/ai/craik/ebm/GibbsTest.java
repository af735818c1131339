package ai.craik.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GibbsTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 42L);
  }

  @Test
  void workedExampleRowsSumToOne() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray e = m.create(new float[] {0, 1, 2, 2, -1, 3}, new Shape(3, 2));
      float[] p = Gibbs.probabilities(e, 1.0).toFloatArray();
      double p0 = 1 / (1 + Math.exp(-1));
      assertThat((double) p[0]).isCloseTo(p0, within(1e-6));
      assertThat((double) p[1]).isCloseTo(1 - p0, within(1e-6));
      assertThat(p[2]).isCloseTo(0.5f, within(1e-6f));
      assertThat((double) p[4]).isCloseTo(1 / (1 + Math.exp(-4)), within(1e-6));
      for (int b = 0; b < 3; b++) {
        assertThat(p[2 * b] + p[2 * b + 1]).isCloseTo(1f, within(1e-6f));
      }
    }
  }

  @Test
  void tendsToTheOneHotOfTheArgminAsBetaGrows() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray e = m.create(new float[] {0.3f, -0.2f, 0.1f, 2f, 1f, 0.5f}, new Shape(2, 3));
      double previous = 0;
      for (double beta : new double[] {0.1, 1, 10, 100, 1000}) {
        float[] p = Gibbs.probabilities(e, beta).toFloatArray();
        for (int b = 0; b < 2; b++) {
          assertThat(p[3 * b] + p[3 * b + 1] + p[3 * b + 2]).isCloseTo(1f, within(1e-6f));
        }
        assertThat((double) p[1]).isGreaterThanOrEqualTo(previous); // argmin of row 0 is column 1
        previous = p[1];
      }
      float[] large = Gibbs.probabilities(e, 1e4).toFloatArray();
      assertThat(large).containsExactly(new float[] {0, 1, 0, 0, 0, 1}, within(1e-6f));
      assertThat(Gibbs.probabilities(e, Double.POSITIVE_INFINITY).toFloatArray())
          .containsExactly(0, 1, 0, 0, 0, 1);
      float[] uniform = Gibbs.probabilities(e, 1e-7).toFloatArray();
      assertThat(uniform).containsExactly(new float[] {1 / 3f, 1 / 3f, 1 / 3f, 1 / 3f, 1 / 3f,
          1 / 3f}, within(1e-5f));
    }
  }

  @Test
  void zeroTemperatureSplitsTiesEvenly() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray e = m.create(new float[] {1, 0, 0, 2}, new Shape(1, 4));
      assertThat(Gibbs.probabilities(e, Double.POSITIVE_INFINITY).toFloatArray())
          .containsExactly(0, 0.5f, 0.5f, 0);
    }
  }

  @Test
  void rejectsBadBeta() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray e = m.create(new float[] {1, 0}, new Shape(1, 2));
      assertThatThrownBy(() -> Gibbs.probabilities(e, 0)).hasMessageContaining("beta=0.0");
    }
  }
}
