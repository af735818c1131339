package ai.craik.lab;

import ai.craik.ebm.SparseCode;
import ai.craik.ebm.SparseCoding;
import ai.craik.lab.LabOutcome.DrawnFigure;
import ai.craik.report.HeatMap;
import ai.craik.report.LineChart;
import ai.craik.run.RunSession;
import ai.craik.train.TrainingLoop;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sparse coding: a linear decoder whose latent capacity is limited by an L1 penalty, with ISTA
 * inference, on signals generated from a known sparse dictionary.
 *
 * <pre>
 *   data      y = W* z* + 0.01 ε,  W* [16, 32] unit-norm columns, z* with 3 nonzeros of random sign
 *   energy    E(y, z) = ||y − W z||² + λ ||z||₁,   F(y) = min_z E(y, z),  ž by ISTA from z = 0
 *   part 1    W = W*, λ on a log grid: reconstruction ||y − W ž||², L0 and L1 of ž, and the
 *             precision / recall of its support against supp(z*)
 *   part 2    W from a random start: per step a fresh batch, ž by ISTA at the current W, then
 *             W ← normalize(W − lr ∇_W mean ||y − W ž||²); recovery of the true atoms over training
 *   part 3    in 2-D ({@link LatentCollapse}): a latent of the data's dimension without
 *             regularization makes F zero everywhere (collapse); an L1 penalty or a K-valued latent
 *             limits its capacity and F is low only near the data
 * </pre>
 *
 * <p>The sweep shows the trade-off the sparsity weight sets: a small λ reconstructs the noise too
 * with many small coefficients, a large one shrinks the codes and drops atoms. References:
 * Olshausen and Field, Nature 381 (1996); Daubechies, Defrise, De Mol, CPAM 57 (2004) (ISTA);
 * LeCun, "A Path Towards Autonomous Machine Intelligence" (2022), regularized latent-variable EBMs.
 */
public final class SparseCodingProblem implements LabProblem<SparseCodingConfig> {
  /** A coefficient counts as nonzero when |z| exceeds this. */
  static final double NONZERO = 1e-6;
  static final String LEARN_PHASE = "learn_dictionary";

  @Override
  public String name() {
    return "sparse-coding";
  }

  @Override
  public String description() {
    return "Sparse coding as a latent-variable energy-based model: E(y, z) = ||y - Wz||^2 +"
        + " lambda |z|_1 with ISTA inference, on signals made from a known sparse dictionary. A"
        + " sweep of lambda with the true dictionary shows the sparsity / reconstruction trade-off"
        + " and how well the support is found; dictionary learning from a random start recovers"
        + " the true atoms; a 2-D example shows that an unregularized latent of the data's"
        + " dimension makes the energy zero everywhere and that limiting its capacity (L1 penalty,"
        + " K-valued latent) restores an energy that is low only near the data.";
  }

  @Override
  public Class<SparseCodingConfig> configType() {
    return SparseCodingConfig.class;
  }

  /**
   * Codes of n signals at one λ and their statistics (means over the signals).
   *
   * @param energy mean E(y, ž) at the end of ISTA
   * @param reconstruction mean ||y − W ž||²
   * @param l0 mean number of coefficients with |ž_j| &gt; 1e-6
   * @param l1 mean ||ž||₁
   * @param precision |supp ž ∩ supp z*| / |supp ž| over all signals (1 when ž is all zero); for a
   *     learned dictionary its atoms are first mapped to the true atoms they were matched with
   * @param recall |supp ž ∩ supp z*| / |supp z*| over all signals
   */
  record CodeStats(double lambda, double energy, double reconstruction, double l0, double l1,
      double precision, double recall) {
    double f1() {
      return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lambda", lambda);
      m.put("energy", energy);
      m.put("reconstruction", reconstruction);
      m.put("l0", l0);
      m.put("l1", l1);
      m.put("support_precision", precision);
      m.put("support_recall", recall);
      m.put("support_f1", f1());
      return m;
    }
  }

  @Override
  public LabOutcome run(SparseCodingConfig cfg, RunSession session, NDManager manager) {
    SparseCodingConfig.Data d = cfg.data();
    int dy = d.signalDim();
    int dz = d.codeDim();
    float[] wTrue = SparseData.dictionary(session.random().stream("dictionary"), dy, dz);
    SparseData.Sample test =
        SparseData.sample(session.random().stream("test"), d, wTrue, d.testSignals());

    // Part 1: the λ sweep with the true dictionary.
    List<CodeStats> sweep = new ArrayList<>();
    for (double lambda : cfg.sweep().values()) {
      sweep.add(codeStats(manager, wTrue, dy, dz, test, lambda, cfg.sweep().istaSteps(), null));
    }
    CodeStats bestF1 = sweep.stream()
        .max(Comparator.comparingDouble(CodeStats::f1)).orElseThrow();

    // Part 2: dictionary learning from a random start.
    SparseCodingConfig.Learn l = cfg.learn();
    HostMatrix dict = new HostMatrix("W", dy, dz,
        SparseData.dictionary(session.random().stream("init"), dy, dz));
    AtomRecovery initial = AtomRecovery.of(wTrue, dz, dict.values(), dz, dy,
        l.recoveryThreshold());
    learn(session, manager, cfg, wTrue, dict);
    AtomRecovery learned = AtomRecovery.of(wTrue, dz, dict.values(), dz, dy,
        l.recoveryThreshold());
    int[] toTrue = new int[dz];
    Arrays.fill(toTrue, -1);
    for (int j = 0; j < dz; j++) {
      if (learned.match()[j] >= 0) {
        toTrue[learned.match()[j]] = j;
      }
    }
    CodeStats learnedTest = codeStats(manager, dict.values(), dy, dz, test, l.lambda(),
        cfg.sweep().istaSteps(), toTrue);
    CodeStats trueTest =
        codeStats(manager, wTrue, dy, dz, test, l.lambda(), cfg.sweep().istaSteps(), null);

    // Part 3: collapse of an unregularized latent, and two ways to limit its capacity.
    LatentCollapse.Result collapse = LatentCollapse.run(cfg.collapse(), session, manager);

    double noiseFloor = dy * d.noise() * d.noise();
    List<DrawnFigure> figures = new ArrayList<>();
    try {
      figures.add(drawTradeoff(session, sweep, d, noiseFloor));
      figures.add(drawVersusLambda(session, sweep));
      figures.add(drawSupport(session, sweep, d));
      figures.add(drawRecovery(session, initial, l));
      figures.add(drawLearningLoss(session, trueTest));
      figures.add(drawCosines(session, learned));
      figures.add(drawAtoms(session, wTrue, dict, learned));
      figures.addAll(collapse.figures());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write figures in " + session.dir().figures(), e);
    }

    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("problem", name());
    summary.put("method", "E(y,z)=||y-Wz||^2+lambda|z|_1 with ISTA inference from z=0 (step"
        + " 1/L, L=2 sigma_max(W)^2). Part 1: lambda sweep with the true dictionary W* ["
        + dy + ", " + dz + "] (" + cfg.sweep().istaSteps() + " ISTA steps). Part 2: W learned"
        + " from a random start by " + l.steps() + " steps of (ISTA codes at lambda=" + l.lambda()
        + ", " + l.istaSteps() + " steps; gradient step on the mean reconstruction error;"
        + " unit-norm columns), batch " + l.batch() + ". Part 3: 2-D latent-capacity"
        + " demonstration (unregularized 2-D latent, L1-regularized 2-D latent, K-valued latent).");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("signal_dim", dy);
    data.put("code_dim", dz);
    data.put("nonzeros", d.nonzeros());
    data.put("noise", d.noise());
    data.put("test_signals", d.testSignals());
    summary.put("data", data);
    summary.put("sweep", sweep.stream().map(CodeStats::asMap).toList());
    summary.put("best_lambda_by_support_f1", bestF1.asMap());
    Map<String, Object> learning = new LinkedHashMap<>();
    learning.put("initial_recovery_mean_max_cos", initial.mean());
    learning.put("initial_recovery_fraction", initial.fraction());
    learning.put("recovery_mean_max_cos", learned.mean());
    learning.put("recovery_fraction", learned.fraction());
    learning.put("recovery_threshold", l.recoveryThreshold());
    learning.put("test_learned_dictionary", learnedTest.asMap());
    learning.put("test_true_dictionary", trueTest.asMap());
    summary.put("dictionary_learning", learning);
    summary.put("collapse", collapse.summary());
    Map<String, Object> losses = new LinkedHashMap<>();
    losses.put("dictionary_learning_test_energy", learnedTest.energy());
    losses.put("dictionary_learning_test_reconstruction", learnedTest.reconstruction());
    losses.putAll(collapse.losses());
    summary.put("losses", losses);
    Map<String, Object> sanity = new LinkedHashMap<>();
    sanity.put("noise_energy_expected", noiseFloor);
    sanity.put("noise_energy_measured", noiseEnergy(manager, wTrue, dy, dz, test));
    sanity.put("true_code_mean_l0", meanL0(test.z(), test.n(), dz));
    sanity.put("true_dictionary_coherence", coherence(wTrue, dy, dz));
    sanity.put("learned_vs_true_test_energy_ratio", learnedTest.energy() / trueTest.energy());
    sanity.putAll(collapse.sanity());
    summary.put("sanity", sanity);

    Map<String, Object> key = new LinkedHashMap<>();
    key.put("best lambda (support F1)", bestF1.lambda());
    key.put("support F1 at best lambda", bestF1.f1());
    key.put("mean L0 at best lambda (true " + d.nonzeros() + ")", bestF1.l0());
    key.put("atoms recovered (|cos| > " + l.recoveryThreshold() + ")",
        String.format(Locale.ROOT, "%d / %d", Math.round(learned.fraction() * dz), dz));
    key.put("mean max |cos| (start -> learned)",
        String.format(Locale.ROOT, "%.3f -> %.3f", initial.mean(), learned.mean()));
    key.put("test energy, learned / true W", learnedTest.energy() / trueTest.energy());
    key.putAll(collapse.keyFigures());
    return new LabOutcome(summary, key, figures);
  }

  /** Dictionary learning: TrainingLoop over (fresh batch, ISTA codes, dictionary step). */
  private static void learn(RunSession session, NDManager manager, SparseCodingConfig cfg,
      float[] wTrue, HostMatrix dict) {
    SparseCodingConfig.Data d = cfg.data();
    SparseCodingConfig.Learn l = cfg.learn();
    int dy = d.signalDim();
    int dz = d.codeDim();
    TrainingLoop.Schedule schedule =
        new TrainingLoop.Schedule(LEARN_PHASE, l.steps(), l.logEvery(), l.checkpointEvery());
    TrainingLoop.run(session, schedule, dict, manager, (step, scope) -> {
      SparseData.Sample batch =
          SparseData.sample(session.random().stream("batch", step), d, wTrue, l.batch());
      NDArray w = dict.toArray(scope);
      NDArray y = scope.create(batch.y(), new Shape(batch.n(), dy));
      SparseCode code = SparseCoding.ista(w, y, l.lambda(), l.istaSteps());
      double reconstruction = SparseCoding.energy(w, y, code.z(), 0).mean().getFloat();
      double l0 = meanL0(code.z().toFloatArray(), batch.n(), dz);
      dict.set(SparseCoding.dictionaryStep(w, y, code.z(), l.learningRate()).toFloatArray());
      AtomRecovery r = AtomRecovery.of(wTrue, dz, dict.values(), dz, dy, l.recoveryThreshold());
      Map<String, Double> metrics = new LinkedHashMap<>();
      metrics.put("loss/energy", code.trace()[l.istaSteps()]);
      metrics.put("loss/reconstruction", reconstruction);
      metrics.put("l0", l0);
      metrics.put("recovery/mean_max_cos", r.mean());
      metrics.put("recovery/fraction", r.fraction());
      return metrics;
    });
  }

  /**
   * ISTA codes of {@code s} under dictionary w [dy, dz] at λ, and their statistics. Column c of w
   * stands for true atom {@code toTrue[c]} (−1: none) when comparing supports; null means the
   * identity (w is the true dictionary).
   */
  static CodeStats codeStats(NDManager manager, float[] w, int dy, int dz, SparseData.Sample s,
      double lambda, int steps, int[] toTrue) {
    try (NDManager m = manager.newSubManager()) {
      NDArray wa = m.create(w, new Shape(dy, dz));
      NDArray y = m.create(s.y(), new Shape(s.n(), dy));
      SparseCode code = SparseCoding.ista(wa, y, lambda, steps);
      double reconstruction = SparseCoding.energy(wa, y, code.z(), 0).mean().getFloat();
      float[] z = code.z().toFloatArray();
      long predicted = 0;
      long actual = 0;
      long both = 0;
      double l1 = 0;
      for (int i = 0; i < z.length; i++) {
        int t = toTrue == null ? i % dz : toTrue[i % dz];
        boolean p = Math.abs(z[i]) > NONZERO;
        boolean a = t >= 0 && s.z()[i - i % dz + t] != 0;
        predicted += p ? 1 : 0;
        actual += s.z()[i] != 0 ? 1 : 0;
        both += p && a ? 1 : 0;
        l1 += Math.abs(z[i]);
      }
      return new CodeStats(lambda, code.trace()[steps], reconstruction,
          predicted / (double) s.n(), l1 / s.n(),
          predicted == 0 ? 1.0 : both / (double) predicted, both / (double) Math.max(actual, 1));
    }
  }

  /** Mean number of entries with |z| &gt; 1e-6 per row of z [n, dz]. */
  static double meanL0(float[] z, int n, int dz) {
    long count = 0;
    for (float v : z) {
      count += Math.abs(v) > NONZERO ? 1 : 0;
    }
    return count / (double) n;
  }

  /** Mean ||y − W* z*||² over the sample: the noise energy (expected Dy σ²). */
  private static double noiseEnergy(NDManager manager, float[] w, int dy, int dz,
      SparseData.Sample s) {
    try (NDManager m = manager.newSubManager()) {
      NDArray wa = m.create(w, new Shape(dy, dz));
      return SparseCoding.energy(wa, m.create(s.y(), new Shape(s.n(), dy)),
          m.create(s.z(), new Shape(s.n(), dz)), 0).mean().getFloat();
    }
  }

  /** max_{i≠j} |cos(w_i, w_j)| of a dictionary [dy, dz]. */
  private static double coherence(float[] w, int dy, int dz) {
    double[][] c = AtomRecovery.of(w, dz, w, dz, dy, 1).cosine();
    double max = 0;
    for (int i = 0; i < dz; i++) {
      for (int j = 0; j < dz; j++) {
        if (i != j) {
          max = Math.max(max, c[i][j]);
        }
      }
    }
    return max;
  }

  private static double[] log10Lambdas(List<CodeStats> sweep) {
    return sweep.stream().mapToDouble(s -> StrictMath.log10(s.lambda())).toArray();
  }

  /** Values with zeros (and negatives) as gaps, for a log axis. */
  private static double[] positive(double[] v) {
    double[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      if (!(out[i] > 0)) {
        out[i] = Double.NaN;
      }
    }
    return out;
  }

  private static DrawnFigure drawTradeoff(RunSession s, List<CodeStats> sweep,
      SparseCodingConfig.Data d, double noiseFloor) throws IOException {
    double[] l0 = sweep.stream().mapToDouble(CodeStats::l0).toArray();
    double[] rec = positive(sweep.stream().mapToDouble(CodeStats::reconstruction).toArray());
    double lo = Arrays.stream(l0).min().orElse(0);
    double hi = Arrays.stream(l0).max().orElse(1);
    double recLo = Arrays.stream(rec).filter(Double::isFinite).min().orElse(1e-3);
    double recHi = Arrays.stream(rec).filter(Double::isFinite).max().orElse(1);
    LineChart.builder()
        .optTitle("Sparsity / reconstruction trade-off (true dictionary; one point per lambda)")
        .optXLabel("mean number of nonzero coefficients L0 (of " + d.codeDim() + ")")
        .optYLabel("mean reconstruction error ||y - W z||^2").optLogY(true).optSize(720, 460)
        .addSeries("lambda " + fmt(sweep.get(sweep.size() - 1).lambda()) + " (left) to "
            + fmt(sweep.get(0).lambda()) + " (right)", l0, rec)
        .addSeries("noise Dy sigma^2 = " + fmt(noiseFloor), new double[] {lo, hi},
            new double[] {noiseFloor, noiseFloor})
        .addSeries("true L0 = " + d.nonzeros(), new double[] {d.nonzeros(), d.nonzeros()},
            new double[] {Math.min(recLo, noiseFloor), recHi})
        .build().savePng(s.dir().figure("sweep_tradeoff.png"));
    return new DrawnFigure("sweep_tradeoff.png", "Reconstruction error against the number of"
        + " nonzero coefficients, one point per lambda, with the true dictionary W*: a large lambda"
        + " gives few coefficients and a large error (the codes shrink and atoms drop out); a small"
        + " lambda reaches the noise energy with many small coefficients that fit the noise.");
  }

  private static DrawnFigure drawVersusLambda(RunSession s, List<CodeStats> sweep)
      throws IOException {
    double[] x = log10Lambdas(sweep);
    LineChart.builder()
        .optTitle("Codes of the test signals against the sparsity weight (true dictionary)")
        .optXLabel("log10 lambda").optYLabel("mean over test signals").optLogY(true)
        .optSize(720, 460)
        .addSeries("reconstruction error ||y - W z||^2", x,
            positive(sweep.stream().mapToDouble(CodeStats::reconstruction).toArray()))
        .addSeries("L0 (nonzero coefficients)", x,
            positive(sweep.stream().mapToDouble(CodeStats::l0).toArray()))
        .addSeries("L1 norm ||z||_1", x,
            positive(sweep.stream().mapToDouble(CodeStats::l1).toArray()))
        .build().savePng(s.dir().figure("sweep_lambda.png"));
    return new DrawnFigure("sweep_lambda.png", "As lambda grows the codes get sparser (L0) and"
        + " smaller (L1) and the reconstruction error rises.");
  }

  private static DrawnFigure drawSupport(RunSession s, List<CodeStats> sweep,
      SparseCodingConfig.Data d) throws IOException {
    double[] x = log10Lambdas(sweep);
    LineChart.builder()
        .optTitle("Support recovery: ISTA support against the true " + d.nonzeros()
            + " atoms of each signal")
        .optXLabel("log10 lambda").optYLabel("fraction").optSize(720, 460)
        .addSeries("precision", x, sweep.stream().mapToDouble(CodeStats::precision).toArray())
        .addSeries("recall", x, sweep.stream().mapToDouble(CodeStats::recall).toArray())
        .addSeries("F1", x, sweep.stream().mapToDouble(CodeStats::f1).toArray())
        .build().savePng(s.dir().figure("sweep_support.png"));
    return new DrawnFigure("sweep_support.png", "Precision and recall of the support of the ISTA"
        + " codes (|z| > 1e-6) against the true support: a small lambda finds every true atom but"
        + " adds many false ones; a large lambda keeps only true atoms but misses the weaker ones.");
  }

  /** Recovery curves read back from metrics.jsonl (so a resumed run draws the whole curve). */
  private static DrawnFigure drawRecovery(RunSession s, AtomRecovery initial,
      SparseCodingConfig.Learn l) throws IOException {
    LineChart.Builder chart = LineChart.builder()
        .optTitle("Dictionary learning from a random start: recovery of the true atoms")
        .optXLabel("step").optYLabel("fraction / |cosine|").optSize(720, 460);
    addCurve(chart, s, "recovery/mean_max_cos", "mean over true atoms of max |cos| with a learned"
        + " atom", initial.mean());
    addCurve(chart, s, "recovery/fraction", "fraction of true atoms with max |cos| > "
        + l.recoveryThreshold(), initial.fraction());
    chart.build().savePng(s.dir().figure("learning_recovery.png"));
    return new DrawnFigure("learning_recovery.png", "For each true atom, the best |cosine| with"
        + " a learned atom (mean over atoms) and the fraction above " + l.recoveryThreshold()
        + ", over training; step 0 is the random start.");
  }

  private static void addCurve(LineChart.Builder chart, RunSession s, String key, String label,
      double atZero) {
    List<double[]> xy = LabMetrics.series(s.dir().metrics(), LEARN_PHASE, key);
    double[] x = new double[xy.size() + 1];
    double[] y = new double[xy.size() + 1];
    y[0] = atZero;
    for (int i = 0; i < xy.size(); i++) {
      x[i + 1] = xy.get(i)[0];
      y[i + 1] = xy.get(i)[1];
    }
    chart.addSeries(label, x, y);
  }

  private static DrawnFigure drawLearningLoss(RunSession s, CodeStats trueTest)
      throws IOException {
    List<double[]> energy = LabMetrics.series(s.dir().metrics(), LEARN_PHASE, "loss/energy");
    List<double[]> rec = LabMetrics.series(s.dir().metrics(), LEARN_PHASE, "loss/reconstruction");
    LineChart.Builder chart = LineChart.builder()
        .optTitle("Dictionary learning: energy of each training batch (before its step)")
        .optXLabel("step").optYLabel("mean over the batch").optLogY(true).optSize(720, 460);
    double[] ends = {0, 1};
    if (!energy.isEmpty()) {
      double[] x = energy.stream().mapToDouble(p -> p[0]).toArray();
      ends = new double[] {x[0], x[x.length - 1]};
      chart.addSeries("batch energy", x,
          positive(energy.stream().mapToDouble(p -> p[1]).toArray()));
      chart.addSeries("batch reconstruction ||y - Wz||^2", x,
          positive(rec.stream().mapToDouble(p -> p[1]).toArray()));
    }
    chart.addSeries("W*: energy (test)", ends,
        new double[] {trueTest.energy(), trueTest.energy()});
    chart.addSeries("W*: reconstruction (test)", ends,
        new double[] {trueTest.reconstruction(), trueTest.reconstruction()});
    chart.build().savePng(s.dir().figure("learning_loss.png"));
    return new DrawnFigure("learning_loss.png", "Mean energy and reconstruction error of the"
        + " ISTA codes of each fresh batch under the current dictionary, with the values the true"
        + " dictionary reaches at the same lambda (the reconstruction error does not fall to the"
        + " noise energy: the L1 penalty shrinks the codes).");
  }

  private static DrawnFigure drawCosines(RunSession s, AtomRecovery r) throws IOException {
    int dz = r.cosine().length;
    int learned = r.cosine()[0].length;
    int[] order = columnOrder(r.match(), learned);
    double[][] v = new double[dz][learned];
    for (int j = 0; j < dz; j++) {
      for (int i = 0; i < learned; i++) {
        v[j][i] = r.cosine()[j][order[i]];
      }
    }
    HeatMap.builder(v, 0.5, learned + 0.5, 0.5, dz + 0.5)
        .optTitle("|cos| between true atoms (rows) and learned atoms (columns, matched order)")
        .optXLabel("learned atom (reordered so its match is on the diagonal)")
        .optYLabel("true atom").optColorbarLabel("|cos|").optValueRange(0, 1)
        .optSize(680, 600).optEqualAspect(true)
        .build().savePng(s.dir().figure("atoms_cosine.png"));
    return new DrawnFigure("atoms_cosine.png", "Absolute cosine between every true and learned"
        + " atom after training; the learned atoms are reordered by a greedy one-to-one matching,"
        + " so a bright diagonal means the true atoms were found.");
  }

  /** Learned atom index per heat-map column: the matched atoms first, then the others. */
  private static int[] columnOrder(int[] match, int learned) {
    int[] order = new int[learned];
    boolean[] used = new boolean[learned];
    int c = 0;
    for (int m : match) {
      if (m >= 0) {
        order[c++] = m;
        used[m] = true;
      }
    }
    for (int i = 0; i < learned; i++) {
      if (!used[i]) {
        order[c++] = i;
      }
    }
    return order;
  }

  private static DrawnFigure drawAtoms(RunSession s, float[] wTrue, HostMatrix dict,
      AtomRecovery r) throws IOException {
    int dy = dict.rows();
    int dz = dict.cols();
    double[][] v = new double[2 * dy + 1][dz];
    double max = 0;
    for (int j = 0; j < dz; j++) {
      v[dy][j] = Double.NaN; // grey separator row
      for (int k = 0; k < dy; k++) {
        double t = wTrue[k * dz + j];
        double le = r.match()[j] < 0 ? Double.NaN : r.sign()[j] * dict.get(k, r.match()[j]);
        v[2 * dy - k][j] = t; // true atoms on top, coordinate 0 first
        v[dy - 1 - k][j] = le; // matched learned atoms below
        max = Math.max(max, Math.max(Math.abs(t), Double.isNaN(le) ? 0 : Math.abs(le)));
      }
    }
    HeatMap.builder(v, 0.5, dz + 0.5, 0, 2 * dy + 1)
        .optTitle("Atoms as columns: true W* (top) and the matched learned atoms (bottom)")
        .optXLabel("true atom j").optYLabel("coordinates 1-" + dy + " top down: learned (lower), true (upper)")
        .optColorbarLabel("weight").optValueRange(-max, max).optSize(760, 560)
        .build().savePng(s.dir().figure("atoms.png"));
    return new DrawnFigure("atoms.png", "Each column is one atom (" + dy + " coordinates): the"
        + " true atom above the grey row, its matched learned atom (sign aligned) below it.");
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
