package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProjectorTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void batchNormMixesRowsAndLayerNormKeepsThemApart() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomNormal(new Shape(6, 5));
      NDArray changed = x.duplicate();
      changed.set(new ai.djl.ndarray.index.NDIndex("5"), 7f); // only the last row differs
      Projector batch = new Projector(new Parameters(m), "p", new int[] {5, 8, 3}, true,
          new SplittableRandom(1));
      Projector layer = new Projector(new Parameters(m), "p", new int[] {5, 8, 3}, false,
          new SplittableRandom(1));
      float[] b0 = batch.forward(x).get("0").toFloatArray();
      float[] b1 = batch.forward(changed).get("0").toFloatArray();
      float[] l0 = layer.forward(x).get("0").toFloatArray();
      float[] l1 = layer.forward(changed).get("0").toFloatArray();
      assertThat(l1).containsExactly(l0, offset(1e-6f));
      double diff = 0;
      for (int i = 0; i < b0.length; i++) {
        diff += Math.abs(b0[i] - b1[i]);
      }
      assertThat(diff).isGreaterThan(1e-3);
      assertThat(batch.outputs()).isEqualTo(3);
      assertThatThrownBy(() -> batch.forward(x.get("0:1"))).hasMessageContaining("at least 2 rows");
    }
  }
}
