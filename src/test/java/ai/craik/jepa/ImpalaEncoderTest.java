package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImpalaEncoderTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  @Test
  void encodes65PixelFramesToD512AndNormalizesEachRow() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      ImpalaEncoder enc = new ImpalaEncoder(p, 2, 65, 65, ImpalaEncoder.DEFAULT_WIDTHS, 512,
          new SplittableRandom(1));
      // 65 -> 33 -> 17 -> 9: the projection reads 32 * 9 * 9 features.
      assertThat(p.get("proj.w").getShape().getShape()).containsExactly(2592, 512);
      NDArray s = enc.encode(ModuleChecks.uniform(m, 2, 2, 2, 65, 65));
      assertThat(s.getShape().getShape()).containsExactly(2, 512);
      float[] v = s.toFloatArray();
      for (int r = 0; r < 2; r++) {
        double mean = 0;
        for (int j = 0; j < 512; j++) {
          mean += v[r * 512 + j] / 512.0;
        }
        assertThat(mean).as("row %d mean", r).isCloseTo(0, offset(1e-5));
      }
      assertThat(enc.latentDim()).isEqualTo(512);
      assertThat(enc.outputNorm().dim()).isEqualTo(512);
    }
  }

  @Test
  void encodes32PixelFramesAndCountsMultiplyAdds() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      ImpalaEncoder enc = new ImpalaEncoder(p, 2, 32, 32, new int[] {16, 32, 32}, 64,
          new SplittableRandom(1));
      assertThat(enc.encode(ModuleChecks.uniform(m, 2, 3, 2, 32, 32)).getShape().getShape())
          .containsExactly(3, 64);
      // 32 -> 16 -> 8 -> 4. Per stack: conv at the input size, 4 residual convs after the pool.
      long expected = 16L * 2 * 9 * 32 * 32 + 4L * 16 * 16 * 9 * 16 * 16
          + 32L * 16 * 9 * 16 * 16 + 4L * 32 * 32 * 9 * 8 * 8
          + 32L * 32 * 9 * 8 * 8 + 4L * 32 * 32 * 9 * 4 * 4
          + 32L * 4 * 4 * 64;
      assertThat(enc.multiplyAddsPerFrame()).isEqualTo(expected);
      assertThat(enc.flopsPerFrame()).isEqualTo(2 * expected);
      assertThat(p.asMap().keySet()).startsWith("stack0.conv.w", "stack0.conv.b",
          "stack0.res0.conv0.w").endsWith("proj.w", "proj.b", "norm.gain", "norm.bias");
      assertThat(p.asMap()).hasSize(3 * (2 + 2 * 4) + 4);
    }
  }

  @Test
  void gradientsReachEveryParameterAndForwardLeavesNothing() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      ImpalaEncoder enc = new ImpalaEncoder(p, 2, 12, 12, new int[] {2, 3}, 4,
          new SplittableRandom(3));
      ModuleChecks.assertGradientsReachEveryParameter(m,
          s -> enc.encode(ModuleChecks.uniform(s, 5, 3, 2, 12, 12)), p);
      ModuleChecks.assertForwardLeavesNoArrays(m,
          s -> enc.encode(ModuleChecks.uniform(s, 5, 3, 2, 12, 12)), p);
    }
  }

  @Test
  void sameInitStreamGivesTheSameEncoder() {
    try (NDManager m = NDManager.newBaseManager(); Parameters a = new Parameters(m);
        Parameters b = new Parameters(m); Parameters c = new Parameters(m)) {
      int[] widths = {2, 3};
      NDArray x = ModuleChecks.uniform(m, 5, 2, 2, 9, 9);
      float[] ya = new ImpalaEncoder(a, 2, 9, 9, widths, 4, new SplittableRandom(7)).encode(x)
          .toFloatArray();
      float[] yb = new ImpalaEncoder(b, 2, 9, 9, widths, 4, new SplittableRandom(7)).encode(x)
          .toFloatArray();
      float[] yc = new ImpalaEncoder(c, 2, 9, 9, widths, 4, new SplittableRandom(8)).encode(x)
          .toFloatArray();
      assertThat(ya).containsExactly(yb);
      assertThat(ya).isNotEqualTo(yc);
      for (Map.Entry<String, NDArray> e : a.asMap().entrySet()) {
        assertThat(e.getValue().toFloatArray()).as(e.getKey())
            .containsExactly(b.get(e.getKey()).toFloatArray());
      }
    }
  }

  @Test
  void rejectsObservationsOfAnotherSize() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      ImpalaEncoder enc = new ImpalaEncoder(p, 2, 32, 32, new int[] {2}, 4,
          new SplittableRandom(3));
      assertThatThrownBy(() -> enc.encode(m.zeros(new ai.djl.ndarray.types.Shape(1, 2, 65, 65))))
          .hasMessageContaining("IMPALA encoder expects observations [B, 2, 32, 32], got"
              + " (1, 2, 65, 65)");
    }
  }
}
