package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
  final LearningRateSchedule s = new LearningRateSchedule(1e-3, 10, 110, 1e-5);

  @Test
  void warmsUpLinearlyToTheBaseRate() {
    assertThat(s.at(0)).isCloseTo(1e-4, offset(1e-15));
    assertThat(s.at(4)).isCloseTo(5e-4, offset(1e-15));
    assertThat(s.at(9)).isCloseTo(1e-3, offset(1e-15)); // last warm-up step
    assertThat(s.at(10)).isCloseTo(1e-3, offset(1e-15)); // cosine starts at the peak
  }

  @Test
  void cosineReachesTheMiddleAndTheFloor() {
    assertThat(s.at(60)).isCloseTo((1e-3 + 1e-5) / 2, offset(1e-15));
    assertThat(s.at(35)).isCloseTo(1e-5 + (1e-3 - 1e-5) * 0.5 * (1 + Math.cos(Math.PI / 4)),
        offset(1e-15));
    assertThat(s.at(110)).isCloseTo(1e-5, offset(1e-15));
    assertThat(s.at(500)).isCloseTo(1e-5, offset(1e-15));
    for (long k = 10; k < 110; k++) {
      assertThat(s.at(k + 1)).as("step %d", k).isLessThanOrEqualTo(s.at(k));
    }
  }

  @Test
  void constantAndInvalidSchedules() {
    assertThat(LearningRateSchedule.constant(0.01).at(0)).isEqualTo(0.01);
    assertThat(LearningRateSchedule.constant(0.01).at(1000)).isEqualTo(0.01);
    assertThat(new LearningRateSchedule(1.0, 0, 10, 0).at(0)).isEqualTo(1.0);
    assertThatThrownBy(() -> new LearningRateSchedule(1e-3, 10, 5, 0))
        .hasMessageContaining("total_steps=5").hasMessageContaining("at least 10");
    assertThatThrownBy(() -> new LearningRateSchedule(1e-3, 0, 5, 1e-2))
        .hasMessageContaining("min_learning_rate=0.01");
  }
}
