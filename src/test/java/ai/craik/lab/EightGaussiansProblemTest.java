package ai.craik.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.craik.config.ConfigException;
import ai.craik.config.ConfigLoader;
import ai.craik.engine.EngineInfo;
import ai.craik.engine.Engines;
import ai.craik.engine.RandomStreams;
import ai.craik.run.ProgressListener;
import ai.craik.run.RunDir;
import ai.craik.run.RunSession;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EightGaussiansProblemTest {
  static final long SEED = 11;
  static EngineInfo engine;
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    engine = Engines.start(1, SEED);
  }

  /** The preset with tiny sizes, plus {@code extra} overrides. */
  private static EightGaussiansConfig tiny(String... extra) {
    List<String> o = new ArrayList<>(List.of("train.batch=32", "cd.langevin_steps=10",
        "cd.buffer_size=256", "train.checkpoint_every=4", "eval.pairs=2000", "eval.chains=100",
        "eval.chain_steps=60", "eval.grid=24", "eval.shown_points=50"));
    o.addAll(List.of(extra));
    return ConfigLoader.load(EightGaussiansConfig.class, "ebm/eight-gaussians", null, o).value();
  }

  private static LabOutcome run(Path dir, EightGaussiansConfig cfg) {
    try (RunSession s = new RunSession(RunDir.open(dir, "seed: " + SEED + "\n", false, 3),
            ProgressListener.silent(), new RandomStreams(SEED), engine, "ebm eight-gaussians");
        NDManager m = NDManager.newBaseManager()) {
      LabOutcome out = new EightGaussiansProblem().run(cfg, s, m);
      s.writeSummary(out.summary());
      return out;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> sanity(LabOutcome o) {
    return (Map<String, Object>) o.summary().get("sanity");
  }

  @Test
  void trainingPutsTheDataBelowUniformPointsAndDrawsTheFigures() {
    Path dir = tmp.resolve("trained");
    LabOutcome out = run(dir, tiny("train.steps=120"));

    assertThat(out.summary()).containsKeys("problem", "method", "losses", "sanity");
    assertThat(out.summary().get("problem")).isEqualTo("eight-gaussians");
    @SuppressWarnings("unchecked")
    Map<String, Double> losses = (Map<String, Double>) out.summary().get("losses");
    assertThat(losses).containsKeys("loss_total", "energy_positive", "energy_negative");
    assertThat(losses.values()).allSatisfy(v -> assertThat(v).isFinite());

    Map<String, Object> s = sanity(out);
    double untrained = (double) s.get("data_lower_energy_fraction_untrained");
    double trained = (double) s.get("data_lower_energy_fraction");
    assertThat(untrained).isBetween(0.3, 0.7); // a random MLP does not know where the data are
    assertThat(trained).isGreaterThan(0.8).isGreaterThan(untrained + 0.2);
    assertThat((int) s.get("modes_covered")).isBetween(0, 8);
    // held-out data lie about sigma sqrt(pi/2) = 0.19 from their centre (2-D Rayleigh mean)
    assertThat((double) s.get("data_mean_distance_to_nearest_mode")).isCloseTo(0.188,
        within(0.02));
    assertThat((double) s.get("model_mass_near_modes")).isBetween(0.0, 1.0 + 1e-9);

    assertThat(out.figures()).hasSize(5);
    for (LabOutcome.DrawnFigure f : out.figures()) {
      assertThat(dir.resolve("figures").resolve(f.fileName())).isNotEmptyFile();
    }
    assertThat(dir.resolve("summary.json")).isNotEmptyFile();
  }

  @Test
  void sameSeedGivesTheSameSummaryAndAResumedRunContinuesExactly() throws Exception {
    LabOutcome straight = run(tmp.resolve("a"), tiny("train.steps=8"));
    LabOutcome again = run(tmp.resolve("b"), tiny("train.steps=8"));
    assertThat(again.summary().get("sanity")).isEqualTo(straight.summary().get("sanity"));
    assertThat(again.summary().get("losses")).isEqualTo(straight.summary().get("losses"));

    // Stop after 4 steps (checkpoint with the persistent chains), then resume to 8 in the same
    // folder: the chains, parameters and optimizer moments must all come back.
    Path c = tmp.resolve("c");
    run(c, tiny("train.steps=4"));
    assertThat(Files.list(c.resolve("checkpoints")).toList()).isNotEmpty();
    LabOutcome resumed = run(c, tiny("train.steps=8"));
    assertThat(resumed.summary().get("sanity")).isEqualTo(straight.summary().get("sanity"));
    assertThat(resumed.summary().get("losses")).isEqualTo(straight.summary().get("losses"));
  }

  @Test
  void persistentChainsSurviveACheckpointRoundTrip() {
    EightGaussiansConfig cfg = tiny("train.steps=1");
    try (NDManager m = NDManager.newBaseManager()) {
      EightGaussiansProblem.Model a = new EightGaussiansProblem.Model(m, cfg,
          new RandomStreams(1).stream("init"));
      try (NDManager scope = m.newSubManager()) {
        a.sampler.negatives(a.energy(), scope.zeros(new ai.djl.ndarray.types.Shape(32, 2)),
            new RandomStreams(1).stream("neg"));
      }
      EightGaussiansProblem.Model b = new EightGaussiansProblem.Model(m, cfg,
          new RandomStreams(2).stream("init"));
      try (NDManager scope = m.newSubManager()) {
        b.restore(a.state(scope));
      }
      assertThat(b.sampler.exportBuffer()).hasSize(256 * 2).containsExactly(
          a.sampler.exportBuffer());
      assertThat(b.params.get("energy.w0").toFloatArray())
          .containsExactly(a.params.get("energy.w0").toFloatArray());
    }
  }

  @Test
  void samplesComeFromTheConfiguredMixture() {
    EightGaussiansConfig.Data d = new EightGaussiansConfig.Data(8, 2.0, 0.1, 3.0);
    double[][] y = EightGaussiansProblem.sample(d, 4000, new RandomStreams(3).stream("data"));
    double meanRadius = 0;
    for (double[] p : y) {
      meanRadius += Math.hypot(p[0], p[1]) / y.length;
    }
    assertThat(meanRadius).isCloseTo(2.0, within(0.01));
    assertThat(EightGaussiansProblem.centres(d)[2][0]).isCloseTo(0.0, within(1e-12));
    assertThat(EightGaussiansProblem.centres(d)[2][1]).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void marginLossesAndCdModeTrainWithFiniteLosses() {
    for (String[] o : new String[][] {{"train.loss=hinge"}, {"train.loss=nll"},
        {"cd.mode=cd", "train.loss=log"}}) {
      List<String> opts = new ArrayList<>(List.of(o));
      opts.add("train.steps=3");
      LabOutcome out = run(tmp.resolve(String.join("_", o).replace('.', '-').replace('=', '-')),
          tiny(opts.toArray(String[]::new)));
      @SuppressWarnings("unchecked")
      Map<String, Double> losses = (Map<String, Double>) out.summary().get("losses");
      assertThat(losses.values()).as("%s", List.of(o)).allSatisfy(v -> assertThat(v).isFinite());
      assertThat((String) out.summary().get("method")).contains(o[o.length - 1].split("=")[1]);
    }
  }

  @Test
  void movingAverageIsATrailingMean() {
    assertThat(EightGaussiansProblem.movingAverage(new double[] {1, 3, 5, 7}, 2))
        .containsExactly(1, 2, 4, 6);
  }

  @Test
  void configErrorsNameTheKeyAndTheFix() {
    assertThatThrownBy(() -> tiny("cd.buffer_size=16"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cd.buffer_size")
        .hasMessageContaining("train.batch = 32");
    assertThatThrownBy(() -> tiny("train.loss=energy"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("train.loss")
        .hasMessageContaining("ml");
    assertThatThrownBy(() -> tiny("data.box=2.0"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("data.box");
  }
}
