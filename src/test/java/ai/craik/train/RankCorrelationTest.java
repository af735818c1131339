package ai.craik.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {
  @Test
  void isOneForAnyIncreasingFunctionAndMinusOneForADecreasingOne() {
    double[] x = {3, 1, 4, 1.5, 9, 2.6};
    double[] up = new double[x.length];
    double[] down = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      up[i] = Math.exp(x[i]);
      down[i] = -x[i] * x[i];
    }
    assertThat(RankCorrelation.spearman(x, up)).isCloseTo(1.0, offset(1e-12));
    assertThat(RankCorrelation.spearman(x, down)).isCloseTo(-1.0, offset(1e-12));
  }

  @Test
  void tiesTakeTheirMeanRank() {
    // ranks x = [1, 2.5, 2.5, 4], y = [1, 3, 2, 4]: rho = 4.5 / sqrt(4.5 * 5)
    assertThat(RankCorrelation.ranks(new double[] {1, 2, 2, 3})).containsExactly(1, 2.5, 2.5, 4);
    assertThat(RankCorrelation.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4}))
        .isCloseTo(4.5 / Math.sqrt(4.5 * 5), offset(1e-12));
    assertThat(RankCorrelation.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
    assertThat(RankCorrelation.spearman(new double[] {1}, new double[] {2})).isNaN();
  }
}
