package ai.craik.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Wilson score interval against values published for it (e.g. statsmodels' "wilson"). */
class WilsonIntervalTest {
  @Test
  void matchesKnownValues() {
    check(WilsonInterval.of(7, 10), 0.396778, 0.892209);
    check(WilsonInterval.of(50, 100), 0.403832, 0.596168);
    check(WilsonInterval.of(95, 100), 0.888250, 0.978456);
    check(WilsonInterval.of(1, 2), 0.094531, 0.905469);
  }

  @Test
  void allOrNothingStaysInsideZeroOneAndIsNotEmpty() {
    check(WilsonInterval.of(0, 10), 0.0, 0.277533);
    check(WilsonInterval.of(10, 10), 0.722467, 1.0);
    WilsonInterval none = WilsonInterval.of(0, 0);
    assertThat(none.low()).isEqualTo(0.0);
    assertThat(none.high()).isEqualTo(1.0);
    assertThat(WilsonInterval.of(3, 4).rate()).isEqualTo(0.75);
  }

  @Test
  void widerForSmallerSamplesAndHigherConfidence() {
    WilsonInterval small = WilsonInterval.of(5, 10);
    WilsonInterval large = WilsonInterval.of(50, 100);
    assertThat(small.high() - small.low()).isGreaterThan(large.high() - large.low());
    WilsonInterval z99 = WilsonInterval.of(5, 10, 2.5758);
    assertThat(z99.low()).isLessThan(small.low());
  }

  @Test
  void badCountsAreRefused() {
    assertThatThrownBy(() -> WilsonInterval.of(11, 10)).hasMessageContaining("11 of 10");
    assertThatThrownBy(() -> WilsonInterval.of(-1, 10)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void check(WilsonInterval w, double low, double high) {
    assertThat(w.low()).isCloseTo(low, within(1e-6));
    assertThat(w.high()).isCloseTo(high, within(1e-6));
  }
}
