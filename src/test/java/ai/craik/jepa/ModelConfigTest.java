package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.config.ConfigException;
import ai.craik.config.ConfigLoader;
import ai.craik.config.ResolvedConfig;
import ai.craik.engine.Engines;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelConfigTest {
  record Wrapper(ModelConfig model) {}

  private static final String YAML = "model:\n"
      + "  encoder: {type: impala, widths: [16, 32, 32], latent_dim: 128}\n"
      + "  predictor: {type: gru}\n"
      + "  action_encoder: {type: identity}\n"
      + "  context_grid: 0\n"
      + "  context_subgrid: 1\n";

  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  private static ModelConfig bind(String yaml) {
    return ConfigLoader.bind(Wrapper.class, ConfigLoader.parse(yaml, "test")).value().model();
  }

  @Test
  void typeKeysSelectTheImplementationsAndTheResolvedYamlRoundTrips() {
    ResolvedConfig<Wrapper> c = ConfigLoader.bind(Wrapper.class, ConfigLoader.parse(YAML, "t"));
    assertThat(c.value().model()).isEqualTo(ModelConfig.defaults());
    assertThat(c.yaml()).contains("type: impala").contains("type: gru").doesNotContain("!<");
    assertThat(ConfigLoader.bind(Wrapper.class, ConfigLoader.parse(c.yaml(), "again")).value())
        .isEqualTo(c.value());
    ModelConfig other = bind(YAML.replace("{type: gru}", "{type: residual_mlp, hidden: [64]}")
        .replace("{type: identity}", "{type: mlp, hidden: [], dim: 4}")
        .replace("type: impala", "type: mlp"));
    assertThat(other.predictor()).isEqualTo(new PredictorConfig.ResidualMlp(List.of(64)));
    assertThat(other.actionEncoder()).isEqualTo(new ActionEncoderConfig.Mlp(List.of(), 4));
    assertThat(other.encoder()).isEqualTo(new EncoderConfig.Mlp(List.of(16, 32, 32), 128));
  }

  @Test
  void errorsNameTheKeyAndTheChoices() {
    assertThatThrownBy(() -> bind(YAML.replace("impala", "cnn")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown model.encoder.type 'cnn'; use one of [impala, conv, mlp, conv_spatial, keypoint]");
    assertThatThrownBy(() -> bind(YAML.replace("{type: gru}", "{type: lstm}")))
        .hasMessage("unknown model.predictor.type 'lstm'; use one of [gru, residual_mlp, gated_mlp, conv]");
    assertThatThrownBy(() -> bind(YAML.replace("{type: identity}", "{type: linear}")))
        .hasMessage("unknown model.action_encoder.type 'linear'; use one of [identity, mlp]");
    assertThatThrownBy(() -> bind(YAML.replace("type: impala, ", "")))
        .hasMessage("config key 'model.encoder.type' is missing; add it (one of [impala, conv,"
            + " mlp, conv_spatial, keypoint])");
    assertThatThrownBy(() -> bind(YAML.replace("latent_dim: 128", "latent_dim: 0")))
        .hasMessageStartingWith("config key 'model.encoder.latent_dim'=0 is not allowed: must be"
            + " in 1..65536");
    assertThatThrownBy(() -> bind(YAML.replace("[16, 32, 32]", "[16, 0]")))
        .hasMessageStartingWith("config key 'model.encoder.widths'=0 is not allowed");
    assertThatThrownBy(() -> bind(YAML.replace("[16, 32, 32]", "[]")))
        .hasMessageStartingWith("config key 'model.encoder.widths'=[] is not allowed: must be a"
            + " non-empty list");
    assertThatThrownBy(() -> bind(YAML.replace("{type: gru}", "{type: gru, hidden: [8]}")))
        .hasMessageStartingWith("unknown config key 'model.predictor.hidden'");
    assertThatThrownBy(() -> bind(YAML.replace("{type: identity}", "{type: mlp, hidden: [8]}")))
        .hasMessageContaining("'model.action_encoder.dim' is missing");
  }

  @Test
  void aUserFileThatChangesATypeReplacesThePresetSection(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("user.yaml");
    Files.writeString(file,
        "model:\n  predictor: {type: gru}\n  action_encoder: {type: identity}\n");
    ModelConfig c = ConfigLoader.load(Wrapper.class, "test/model", file,
        List.of("model.encoder.type=conv", "model.encoder.latent_dim=32")).value().model();
    assertThat(c.predictor()).isEqualTo(new PredictorConfig.Gru());
    assertThat(c.actionEncoder()).isEqualTo(new ActionEncoderConfig.Identity());
    assertThat(c.encoder()).isEqualTo(new EncoderConfig.Conv(List.of(16, 32, 32), 32));
  }

  @Test
  void buildSharesTheEncoderNormAndSplitsTheInitStreamPerModule() {
    try (NDManager m = NDManager.newBaseManager()) {
      ModelConfig gru = new ModelConfig(new EncoderConfig.Conv(List.of(4, 4), 8),
          new ActionEncoderConfig.Identity(), new PredictorConfig.Gru(), 0, 1);
      ModelConfig mlp = new ModelConfig(new EncoderConfig.Conv(List.of(4, 4), 8),
          new ActionEncoderConfig.Mlp(List.of(6), 3),
          new PredictorConfig.ResidualMlp(List.of(16)), 0, 1);
      try (ModelParts a = gru.build(m, 2, 16, 16, 2, new SplittableRandom(9));
          ModelParts b = mlp.build(m, 2, 16, 16, 2, new SplittableRandom(9))) {
        assertThat(a.encoder()).isInstanceOf(ConvEncoder.class);
        assertThat(((GruPredictor) a.predictor()).outputNorm()).isSameAs(a.encoder().outputNorm());
        assertThat(((ResidualMlpPredictor) b.predictor()).outputNorm())
            .isSameAs(b.encoder().outputNorm());
        assertThat(a.parameters().keySet())
            .containsExactly("encoder", "action_encoder", "predictor");
        assertThat(a.actionEncoder().parameters().asMap()).isEmpty();
        assertThat(a.predictor().parameters().asMap().keySet()).allMatch(k -> k.startsWith("gru."));
        // Other action encoder and predictor types leave the encoder's initial weights unchanged.
        a.encoder().parameters().asMap().forEach((name, w) ->
            assertThat(w.toFloatArray()).as(name)
                .containsExactly(b.encoder().parameters().get(name).toFloatArray()));
        NDArray s = a.encoder().encode(ModuleChecks.uniform(m, 1, 3, 2, 16, 16));
        NDArray u = b.actionEncoder().encode(ModuleChecks.uniform(m, 2, 3, 2));
        assertThat(a.predictor().next(s, ModuleChecks.uniform(m, 2, 3, 2)).getShape().getShape())
            .containsExactly(3, 8);
        assertThat(b.predictor().next(s, u).getShape().getShape()).containsExactly(3, 8);
      }
    }
  }

  @Test
  void sameInitStreamGivesTheSameOutputsForEveryType() {
    List<ModelConfig> configs = List.of(
        new ModelConfig(new EncoderConfig.Impala(List.of(2, 3), 6),
            new ActionEncoderConfig.Identity(), new PredictorConfig.Gru(), 0, 1),
        new ModelConfig(new EncoderConfig.Conv(List.of(3), 6),
            new ActionEncoderConfig.Mlp(List.of(4), 3),
            new PredictorConfig.ResidualMlp(List.of(5)), 0, 1),
        new ModelConfig(new EncoderConfig.Mlp(List.of(7), 6),
            new ActionEncoderConfig.Mlp(List.of(), 2), new PredictorConfig.Gru(), 0, 1));
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray o = ModuleChecks.uniform(m, 1, 2, 2, 8, 8);
      NDArray a = ModuleChecks.uniform(m, 2, 2, 2);
      for (ModelConfig c : configs) {
        float[][] outs = new float[3][];
        for (int k = 0; k < 3; k++) {
          try (ModelParts parts = c.build(m, 2, 8, 8, 2, new SplittableRandom(k == 2 ? 4 : 3))) {
            NDArray s = parts.encoder().encode(o);
            outs[k] = parts.predictor().next(s, parts.actionEncoder().encode(a)).toFloatArray();
          }
        }
        assertThat(outs[0]).as("%s, same seed", c).containsExactly(outs[1]);
        assertThat(outs[0]).as("%s, other seed", c).isNotEqualTo(outs[2]);
      }
    }
  }

  @Test
  void everyModuleOfEveryTypeGetsGradientsWithoutLeaking() {
    ModelConfig c = new ModelConfig(new EncoderConfig.Impala(List.of(2), 6),
        new ActionEncoderConfig.Mlp(List.of(4), 3), new PredictorConfig.ResidualMlp(List.of(5)), 0, 1);
    try (NDManager m = NDManager.newBaseManager();
        ModelParts parts = c.build(m, 2, 6, 6, 2, new SplittableRandom(1))) {
      Parameters[] all = parts.parameters().values().toArray(new Parameters[0]);
      // A two-step rollout from encoded frames: every parameter set is on the path.
      java.util.function.Function<NDManager, NDArray> rollout = s -> {
        NDArray z = parts.encoder().encode(ModuleChecks.uniform(s, 1, 3, 2, 6, 6));
        NDArray u = parts.actionEncoder().encode(ModuleChecks.uniform(s, 2, 3, 2));
        return parts.predictor().next(parts.predictor().next(z, u), u);
      };
      ModuleChecks.assertGradientsReachEveryParameter(m, rollout, all);
      ModuleChecks.assertForwardLeavesNoArrays(m, rollout, all);
    }
  }
}
