package ai.craik.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroupNormTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void normalizesEachGroupOfEachImageThenScalesPerChannel() {
    int b = 2;
    int c = 4;
    int hw = 3 * 3;
    float[] x = new float[b * c * hw];
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (rng.nextDouble() * 4 - 1 + (i / hw) % c); // channel-dependent offsets
    }
    try (NDManager m = NDManager.newBaseManager()) {
      Parameters p = new Parameters(m);
      GroupNorm gn = new GroupNorm(p, "gn", c, 2);
      p.get("gn.gain").set(new float[] {1, 2, 3, 4});
      p.get("gn.bias").set(new float[] {0, 0, 1, -1});
      float[] y = gn.forward(m.create(x, new Shape(b, c, 3, 3))).toFloatArray();
      for (int img = 0; img < b; img++) {
        for (int g = 0; g < 2; g++) {
          int from = (img * c + 2 * g) * hw;
          double mean = 0;
          for (int i = from; i < from + 2 * hw; i++) {
            mean += x[i];
          }
          mean /= 2 * hw;
          double var = 0;
          for (int i = from; i < from + 2 * hw; i++) {
            var += (x[i] - mean) * (x[i] - mean);
          }
          var /= 2 * hw;
          for (int i = from; i < from + 2 * hw; i++) {
            int ch = (i / hw) % c;
            double expect = (x[i] - mean) / Math.sqrt(var + 1e-5) * (ch + 1)
                + new double[] {0, 0, 1, -1}[ch];
            assertThat((double) y[i]).isCloseTo(expect, offset(1e-4));
          }
        }
      }
      assertThatThrownBy(() -> gn.forward(m.zeros(new Shape(1, 3, 2, 2))))
          .hasMessageContaining("[B, 4, H, W]");
      assertThatThrownBy(() -> new GroupNorm(p, "g", 6, 4)).hasMessageContaining("divisible");
    }
    assertThat(GroupNorm.groupsFor(24, 8)).isEqualTo(8);
    assertThat(GroupNorm.groupsFor(12, 8)).isEqualTo(6);
    assertThat(GroupNorm.groupsFor(3, 8)).isEqualTo(3);
  }
}
