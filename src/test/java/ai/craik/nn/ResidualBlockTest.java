package ai.craik.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResidualBlockTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  @Test
  void addsTheTwoConvolutionBranchToItsInput() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m);
        Parameters q = new Parameters(m)) {
      ResidualBlock block = new ResidualBlock(p, "res", 2, WeightInit.HE_UNIFORM,
          new SplittableRandom(8));
      // The same convolutions (same stream, same draw order) applied by hand.
      SplittableRandom rng = new SplittableRandom(8);
      Conv2d c0 = new Conv2d(q, "a", 2, 2, 3, 1, 1, WeightInit.HE_UNIFORM, rng);
      Conv2d c1 = new Conv2d(q, "b", 2, 2, 3, 1, 1, WeightInit.HE_UNIFORM, rng);
      NDArray x = BlockChecks.uniform(m, 1, 2, 2, 5, 5);
      NDArray expected = x.add(c1.forward(Activation.RELU.apply(c0.forward(
          Activation.RELU.apply(x)))));
      float[] got = block.forward(x).toFloatArray();
      float[] want = expected.toFloatArray();
      for (int i = 0; i < got.length; i++) {
        assertThat(got[i]).isCloseTo(want[i], offset(1e-6f));
      }
      assertThat(p.asMap().keySet())
          .containsExactly("res.conv0.w", "res.conv0.b", "res.conv1.w", "res.conv1.b");
      assertThat(block.multiplyAdds(5, 5)).isEqualTo(2L * 2 * 2 * 9 * 25);
      BlockChecks.assertGradientsReachEveryParameter(p, m,
          s -> block.forward(BlockChecks.uniform(s, 1, 2, 2, 5, 5)));
      BlockChecks.assertForwardLeavesNoArrays(p, m,
          s -> block.forward(BlockChecks.uniform(s, 1, 2, 2, 5, 5)));
    }
  }
}
