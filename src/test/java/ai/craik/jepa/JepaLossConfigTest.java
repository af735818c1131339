package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.config.ConfigException;
import ai.craik.config.ConfigLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class JepaLossConfigTest {

  @Test
  void defaultsAreThePublishedCoefficients() {
    JepaLossConfig d = JepaLossConfig.defaults();
    assertThat(List.of(d.cov(), d.std(), d.timeSim(), d.idm(), d.sigreg()))
        .containsExactly(8.0, 16.0, 12.0, 1.0, 0.0);
    assertThat(d.rolloutSteps()).isEqualTo(8);
    assertThat(d.rolloutStarts()).isEqualTo(1);
    assertThat(d.minWindow()).isEqualTo(9);
  }

  @Test
  void bindsFromSnakeCaseYamlAndNamesBadKeys() {
    String yaml = "std: 16\ncov: 8\ntime_sim: 12\nidm: 0\nsigreg: 0.5\nrollout_steps: 16\n"
        + "rollout_starts: 1\nidm_hidden: 128\none_step: 0.25\n";
    JepaLossConfig c = ConfigLoader.bind(JepaLossConfig.class, ConfigLoader.parse(yaml, "test"))
        .value();
    assertThat(c).isEqualTo(new JepaLossConfig(16, 8, 12, 0, 0.5, 16, 1, 128, 0.25));
    assertThatThrownBy(() -> ConfigLoader.bind(JepaLossConfig.class,
        ConfigLoader.parse(yaml.replace("time_sim: 12", "time_sim: -1"), "test")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'time_sim'=-1.0");
    assertThatThrownBy(() -> ConfigLoader.bind(JepaLossConfig.class,
        ConfigLoader.parse(yaml + "timesim: 3\n", "test")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("timesim")
        .hasMessageContaining("time_sim");
    assertThatThrownBy(() -> new JepaLossConfig(16, 8, 12, 1, 0, 0, 1, 256, 0))
        .hasMessageContaining("rollout_steps=0");
  }

  @Test
  void scheduleBindsFromYaml() {
    LearningRateSchedule s = ConfigLoader.bind(LearningRateSchedule.class, ConfigLoader.parse(
        "learning_rate: 0.001\nwarmup_steps: 100\ntotal_steps: 3000\nmin_learning_rate: 1.0e-5\n",
        "test")).value();
    assertThat(s).isEqualTo(new LearningRateSchedule(1e-3, 100, 3000, 1e-5));
  }
}
