package ai.craik.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StartsTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 42L);
  }

  @Test
  void boxStartsStayInTheirPerAxisBoundsAndRepeatWithTheSeed() {
    try (NDManager m = NDManager.newBaseManager()) {
      Starts box = new Starts.Box(new double[] {0, -5}, new double[] {1, -4});
      NDArray a = box.draw(m, new SplittableRandom(1), 50, 2);
      assertThat(a.getShape()).isEqualTo(new Shape(50, 2));
      float[] v = a.toFloatArray();
      for (int i = 0; i < 50; i++) {
        assertThat(v[2 * i]).isBetween(0f, 1f);
        assertThat(v[2 * i + 1]).isBetween(-5f, -4f);
      }
      assertThat(box.draw(m, new SplittableRandom(1), 50, 2).toFloatArray()).containsExactly(v);
    }
  }

  @Test
  void normalStartsAreShiftedAndScaled() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] v = new Starts.Normal(10, 0).draw(m, new SplittableRandom(2), 3, 2).toFloatArray();
      assertThat(v).containsOnly(10f);
    }
  }

  @Test
  void rejectsBoundsThatDoNotFitTheDimension() {
    try (NDManager m = NDManager.newBaseManager()) {
      Starts box = new Starts.Box(new double[] {0, 0}, new double[] {1, 1});
      assertThatThrownBy(() -> box.draw(m, new SplittableRandom(1), 4, 3))
          .hasMessageContaining("2 bounds but the points have D=3");
    }
  }
}
