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

class KeypointEncoderTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  @Test
  void softArgmaxReadsAPeakAsItsCoordinatesAndAFlatMapAsTheCentre() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] maps = new float[2 * 5 * 9]; // B = 1, K = 2 maps of 5 rows x 9 columns
      maps[2 * 9 + 6] = 50f; // map 0: a peak at row 2, column 6
      NDArray gain = m.ones(new Shape(1, 2, 1));
      float[] xy = KeypointEncoder.coordinates(m.create(maps, new Shape(1, 2, 5, 9)), gain)
          .toFloatArray(); // x0, x1, y0, y1
      assertThat((double) xy[0]).isCloseTo(2.0 * 6 / 8 - 1, offset(1e-4)); // column 6 of 0..8
      assertThat((double) xy[2]).isCloseTo(0.0, offset(1e-4)); // row 2 of 0..4: the middle
      assertThat((double) xy[1]).isCloseTo(0.0, offset(1e-5)); // map 1 is flat
      assertThat((double) xy[3]).isCloseTo(0.0, offset(1e-5));
      maps[2 * 9 + 6] = 0f;
      maps[5 * 9 + 4 * 9] = 50f; // map 1: a peak at row 4, column 0
      xy = KeypointEncoder.coordinates(m.create(maps, new Shape(1, 2, 5, 9)), gain)
          .toFloatArray();
      assertThat((double) xy[1]).isCloseTo(-1.0, offset(1e-4));
      assertThat((double) xy[3]).isCloseTo(1.0, offset(1e-4));
    }
  }

  @Test
  void encodesAtAnyStridesAndCountsMultiplyAdds() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m);
        Parameters q = new Parameters(m)) {
      KeypointEncoder half = new KeypointEncoder(p, 2, 32, 32, new int[] {8, 8}, new int[] {2, 1}, 6, false, 16,
          new SplittableRandom(1));
      assertThat(half.encode(ModuleChecks.uniform(m, 2, 3, 2, 32, 32)).getShape().getShape())
          .containsExactly(3, 16);
      // 32 -> 16 at the first conv; 6 keypoints give 12 coordinates.
      assertThat(p.get("proj.w").getShape().getShape()).containsExactly(12, 16);
      assertThat(half.multiplyAddsPerFrame()).isEqualTo(8L * 2 * 9 * 16 * 16
          + 8L * 8 * 9 * 16 * 16 + 6L * 8 * 16 * 16 + 12L * 16);
      KeypointEncoder full = new KeypointEncoder(q, 2, 32, 32, new int[] {8}, new int[] {1}, 6, true, 16,
          new SplittableRandom(1));
      assertThat(full.multiplyAddsPerFrame()).isEqualTo(8L * 2 * 9 * 32 * 32
          + 6L * 8 * 32 * 32 + (12L + 8) * 16);
      assertThat(q.get("proj.w").getShape().getShape()).containsExactly(12 + 8, 16); // + maxima
    }
  }

  @Test
  void gradientsReachEveryParameterAndForwardLeavesNothing() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      KeypointEncoder enc = new KeypointEncoder(p, 2, 8, 8, new int[] {3, 4}, new int[] {1, 2}, 3, true, 5,
          new SplittableRandom(2));
      assertThat(p.asMap().keySet()).containsExactly("conv0.w", "conv0.b", "conv1.w", "conv1.b",
          "keypoints.w", "keypoints.b", "log_gain", "proj.w", "proj.b", "norm.gain", "norm.bias");
      // 3 keypoints (6 coordinates) and the maxima of every channel of both layers (3 + 4).
      assertThat(p.get("proj.w").getShape().getShape()).containsExactly(13, 5);
      ModuleChecks.assertGradientsReachEveryParameter(m,
          s -> enc.encode(ModuleChecks.uniform(s, 3, 4, 2, 8, 8)), p);
      ModuleChecks.assertForwardLeavesNoArrays(m,
          s -> enc.encode(ModuleChecks.uniform(s, 3, 4, 2, 8, 8)), p);
    }
  }

  @Test
  void refusesAStrideThatLeavesNoMap() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      assertThatThrownBy(() -> new KeypointEncoder(p, 2, 3, 3, new int[] {4}, new int[] {4}, 2,
          false, 4, new SplittableRandom(1))).hasMessageContaining("use smaller strides");
      assertThatThrownBy(() -> new KeypointEncoder(p, 2, 8, 8, new int[] {4}, new int[] {5}, 2,
          false, 4, new SplittableRandom(1))).hasMessageContaining("one stride in 1..4 per width");
      assertThatThrownBy(() -> new KeypointEncoder(p, 2, 8, 8, new int[] {4, 4}, new int[] {1},
          2, false, 4, new SplittableRandom(1))).hasMessageContaining("one stride in 1..4 per width");
    }
  }
}
