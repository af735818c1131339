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

class ActionEncodersTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  @Test
  void identityReturnsTheActionsAndHasNoParameters() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      IdentityActionEncoder enc = new IdentityActionEncoder(p, 2);
      NDArray a = ModuleChecks.uniform(m, 1, 3, 2);
      assertThat(enc.encode(a)).isSameAs(a);
      assertThat(enc.encodedDim()).isEqualTo(2);
      assertThat(enc.parameters().asMap()).isEmpty();
      assertThatThrownBy(() -> enc.encode(ModuleChecks.uniform(m, 1, 3, 4)))
          .hasMessageContaining("expects actions [B, 2], got (3, 4)");
    }
  }

  @Test
  void mlpEncodesRowsAndSequencesAlike() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      MlpActionEncoder enc = new MlpActionEncoder(p, 2, new int[] {8}, 5, new SplittableRandom(3));
      NDArray seq = ModuleChecks.uniform(m, 1, 3, 4, 2); // [B, T, A]
      NDArray encoded = enc.encode(seq);
      assertThat(encoded.getShape().getShape()).containsExactly(3, 4, 5);
      assertThat(encoded.reshape(12, 5).toFloatArray())
          .containsExactly(enc.encode(seq.reshape(12, 2)).toFloatArray());
      assertThat(enc.encodedDim()).isEqualTo(5);
      ModuleChecks.assertGradientsReachEveryParameter(m,
          s -> enc.encode(ModuleChecks.uniform(s, 2, 6, 2)), p);
      ModuleChecks.assertForwardLeavesNoArrays(m,
          s -> enc.encode(ModuleChecks.uniform(s, 2, 3, 4, 2)), p);
    }
  }
}
