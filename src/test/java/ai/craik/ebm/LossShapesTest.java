package ai.craik.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LossShapesTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 17L);
  }

  @Test
  void everyLossReturnsAScalarInThePositivesManager() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray pos = m.create(new float[] {0.1f, 0.2f, 0.3f});
      NDArray neg = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(3, 2));
      for (String name : ContrastiveLosses.NAMES) {
        NDArray loss = ContrastiveLosses.of(name).loss(pos, neg);
        assertThat(loss.getShape().isScalar()).as(name).isTrue();
        assertThat(loss.getManager()).as(name).isSameAs(m);
      }
    }
  }

  @Test
  void mismatchedBatchIsRejectedWithBothShapes() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray pos = m.zeros(new Shape(3));
      NDArray neg = m.zeros(new Shape(2, 4));
      assertThatThrownBy(() -> new HingeLoss(1).loss(pos, neg))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("hinge loss")
          .hasMessageContaining("(3)")
          .hasMessageContaining("(2, 4)");
      assertThatThrownBy(() -> new InfoNceLoss(1).loss(m.zeros(new Shape(3, 1)), neg))
          .hasMessageContaining("[B]");
    }
  }
}
