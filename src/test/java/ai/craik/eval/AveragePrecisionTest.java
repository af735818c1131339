package ai.craik.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class AveragePrecisionTest {

  @Test
  void handMadeRankings() {
    boolean t = true;
    boolean f = false;
    // Perfect ranking.
    assertThat(AveragePrecision.of(new float[] {0.9f, 0.8f, 0.1f}, new boolean[] {t, t, f}))
        .isEqualTo(1.0);
    // pos, neg, pos: recall 1/2 at precision 1, recall 1 at precision 2/3.
    assertThat(AveragePrecision.of(new float[] {0.9f, 0.8f, 0.7f}, new boolean[] {t, f, t}))
        .isCloseTo(0.5 + 0.5 * 2 / 3.0, offset(1e-12));
    // neg, pos: one step to recall 1 at precision 1/2.
    assertThat(AveragePrecision.of(new float[] {0.9f, 0.2f}, new boolean[] {f, t}))
        .isCloseTo(0.5, offset(1e-12));
    // All scores tied: one threshold, AP = the positive fraction.
    assertThat(AveragePrecision.of(new float[] {1, 1, 1, 1}, new boolean[] {t, f, f, f}))
        .isCloseTo(0.25, offset(1e-12));
    // A tie between a positive and a negative at the top enters together: precision 1/2, then
    // the second positive at rank 3 brings recall 1 at precision 2/3.
    assertThat(AveragePrecision.of(new float[] {0.9f, 0.9f, 0.5f}, new boolean[] {f, t, t}))
        .isCloseTo(0.5 * 0.5 + 0.5 * 2 / 3.0, offset(1e-12));
    assertThat(AveragePrecision.of(new float[] {0.3f}, new boolean[] {f})).isNaN();
    assertThatThrownBy(() -> AveragePrecision.of(new float[] {1}, new boolean[] {t, f}))
        .hasMessageContaining("one target per score");
  }
}
