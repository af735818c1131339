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
  void theSlicePathEqualsTheEnginePoolForSeveralWindowsAndSizes() {
    try (NDManager m = NDManager.newBaseManager()) {
      MaxPool[] pools = {MaxPool.impala(), new MaxPool(2, 2, 0), new MaxPool(3, 1, 1),
          new MaxPool(3, 3, 0), new MaxPool(4, 2, 2)};
      for (MaxPool pool : pools) {
        for (int size : new int[] {4, 5, 9, 10}) {
          NDArray x = BlockChecks.uniform(m, size, 2, 3, size, size + 1);
          assertThat(pool.slicePool(x).toFloatArray()).as("%s at %s", pool, size)
              .containsExactly(pool.enginePool(x).toFloatArray());
          assertThat(pool.slicePool(x).getShape()).isEqualTo(pool.enginePool(x).getShape());
        }
      }
    }
  }

  @Test
  void forwardOutsideAndInsideAGradientCollectorAgreeAndTheGradientGoesToTheMaxima() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = BlockChecks.uniform(m, 4, 1, 2, 7, 7);
      x.setRequiresGradient(true);
      float[] plain = MaxPool.impala().forward(x).toFloatArray();
      try (ai.djl.training.GradientCollector gc =
          ai.djl.engine.Engine.getInstance().newGradientCollector()) {
        NDArray y = MaxPool.impala().forward(x);
        assertThat(y.toFloatArray()).containsExactly(plain);
        gc.backward(y.sum());
      }
      // Each of the 2 * 4 * 4 outputs sends 1 to its window's maximum (windows overlap).
      assertThat(x.getGradient().sum().getFloat()).isEqualTo(32f);
    }
  }

  @Test
  void rejectsPaddingLargerThanHalfTheWindow() {
    assertThatThrownBy(() -> new MaxPool(3, 2, 2)).hasMessageContaining("padding=2");
  }
}
