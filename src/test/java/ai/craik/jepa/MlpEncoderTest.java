package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.engine.Engines;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MlpEncoderTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  @Test
  void encodesFeatureRowsAndFlattensImages() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      MlpEncoder enc = new MlpEncoder(p, 2 * 3 * 3, new int[] {16}, 8, new SplittableRandom(4));
      NDArray images = ModuleChecks.uniform(m, 1, 5, 2, 3, 3);
      float[] fromImages = enc.encode(images).toFloatArray();
      float[] fromRows = enc.encode(images.reshape(5, 18)).toFloatArray();
      assertThat(fromImages).hasSize(5 * 8).containsExactly(fromRows);
      assertThat(enc.multiplyAddsPerFrame()).isEqualTo(18 * 16 + 16 * 8);
      assertThatThrownBy(() -> enc.encode(ModuleChecks.uniform(m, 1, 5, 17)))
          .hasMessageContaining("MLP encoder expects observations [B, 18]");
    }
  }

  @Test
  void gradientsReachEveryParameterAndForwardLeavesNothing() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      MlpEncoder enc = new MlpEncoder(p, 6, new int[] {5, 4}, 3, new SplittableRandom(4));
      ModuleChecks.assertGradientsReachEveryParameter(m,
          s -> enc.encode(ModuleChecks.uniform(s, 2, 7, 6)), p);
      ModuleChecks.assertForwardLeavesNoArrays(m,
          s -> enc.encode(ModuleChecks.uniform(s, 2, 7, 6)), p);
    }
  }
}
