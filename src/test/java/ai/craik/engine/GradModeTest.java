package ai.craik.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GradModeTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void disabledTurnsGradModeOffInsideACollectorAndRestoresIt() {
    assertThat(GradMode.enabled()).isFalse();
    assertThat(GradMode.disabled(GradMode::enabled)).isFalse();
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      assertThat(GradMode.enabled()).isTrue();
      assertThat(GradMode.disabled(GradMode::enabled)).isFalse();
      assertThat(GradMode.enabled()).isTrue();
    }
    assertThat(GradMode.enabled()).isFalse();
  }
}
