package ai.craik.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LayerNormTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  @Test
  void freshNormGivesRowsOfMeanZeroAndVarianceOne() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      LayerNorm ln = new LayerNorm(p, "ln", 16);
      float[] y = ln.forward(BlockChecks.uniform(m, 1, 5, 16).mul(3).add(2)).toFloatArray();
      for (int r = 0; r < 5; r++) {
        double mean = 0;
        double sq = 0;
        for (int j = 0; j < 16; j++) {
          mean += y[r * 16 + j] / 16.0;
          sq += y[r * 16 + j] * (double) y[r * 16 + j] / 16.0;
        }
        assertThat(mean).as("row %d mean", r).isCloseTo(0, offset(1e-6));
        assertThat(sq - mean * mean).as("row %d variance", r).isCloseTo(1, offset(1e-4));
      }
    }
  }

  @Test
  void gainAndBiasFollowTheFormulaOnAHandExample() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      LayerNorm ln = new LayerNorm(p, "ln", 3, 0.5f);
      ln.gain().set(new float[] {1f, 2f, 3f});
      ln.bias().set(new float[] {0f, 1f, -1f});
      // x = (1, 2, 6): mean 3, var (4 + 1 + 9) / 3 = 14/3, denominator sqrt(14/3 + 0.5).
      double d = Math.sqrt(14.0 / 3 + 0.5);
      float[] y = ln.forward(m.create(new float[] {1, 2, 6}, new ai.djl.ndarray.types.Shape(1, 3)))
          .toFloatArray();
      assertThat((double) y[0]).isCloseTo(-2 / d, offset(1e-6));
      assertThat((double) y[1]).isCloseTo(2 * (-1 / d) + 1, offset(1e-6));
      assertThat((double) y[2]).isCloseTo(3 * (3 / d) - 1, offset(1e-6));
    }
  }

  @Test
  void gradientsAndMemory() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      LayerNorm ln = new LayerNorm(p, "ln", 4);
      BlockChecks.assertGradientsReachEveryParameter(p, m,
          s -> ln.forward(BlockChecks.uniform(s, 2, 3, 4)));
      BlockChecks.assertForwardLeavesNoArrays(p, m,
          s -> ln.forward(BlockChecks.uniform(s, 2, 3, 4)));
      NDArray x = BlockChecks.uniform(m, 2, 2, 3, 4); // any leading axes
      assertThat(ln.forward(x).getShape().getShape()).containsExactly(2, 3, 4);
    }
  }
}
