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

class GruCellTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }

  /** (x W + b)[g * H + k] for row x, weight [in, 3H] row-major. */
  private static double gate(float[] x, float[] w, float[] b, int in, int hidden, int g, int k) {
    double acc = b[g * hidden + k];
    for (int i = 0; i < in; i++) {
      acc += (double) x[i] * w[i * 3 * hidden + g * hidden + k];
    }
    return acc;
  }

  @Test
  void matchesAHandComputedCellInDoubles() {
    int in = 2;
    int hidden = 3;
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      GruCell cell = new GruCell(p, "gru", in, hidden, new SplittableRandom(3));
      // Non-zero biases so that the r * (h W_hn + b_hn) convention is tested.
      p.get("gru.ih.b").set(new float[] {0.1f, -0.2f, 0.3f, 0.4f, -0.5f, 0.6f, -0.7f, 0.8f, 0.9f});
      p.get("gru.hh.b").set(new float[] {-0.3f, 0.2f, 0.1f, 0.5f, 0.4f, -0.6f, 0.7f, -0.8f, 0.2f});
      float[] wi = p.get("gru.ih.w").toFloatArray();
      float[] bi = p.get("gru.ih.b").toFloatArray();
      float[] wh = p.get("gru.hh.w").toFloatArray();
      float[] bh = p.get("gru.hh.b").toFloatArray();
      NDArray x = BlockChecks.uniform(m, 4, 2, in);
      NDArray h = BlockChecks.uniform(m, 5, 2, hidden);
      float[] got = cell.forward(x, h).toFloatArray();
      float[] xs = x.toFloatArray();
      float[] hs = h.toFloatArray();
      for (int row = 0; row < 2; row++) {
        float[] xr = java.util.Arrays.copyOfRange(xs, row * in, row * in + in);
        float[] hr = java.util.Arrays.copyOfRange(hs, row * hidden, row * hidden + hidden);
        for (int k = 0; k < hidden; k++) {
          double r = sigmoid(gate(xr, wi, bi, in, hidden, 0, k)
              + gate(hr, wh, bh, hidden, hidden, 0, k));
          double z = sigmoid(gate(xr, wi, bi, in, hidden, 1, k)
              + gate(hr, wh, bh, hidden, hidden, 1, k));
          double n = Math.tanh(gate(xr, wi, bi, in, hidden, 2, k)
              + r * gate(hr, wh, bh, hidden, hidden, 2, k));
          double expected = (1 - z) * n + z * hr[k];
          assertThat((double) got[row * hidden + k]).as("h'[%d][%d]", row, k)
              .isCloseTo(expected, offset(1e-6));
        }
      }
      assertThat(cell.multiplyAdds()).isEqualTo(3L * hidden * (in + hidden));
    }
  }

  @Test
  void gradientsMemoryAndShapeChecks() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      GruCell cell = new GruCell(p, "gru", 2, 3, new SplittableRandom(3));
      assertThat(p.asMap().keySet())
          .containsExactly("gru.ih.w", "gru.ih.b", "gru.hh.w", "gru.hh.b");
      BlockChecks.assertGradientsReachEveryParameter(p, m,
          s -> cell.forward(BlockChecks.uniform(s, 1, 4, 2), BlockChecks.uniform(s, 2, 4, 3)));
      BlockChecks.assertForwardLeavesNoArrays(p, m,
          s -> cell.forward(BlockChecks.uniform(s, 1, 4, 2), BlockChecks.uniform(s, 2, 4, 3)));
      assertThatThrownBy(() -> cell.forward(BlockChecks.uniform(m, 1, 4, 3),
          BlockChecks.uniform(m, 2, 4, 3)))
          .hasMessageContaining("GRU cell 'gru' expects x [B, 2] and h [B, 3], got (4, 3)");
    }
  }
}
