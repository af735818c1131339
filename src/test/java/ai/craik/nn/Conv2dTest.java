package ai.craik.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Conv2dTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  /** y[b,o,i,j] = bias[o] + sum_{c,u,v} w[o,c,u,v] x[b,c,s i+u-p, s j+v-p] (zero outside x). */
  private static double[] reference(float[] x, int b, int in, int h, int w, float[] wt,
      float[] bias, int out, int k, int s, int p) {
    int ho = (h + 2 * p - k) / s + 1;
    int wo = (w + 2 * p - k) / s + 1;
    double[] y = new double[b * out * ho * wo];
    for (int n = 0; n < b; n++) {
      for (int o = 0; o < out; o++) {
        for (int i = 0; i < ho; i++) {
          for (int j = 0; j < wo; j++) {
            double acc = bias[o];
            for (int c = 0; c < in; c++) {
              for (int u = 0; u < k; u++) {
                for (int v = 0; v < k; v++) {
                  int r = s * i + u - p;
                  int q = s * j + v - p;
                  if (r >= 0 && r < h && q >= 0 && q < w) {
                    acc += (double) wt[((o * in + c) * k + u) * k + v]
                        * x[((n * in + c) * h + r) * w + q];
                  }
                }
              }
            }
            y[((n * out + o) * ho + i) * wo + j] = acc;
          }
        }
      }
    }
    return y;
  }

  @Test
  void matchesALoopReferenceWithStrideAndPadding() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      Conv2d conv = new Conv2d(p, "c", 2, 3, 3, 2, 1, WeightInit.HE_UNIFORM,
          new SplittableRandom(1));
      conv.bias().set(new float[] {0.5f, -0.25f, 1f});
      NDArray x = BlockChecks.uniform(m, 2, 2, 2, 5, 4); // B=2, C=2, H=5, W=4
      NDArray y = conv.forward(x);
      assertThat(y.getShape().getShape()).containsExactly(2, 3, 3, 2);
      assertThat(conv.outputSize(5)).isEqualTo(3);
      assertThat(conv.outputSize(4)).isEqualTo(2);
      double[] expected = reference(x.toFloatArray(), 2, 2, 5, 4, conv.weight().toFloatArray(),
          conv.bias().toFloatArray(), 3, 3, 2, 1);
      float[] got = y.toFloatArray();
      for (int i = 0; i < got.length; i++) {
        assertThat((double) got[i]).as("y[%d]", i).isCloseTo(expected[i], offset(1e-5));
      }
      assertThat(conv.multiplyAdds(5, 4)).isEqualTo(3L * 2 * 9 * 3 * 2);
    }
  }

  @Test
  void weightsAreDrawnFromTheStreamWithinTheInitBound() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      Conv2d conv = new Conv2d(p, "c", 4, 8, 3, 1, 1, WeightInit.FAN_IN_UNIFORM,
          new SplittableRandom(5));
      float[] w = conv.weight().toFloatArray();
      float[] again = WeightInit.FAN_IN_UNIFORM.draw(w.length, 36, 72, new SplittableRandom(5));
      assertThat(w).containsExactly(again);
      double bound = 1 / Math.sqrt(36);
      double largest = 0;
      for (float v : w) {
        largest = Math.max(largest, Math.abs(v));
      }
      assertThat(largest).isLessThanOrEqualTo(bound).isGreaterThan(0.8 * bound);
      assertThat(p.asMap().keySet()).containsExactly("c.w", "c.b");
      assertThat(conv.weight().getShape().getShape()).containsExactly(8, 4, 3, 3);
    }
  }

  @Test
  void gradientsAndMemory() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      Conv2d conv = new Conv2d(p, "c", 2, 3, 3, 1, 1, WeightInit.HE_UNIFORM,
          new SplittableRandom(1));
      BlockChecks.assertGradientsReachEveryParameter(p, m,
          s -> conv.forward(BlockChecks.uniform(s, 3, 2, 2, 4, 4)));
      BlockChecks.assertForwardLeavesNoArrays(p, m,
          s -> conv.forward(BlockChecks.uniform(s, 3, 2, 2, 4, 4)));
    }
  }

  @Test
  void rejectsWrongChannelsAndTooSmallInputs() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      Conv2d conv = new Conv2d(p, "c", 2, 3, 3, 1, 0, WeightInit.HE_UNIFORM,
          new SplittableRandom(1));
      assertThatThrownBy(() -> conv.forward(m.zeros(new ai.djl.ndarray.types.Shape(1, 3, 4, 4))))
          .hasMessageContaining("conv 'c' expects input [B, 2, H, W], got (1, 3, 4, 4)");
      assertThatThrownBy(() -> conv.outputSize(2))
          .hasMessageContaining("input size 2 is smaller than the kernel 3");
    }
  }
}
