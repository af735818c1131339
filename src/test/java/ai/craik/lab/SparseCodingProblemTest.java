package ai.craik.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparseCodingProblemTest {
  static EngineInfo engine;
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    engine = Engines.start(1, 7);
  }

  static SparseCodingConfig tiny() {
    return new SparseCodingConfig(
        new SparseCodingConfig.Data(8, 12, 2, 0.5, 1.5, 0.01, 60),
        new SparseCodingConfig.Sweep(0.003, 3.0, 3, 60),
        new SparseCodingConfig.Learn(0.3, 64, 60, 30, 3.0, 0.9, 5, 20),
        new SparseCodingConfig.Collapse(40, 0.03, List.of(20.0, 110.0), 1.5, 2.0, 0.5, 4, 30, 10,
            0.5, 5, 100, 16, 5));
  }

  private LabOutcome run(Path dir, long seed) {
    String yaml = "seed: " + seed + "\n";
    try (RunSession s = new RunSession(RunDir.open(dir, yaml, false, 2), ProgressListener.silent(),
            new RandomStreams(seed), engine, "test");
        NDManager m = NDManager.newBaseManager()) {
      return new SparseCodingProblem().run(tiny(), s, m);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.get(key);
  }

  private static double num(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }

  @Test
  void runsLearnsShowsCollapseAndRepeatsExactly() throws Exception {
    LabOutcome out = run(tmp.resolve("a"), 11);
    Map<String, Object> s = out.summary();
    assertThat(s).containsKeys("problem", "method", "losses", "sanity", "sweep", "collapse",
        "dictionary_learning");
    assertThat(s.get("problem")).isEqualTo("sparse-coding");
    for (LabOutcome.DrawnFigure f : out.figures()) {
      assertThat(tmp.resolve("a").resolve(RunDir.FIGURES).resolve(f.fileName())).isNotEmptyFile();
    }
    assertThat(out.figures()).hasSize(10);

    // Sweep: a larger lambda gives sparser codes and a larger reconstruction error.
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sweep = (List<Map<String, Object>>) s.get("sweep");
    assertThat(sweep).hasSize(3);
    assertThat(num(sweep.get(0), "l0")).isGreaterThan(num(sweep.get(2), "l0"));
    assertThat(num(sweep.get(0), "reconstruction"))
        .isLessThan(num(sweep.get(2), "reconstruction"));
    assertThat(num(sweep.get(0), "support_recall")).isGreaterThan(0.95);

    // Dictionary learning moves the atoms towards the true ones.
    Map<String, Object> learn = map(s, "dictionary_learning");
    assertThat(num(learn, "recovery_mean_max_cos"))
        .isGreaterThan(num(learn, "initial_recovery_mean_max_cos") + 0.1);

    // Collapse: flat zero energy without regularization; contrast with limited capacity.
    Map<String, Object> cases = map(map(s, "collapse"), "cases");
    Map<String, Object> free = map(cases, "unregularized");
    assertThat(num(free, "max_F_box")).isLessThan(1e-6);
    assertThat(num(free, "ratio_data_to_uniform")).isCloseTo(1.0, within(1e-3));
    assertThat(num(map(cases, "sparse"), "ratio_data_to_uniform")).isLessThan(0.7);
    assertThat(num(map(cases, "codebook"), "ratio_data_to_uniform")).isLessThan(0.3);

    // Same seed, fresh folder: the same numbers. Same folder again: resumes to the same numbers.
    assertThat(run(tmp.resolve("b"), 11).summary()).isEqualTo(s);
    assertThat(run(tmp.resolve("a"), 11).summary()).isEqualTo(s);
    assertThat(Files.list(tmp.resolve("a").resolve(RunDir.CHECKPOINTS)).count()).isPositive();
  }

  @Test
  void atomRecoveryIsInvariantToOrderAndSign() {
    int rows = 5;
    int cols = 4;
    float[] truth = SparseData.dictionary(new SplittableRandom(3), rows, cols);
    int[] perm = {2, 0, 3, 1}; // learned column i holds true atom perm[i], sign flipped if i odd
    float[] learned = new float[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < cols; i++) {
        learned[r * cols + i] = (i % 2 == 1 ? -1 : 1) * truth[r * cols + perm[i]];
      }
    }
    AtomRecovery a = AtomRecovery.of(truth, cols, learned, cols, rows, 0.9);
    assertThat(a.mean()).isCloseTo(1.0, within(1e-6));
    assertThat(a.fraction()).isEqualTo(1.0);
    for (int i = 0; i < cols; i++) {
      assertThat(a.match()[perm[i]]).isEqualTo(i);
      assertThat(a.sign()[perm[i]]).isEqualTo(i % 2 == 1 ? -1 : 1);
    }
  }

  @Test
  void generatorMakesUnitAtomsAndKSparseCodes() {
    SparseCodingConfig.Data d = tiny().data();
    float[] w = SparseData.dictionary(new SplittableRandom(1), d.signalDim(), d.codeDim());
    for (int c = 0; c < d.codeDim(); c++) {
      double s = 0;
      for (int r = 0; r < d.signalDim(); r++) {
        s += w[r * d.codeDim() + c] * w[r * d.codeDim() + c];
      }
      assertThat(s).isCloseTo(1.0, within(1e-5));
    }
    SparseData.Sample x = SparseData.sample(new SplittableRandom(2), d, w, 50);
    for (int i = 0; i < x.n(); i++) {
      int nonzero = 0;
      for (int c = 0; c < d.codeDim(); c++) {
        float v = x.z()[i * d.codeDim() + c];
        if (v != 0) {
          nonzero++;
          assertThat(Math.abs(v)).isBetween((float) d.codeMin(), (float) d.codeMax());
        }
      }
      assertThat(nonzero).isEqualTo(d.nonzeros());
    }
  }

  @Test
  void configErrorsNameTheKey() {
    assertThatThrownBy(() -> new SparseCodingConfig.Data(8, 12, 2, 1.5, 0.5, 0.01, 60))
        .isInstanceOf(ConfigValueException.class).hasMessageContaining("code_max");
    assertThatThrownBy(() -> new SparseCodingConfig.Sweep(1.0, 0.1, 3, 10))
        .isInstanceOf(ConfigValueException.class).hasMessageContaining("lambda_max");
    assertThatThrownBy(() -> new SparseCodingConfig.Data(8, 12, 13, 0.5, 1.5, 0.01, 60))
        .isInstanceOf(ConfigValueException.class).hasMessageContaining("nonzeros");
  }
}
