package ai.craik.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  @JsonSubTypes({@JsonSubTypes.Type(value = Shape.Circle.class, name = "circle"),
      @JsonSubTypes.Type(value = Shape.Box.class, name = "box")})
  sealed interface Shape permits Shape.Circle, Shape.Box {
    record Circle(double radius) implements Shape {}

    record Box(double width, double height) implements Shape {}
  }

  record Drawing(Shape shape) {}

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
  void aRunFoldersSavedConfigIsAValidConfigFileButAStraySeedIsNot(@TempDir Path dir)
      throws Exception {
    Path saved = dir.resolve("config.yaml");
    Files.writeString(saved, "command: train world-model\nseed: 3\ntrain:\n  steps: 9\n");
    ResolvedConfig<Sample> c = ConfigLoader.load(Sample.class, "test/sample", saved, List.of());
    assertThat(c.value().train().steps()).isEqualTo(9);
    Path user = dir.resolve("user.yaml");
    Files.writeString(user, "seed: 3\ntrain:\n  steps: 9\n");
    assertThatThrownBy(() -> ConfigLoader.load(Sample.class, "test/sample", user, List.of()))
        .hasMessageContaining("unknown config key 'seed'");
  }

  @Test
  void aPresetWithAnOverlayPresetMergesTheOverlayOverTheBase() {
    ResolvedConfig<Sample> c = ConfigLoader.load(Sample.class, "test/sample+test/sample-overlay",
        null, List.of());
    assertThat(c.value().train().steps()).isEqualTo(250); // from the overlay
    assertThat(c.value().train().learningRate()).isEqualTo(0.01); // from the base
    assertThatThrownBy(() -> ConfigLoader.load(Sample.class, "test/sample+test/none", null,
        List.of())).hasMessageContaining("configs/test/none.yaml is missing");
  }

  @Test
  void defaultsMergeTheNamedPresetsBeforeTheFilesOwnKeys(@TempDir Path dir) throws Exception {
    ResolvedConfig<Sample> preset = ConfigLoader.load(Sample.class,
        "test/sample+test/sample-defaults", null, List.of());
    assertThat(preset.value().train().steps()).isEqualTo(250); // from the listed default
    assertThat(preset.value().train().learningRate()).isEqualTo(0.02); // the preset's own key
    assertThat(preset.value().name()).isEqualTo("demo"); // from the base
    Path file = dir.resolve("user.yaml");
    Files.writeString(file, "defaults: [test/sample-defaults]\ntrain:\n  steps: 5\n");
    ResolvedConfig<Sample> user = ConfigLoader.load(Sample.class, "test/sample", file, List.of());
    assertThat(user.value().train().steps()).isEqualTo(5); // the file's own key wins
    assertThat(user.value().train().learningRate()).isEqualTo(0.02); // from its defaults
    assertThat(user.yaml()).doesNotContain("defaults");
  }

  @Test
  void badDefaultsAreExplained(@TempDir Path dir) throws Exception {
    Path unknown = dir.resolve("unknown.yaml");
    Files.writeString(unknown, "defaults: [test/nothing]\n");
    assertThatThrownBy(() -> ConfigLoader.load(Sample.class, "test/sample", unknown, List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'defaults' names test/nothing, which is not a built-in preset");
    Path numbers = dir.resolve("numbers.yaml");
    Files.writeString(numbers, "defaults: [3]\n");
    assertThatThrownBy(() -> ConfigLoader.load(Sample.class, "test/sample", numbers, List.of()))
        .hasMessageContaining("'defaults' must be a list of built-in preset names");
    assertThatThrownBy(() -> ConfigLoader.load(Sample.class, "test/sample+test/sample-loop", null,
        List.of())).hasMessageContaining("nest more than 8 deep");
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
  void aKeyThatGainedAPrefixIsSuggestedUnlessATypoIsOneEditAway() {
    List<String> cost = List.of("action", "goal", "oracle_wall", "oracle_wall_margin");
    assertThat(ConfigLoader.closest("wall", cost)).isEqualTo("oracle_wall"); // not 'goal'
    assertThat(ConfigLoader.closest("wall_margin", cost)).isEqualTo("oracle_wall_margin");
    assertThat(ConfigLoader.closest("goa", cost)).isEqualTo("goal");
    assertThat(ConfigLoader.closest("steps", List.of("max_steps", "stops"))).isEqualTo("stops");
    assertThat(ConfigLoader.closest("acton", List.of("action", "x_acton_y"))).isEqualTo("action");
    assertThat(ConfigLoader.closest("zebra", cost)).isNull();
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

  @Test
  void typedSectionsWriteTheirTypeKeyAndUnknownTypesListTheChoices() {
    ResolvedConfig<Drawing> c = ConfigLoader.bind(Drawing.class,
        ConfigLoader.parse("shape: {type: circle, radius: 2.0}", "t"));
    assertThat(c.value().shape()).isEqualTo(new Shape.Circle(2.0));
    assertThat(c.yaml()).contains("type: circle").doesNotContain("!<");
    assertThatThrownBy(() -> ConfigLoader.bind(Drawing.class,
        ConfigLoader.parse("shape: {type: cirle, radius: 2.0}", "t")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown shape.type 'cirle'; use one of [circle, box]");
    assertThatThrownBy(() -> ConfigLoader.bind(Drawing.class,
        ConfigLoader.parse("shape: {radius: 2.0}", "t")))
        .hasMessage("config key 'shape.type' is missing; add it (one of [circle, box])");
  }

  @Test
  void anOverlayThatChangesTheTypeReplacesTheSectionAndOneThatKeepsItMerges() {
    ObjectNode base = ConfigLoader.parse("shape: {type: box, width: 1.0, height: 2.0}", "b");
    ConfigLoader.merge(base, ConfigLoader.parse("shape: {height: 3.0}", "o"));
    assertThat(ConfigLoader.bind(Drawing.class, base).value().shape())
        .isEqualTo(new Shape.Box(1.0, 3.0));
    ConfigLoader.merge(base, ConfigLoader.parse("shape: {type: box, width: 5.0}", "o"));
    assertThat(ConfigLoader.bind(Drawing.class, base).value().shape())
        .isEqualTo(new Shape.Box(5.0, 3.0));
    ConfigLoader.merge(base, ConfigLoader.parse("shape: {type: circle, radius: 1.5}", "o"));
    assertThat(ConfigLoader.bind(Drawing.class, base).value().shape())
        .isEqualTo(new Shape.Circle(1.5));
  }
}
