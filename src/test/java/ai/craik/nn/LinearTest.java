package ai.craik.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LinearTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  @Test
  void computesXwPlusBOnTheLastAxis() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      Linear lin = new Linear(p, "l", 3, 2, WeightInit.GLOROT_UNIFORM, new SplittableRandom(2));
      lin.bias().set(new float[] {1f, -1f});
      float[] w = lin.weight().toFloatArray();
      NDArray x = BlockChecks.uniform(m, 3, 2, 2, 3); // [2, 2, 3]: leading axes are kept
      float[] xs = x.toFloatArray();
      float[] y = lin.forward(x).toFloatArray();
      for (int r = 0; r < 4; r++) {
        for (int o = 0; o < 2; o++) {
          double e = o == 0 ? 1 : -1;
          for (int i = 0; i < 3; i++) {
            e += (double) xs[r * 3 + i] * w[i * 2 + o];
          }
          assertThat((double) y[r * 2 + o]).isCloseTo(e, offset(1e-6));
        }
      }
      BlockChecks.assertGradientsReachEveryParameter(p, m,
          s -> lin.forward(BlockChecks.uniform(s, 4, 5, 3)));
      BlockChecks.assertForwardLeavesNoArrays(p, m,
          s -> lin.forward(BlockChecks.uniform(s, 4, 5, 3)));
    }
  }

  @Test
  void mlpKeepsItsParameterNamesAndGlorotDraws() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      new Mlp(p, "e", new int[] {3, 4, 2}, Activation.SILU, new SplittableRandom(11));
      assertThat(p.asMap().keySet()).containsExactly("e.w0", "e.b0", "e.w1", "e.b1");
      // The draws Mlp has always made: layer by layer, row-major, U(+-sqrt(6 / (in + out))).
      SplittableRandom rng = new SplittableRandom(11);
      float[] w0 = new float[12];
      for (int k = 0; k < 12; k++) {
        w0[k] = (float) ((rng.nextDouble() * 2 - 1) * Math.sqrt(6.0 / 7));
      }
      float[] w1 = new float[8];
      for (int k = 0; k < 8; k++) {
        w1[k] = (float) ((rng.nextDouble() * 2 - 1) * Math.sqrt(6.0 / 6));
      }
      assertThat(p.get("e.w0").toFloatArray()).containsExactly(w0);
      assertThat(p.get("e.w1").toFloatArray()).containsExactly(w1);
      assertThat(p.get("e.b1").toFloatArray()).containsExactly(0f, 0f);
    }
  }
}
