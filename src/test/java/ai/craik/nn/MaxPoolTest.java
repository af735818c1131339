package ai.craik.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MaxPoolTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  @Test
  void impalaPoolTakesTheMaxOfPaddedThreeByThreeWindowsAtStrideTwo() {
    try (NDManager m = NDManager.newBaseManager()) {
      // x[r][c] = 4 r + c on a 4 x 4 grid, plus 100 on the diagonal (0, 5, 10, 15).
      float[] v = new float[16];
      for (int i = 0; i < 16; i++) {
        v[i] = (i % 5 == 0) ? 100 + i : i;
      }
      NDArray x = m.create(v, new Shape(1, 1, 4, 4));
      NDArray y = MaxPool.impala().forward(x);
      // Windows (rows x cols): {0,1} x {0,1} holds 105; {0,1} x {1,2,3} holds 105;
      // {1,2,3} x {0,1} holds 105 (not 110, at column 2); {1,2,3} x {1,2,3} holds 115.
      assertThat(y.getShape().getShape()).containsExactly(1, 1, 2, 2);
      assertThat(y.toFloatArray()).containsExactly(105f, 105f, 105f, 115f);
      assertThat(MaxPool.impala().outputSize(65)).isEqualTo(33);
      assertThat(MaxPool.impala().outputSize(32)).isEqualTo(16);
    }
  }

  @Test
  void rejectsPaddingLargerThanHalfTheWindow() {
    assertThatThrownBy(() -> new MaxPool(3, 2, 2)).hasMessageContaining("padding=2");
  }
}
