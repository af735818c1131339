package ai.craik.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  record Train(int steps, double learningRate, List<Double> initW) {
    Train {
      ConfigChecks.atLeast("steps", steps, 1);
      ConfigChecks.positive("learning_rate", learningRate);
      ConfigChecks.size("init_w", initW, 2);
    }
  }

  record Sample(String name, Train train) {}

  @Test
  void presetLoadsWithSnakeCaseKeys() {
    ResolvedConfig<Sample> c = ConfigLoader.load(Sample.class, "test/sample", null, List.of());
    assertThat(c.value().train().steps()).isEqualTo(100);
    assertThat(c.value().train().learningRate()).isEqualTo(0.01);
    assertThat(c.value().train().initW()).containsExactly(0.5, 0.4);
    assertThat(c.yaml()).contains("learning_rate: 0.01").contains("name: demo");
  }

  @Test
  void overridesAndFilesApplyInOrder(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("user.yaml");
    Files.writeString(file, "train:\n  steps: 7\n");
    ResolvedConfig<Sample> c = ConfigLoader.load(Sample.class, "test/sample", file,
        List.of("train.learning_rate=0.5", "train.init_w=[1, 2]", "name=other"));
    assertThat(c.value().train().steps()).isEqualTo(7);
    assertThat(c.value().train().learningRate()).isEqualTo(0.5);
    assertThat(c.value().train().initW()).containsExactly(1.0, 2.0);
    assertThat(c.value().name()).isEqualTo("other");
  }

  @Test
  void resolvedYamlRoundTripsToTheSameConfig() {
    ResolvedConfig<Sample> c = ConfigLoader.load(Sample.class, "test/sample", null,
        List.of("train.steps=3"));
    ResolvedConfig<Sample> again = ConfigLoader.bind(Sample.class, ConfigLoader.parse(c.yaml(), "x"));
    assertThat(again.value()).isEqualTo(c.value());
  }

  @Test
  void unknownKeySuggestsTheClosestOne() {
    assertThatThrownBy(() -> ConfigLoader.load(Sample.class, "test/sample", null,
        List.of("train.stpes=3")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown config key 'train.stpes'")
        .hasMessageContaining("did you mean 'train.steps'?")
        .hasMessageContaining("learning_rate");
  }

  @Test
  void wrongTypeNamesKeyExpectedTypeAndValue() {
    assertThatThrownBy(() -> ConfigLoader.load(Sample.class, "test/sample", null,
        List.of("train.steps=many")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config key 'train.steps' expects an integer, got many");
    assertThatThrownBy(() -> ConfigLoader.load(Sample.class, "test/sample", null,
        List.of("train.steps=2.5")))
        .hasMessageContaining("config key 'train.steps' expects an integer");
  }

  @Test
  void outOfRangeValueNamesFullKeyAndAllowedRange() {
    assertThatThrownBy(() -> ConfigLoader.load(Sample.class, "test/sample", null,
        List.of("train.steps=0")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config key 'train.steps'=0 is not allowed: must be at least 1;"
            + " fix it in the YAML or with --set train.steps=...");
    assertThatThrownBy(() -> ConfigLoader.load(Sample.class, "test/sample", null,
        List.of("train.init_w=[1]")))
        .hasMessageContaining("'train.init_w'")
        .hasMessageContaining("list of 2 numbers");
  }

  @Test
  void malformedOverridesAndFilesAreExplained(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> ConfigLoader.load(Sample.class, "test/sample", null,
        List.of("train.steps")))
        .hasMessageContaining("must look like key=value");
    assertThatThrownBy(() -> ConfigLoader.load(Sample.class, "test/sample", null,
        List.of("train.steps.x=1")))
        .hasMessageContaining("'train.steps' is a value, not a section");
    assertThatThrownBy(() -> ConfigLoader.load(Sample.class, "test/sample",
        dir.resolve("nope.yaml"), List.of()))
        .hasMessageContaining("does not exist");
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "train: [unclosed\n");
    assertThatThrownBy(() -> ConfigLoader.load(Sample.class, "test/sample", bad, List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not valid YAML");
  }
}
