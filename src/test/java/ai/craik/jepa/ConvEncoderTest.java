package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;

import ai.craik.engine.Engines;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConvEncoderTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  @Test
  void encodesBothFrameSizesAndCountsMultiplyAdds() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m);
        Parameters q = new Parameters(m)) {
      ConvEncoder small = new ConvEncoder(p, 2, 32, 32, ConvEncoder.DEFAULT_WIDTHS, 64,
          new SplittableRandom(1));
      assertThat(small.encode(ModuleChecks.uniform(m, 2, 2, 2, 32, 32)).getShape().getShape())
          .containsExactly(2, 64);
      // 32 -> 16 -> 8 -> 4, 64 channels: 1024 features.
      assertThat(p.get("proj.w").getShape().getShape()).containsExactly(1024, 64);
      assertThat(small.multiplyAddsPerFrame()).isEqualTo(32L * 2 * 9 * 16 * 16
          + 64L * 32 * 9 * 8 * 8 + 64L * 64 * 9 * 4 * 4 + 1024L * 64);
      ConvEncoder large = new ConvEncoder(q, 2, 65, 65, ConvEncoder.DEFAULT_WIDTHS, 128,
          new SplittableRandom(1));
      assertThat(large.encode(ModuleChecks.uniform(m, 2, 2, 2, 65, 65)).getShape().getShape())
          .containsExactly(2, 128);
      assertThat(q.get("proj.w").getShape().getShape()).containsExactly(64 * 9 * 9, 128);
    }
  }

  @Test
  void gradientsReachEveryParameterAndForwardLeavesNothing() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      ConvEncoder enc = new ConvEncoder(p, 2, 8, 8, new int[] {3, 4}, 5, new SplittableRandom(2));
      assertThat(p.asMap().keySet()).containsExactly("conv0.w", "conv0.b", "conv1.w", "conv1.b",
          "proj.w", "proj.b", "norm.gain", "norm.bias");
      ModuleChecks.assertGradientsReachEveryParameter(m,
          s -> enc.encode(ModuleChecks.uniform(s, 3, 4, 2, 8, 8)), p);
      ModuleChecks.assertForwardLeavesNoArrays(m,
          s -> enc.encode(ModuleChecks.uniform(s, 3, 4, 2, 8, 8)), p);
    }
  }
}
