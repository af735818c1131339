package ai.craik.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicksTest {

  @Test
  void niceTicksAreRoundMultiplesInsideTheRange() {
    assertThat(Ticks.nice(-2, 2, 5)).containsExactly(-2.0, -1.0, 0.0, 1.0, 2.0);
    assertThat(Ticks.nice(0.03, 0.97, 5)).containsExactly(0.2, 0.4, 0.6, 0.8);
    assertThat(Ticks.nice(-3, 3, 3)).containsExactly(-2.0, 0.0, 2.0);
    assertThat(Ticks.step(0, 2990, 6)).isEqualTo(500.0);
  }

  @Test
  void labelsUseJustEnoughDecimalsAndNeverNegativeZero() {
    assertThat(Ticks.label(0.4, 0.2)).isEqualTo("0.4");
    assertThat(Ticks.label(-1e-17, 0.5)).isEqualTo("0.0");
    assertThat(Ticks.label(1500, 500)).isEqualTo("1500");
    assertThat(Ticks.withinRange(4.95e-6, 8.6)).isEqualTo("0");
    assertThat(Ticks.withinRange(5.000005, 8.6)).isEqualTo("5");
    assertThat(Ticks.withinRange(-2.2, 100)).isEqualTo("-2.2");
    assertThat(Ticks.compact(1.5)).isEqualTo("1.5");
    assertThat(Ticks.compact(120)).isEqualTo("120");
  }
}
