package ai.craik.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.config.ConfigLoader;
import ai.craik.config.ConfigValueException;
import ai.craik.engine.EngineInfo;
import ai.craik.engine.Engines;
import ai.craik.engine.RandomStreams;
import ai.craik.run.ProgressListener;
import ai.craik.run.RunDir;
import ai.craik.run.RunSession;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HornProblemTest {
  static final long SEED = 7;
  static EngineInfo engine;
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    engine = Engines.start(1, SEED);
  }

  /** Tiny settings: a small decoder, a coarse grid, 120 steps with checkpoints every 60. */
  static HornConfig tiny() {
    return new HornConfig(
        new HornConfig.Data(256, 128, 0.04, List.of(0.5, 1.5), List.of(0.3, 0.0)),
        new HornConfig.Model(List.of(3, 24, 24, 2), "silu"),
        new HornConfig.Latent(16),
        new HornConfig.Train(120, 64, 0.02, 0.002, 0, 0.1, 10, 60),
        new HornConfig.Eval(List.of(0.0, 1.0), 16, 256));
  }

  private LabOutcome run(Path dir, HornConfig cfg, boolean resume) {
    RunDir run = RunDir.open(dir, "seed: " + SEED + "\n", !resume, 3);
    try (RunSession session = new RunSession(run, ProgressListener.silent(),
            new RandomStreams(SEED), engine, "ebm horn");
        NDManager manager = NDManager.newBaseManager()) {
      LabOutcome outcome = new HornProblem().run(cfg, session, manager);
      session.writeSummary(outcome.summary());
      return outcome;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(LabOutcome o, String key) {
    return (Map<String, Object>) o.summary().get(key);
  }

  private static double number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }

  @Test
  void trainsTheDecoderTowardsTheHornAndDrawsItsFigures() {
    Path dir = tmp.resolve("a");
    LabOutcome o = run(dir, tiny(), false);

    assertThat(o.summary()).containsKeys("problem", "method", "losses", "sanity", "radii");
    assertThat(o.summary().get("problem")).isEqualTo("horn");
    Map<String, Object> sanity = section(o, "sanity");
    Map<String, Object> losses = section(o, "losses");
    // Training moves the learned radius towards rho(x) and the data below random y.
    assertThat(number(sanity, "mean_abs_radius_error"))
        .isLessThan(0.5 * number(sanity, "mean_abs_radius_error_at_init"));
    assertThat(number(sanity, "random_over_test_F_inf_ratio")).isGreaterThan(5);
    assertThat(number(losses, "test_mean_free_energy"))
        .isEqualTo(number(sanity, "test_mean_F_inf"))
        .isGreaterThanOrEqualTo(0);
    // The true manifold's F_inf is the floor of noise (about 2 sigma^2 = 0.0032) plus the grid's
    // quantization ((pi rho / K)^2 / 3 averaged over x, about 0.022 for K = 16).
    assertThat(number(sanity, "test_mean_F_inf_true_manifold")).isBetween(0.0032, 0.04);
    assertThat(o.figures()).extracting(LabOutcome.DrawnFigure::fileName).containsExactly(
        "data.png", "free_energy_x000.png", "free_energy_x100.png", "radius.png", "training.png");
    for (LabOutcome.DrawnFigure f : o.figures()) {
      assertThat(dir.resolve(RunDir.FIGURES).resolve(f.fileName())).isNotEmptyFile();
    }
  }

  @Test
  void sameSeedGivesTheSameNumbersAndAResumedRunContinuesExactly() throws Exception {
    HornConfig cfg = tiny();
    LabOutcome first = run(tmp.resolve("a"), cfg, false);
    Path b = tmp.resolve("b");
    LabOutcome second = run(b, cfg, false);
    assertThat(section(second, "losses")).isEqualTo(section(first, "losses"));
    assertThat(section(second, "sanity")).isEqualTo(section(first, "sanity"));

    // Interrupt after 60 of 120 steps: the step-60 checkpoint becomes the latest, then resume.
    Path ckpts = b.resolve(RunDir.CHECKPOINTS);
    Files.copy(ckpts.resolve("train-step-00000060.ckpt"), ckpts.resolve("train-latest.ckpt"),
        StandardCopyOption.REPLACE_EXISTING);
    LabOutcome resumed = run(b, cfg, true);
    assertThat(section(resumed, "losses")).isEqualTo(section(first, "losses"));
    assertThat(section(resumed, "sanity")).isEqualTo(section(first, "sanity"));
    assertThat(resumed.summary().get("radii")).isEqualTo(first.summary().get("radii"));
  }

  @Test
  void refiningTheTrainingLatentsAlsoLearnsTheHorn() {
    HornConfig t = tiny();
    HornConfig.Train r = t.train();
    HornConfig cfg = new HornConfig(t.data(), t.model(), t.latent(), new HornConfig.Train(
        r.steps(), r.batch(), r.learningRate(), r.finalLearningRate(), 5, 0.1, r.logEvery(),
        r.checkpointEvery()), t.eval());
    LabOutcome o = run(tmp.resolve("refined"), cfg, false);
    Map<String, Object> sanity = section(o, "sanity");
    assertThat(number(sanity, "mean_abs_radius_error"))
        .isLessThan(0.5 * number(sanity, "mean_abs_radius_error_at_init"));
    // With ž refined off the grid, the training loss is no longer bounded below by the grid's
    // quantization: it ends below the grid-only test F_inf.
    assertThat(number(section(o, "losses"), "final_minibatch_mean_free_energy"))
        .isLessThan(number(sanity, "test_mean_F_inf"));
    assertThat((String) o.summary().get("method")).contains("refined by 5 gradient steps");
  }

  @Test
  void presetBindsAndBadWidthsNameTheFix() {
    HornConfig preset = ConfigLoader.load(HornConfig.class, "ebm/horn", null, List.of()).value();
    assertThat(preset.model().widths()).startsWith(3).endsWith(2);
    assertThat(preset.train().learningRateAt(0)).isEqualTo(preset.train().learningRate());
    assertThat(preset.train().learningRateAt(preset.train().steps() - 1))
        .isCloseTo(preset.train().finalLearningRate(), org.assertj.core.data.Offset.offset(1e-12));
    assertThatThrownBy(() -> new HornConfig.Model(List.of(2, 16, 2), "silu"))
        .isInstanceOf(ConfigValueException.class)
        .hasMessageContaining("widths=[2, 16, 2]").hasMessageContaining("start with 3");
    assertThatThrownBy(() -> new HornConfig.Model(List.of(3, 16, 2), "sigmoid"))
        .isInstanceOf(ConfigValueException.class).hasMessageContaining("silu");
  }
}
