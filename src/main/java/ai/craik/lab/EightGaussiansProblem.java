package ai.craik.lab;

import ai.craik.ebm.ContrastiveDivergence;
import ai.craik.ebm.ContrastiveLoss;
import ai.craik.ebm.ContrastiveLosses;
import ai.craik.ebm.Energy;
import ai.craik.ebm.LangevinResult;
import ai.craik.ebm.LangevinSampler;
import ai.craik.engine.HostRandom;
import ai.craik.engine.RandomStreams;
import ai.craik.lab.LabOutcome.DrawnFigure;
import ai.craik.nn.AdamW;
import ai.craik.nn.Mlp;
import ai.craik.nn.Parameters;
import ai.craik.report.HeatMap;
import ai.craik.report.LineChart;
import ai.craik.report.Marker;
import ai.craik.report.ScatterChart;
import ai.craik.run.Checkpointable;
import ai.craik.run.RunSession;
import ai.craik.train.TrainingLoop;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Eight Gaussians: an unconditional energy E_θ(y), y in R², learned by contrastive divergence
 * with Langevin negatives.
 *
 * <pre>
 *   data      y = r (cos 2πk/K, sin 2πk/K) + σ ε,  k uniform in {0..K-1},  ε ~ N(0, I)
 *             (K = 8, r = 2, σ = 0.15 in the preset)
 *   energy    E_θ(y) = MLP_θ(y), widths [2, 128, 128, 1], SiLU; y [B, 2] to E [B]
 *   negatives ŷ = k Langevin steps  y &lt;- clamp(y - (η/2) ∇E_θ(y) + √η ξ),  ξ ~ N(0, I),
 *             from persistent chains (PCD, restarted uniform in the box) or the data (CD-k)
 *   loss      L = mean E_θ(y⁺) - mean E_θ(ŷ) + α (mean E_θ(y⁺)² + mean E_θ(ŷ)²)
 * </pre>
 *
 * <p>The first term is the maximum-likelihood surrogate: its gradient is the likelihood gradient
 * E_data[∇E] - E_model[∇E] of p_θ(y) = exp(-E_θ(y)) / Z when the negatives are model samples. The
 * α term keeps the energies near zero (the unnormalized energy would otherwise drift). Instead of
 * the surrogate a loss of {@link ContrastiveLosses} can be chosen ({@code train.loss}); it then
 * compares each data point with every negative of the batch, E⁻ of shape [B, B].
 *
 * <p>After training the energy is judged by quantities computed from fresh samples: the fraction
 * of (held-out data point, uniform point in the box) pairs where the data point has the lower
 * energy; long Langevin runs from uniform noise (which of the K modes they reach within
 * {@code mode_radius} σ, their mean distance to the nearest mode); and the mass of exp(-E) / Z
 * near each mode. Short chains rarely cross the barriers between modes (about 13 nats in the
 * data density of the preset), so the loss shapes each basin but constrains the relative depth of
 * the basins only weakly: the samples cover the modes while the per-mode masses can be far from
 * 1/K (Nijkamp et al. discuss this gap between short-run samplers and the density they imply).
 *
 * <p>References: Hinton, "Training Products of Experts by Minimizing Contrastive Divergence",
 * Neural Computation 2002; Tieleman, "Training Restricted Boltzmann Machines using Approximations
 * to the Likelihood Gradient", ICML 2008; Du, Mordatch, "Implicit Generation and Generalization in
 * Energy-Based Models", NeurIPS 2019, arXiv:1903.08689 (replay buffer, energy L2 penalty); Nijkamp,
 * Hill, Han, Zhu, Wu, "On the Anatomy of MCMC-Based Maximum Likelihood Learning of Energy-Based
 * Models", AAAI 2020, arXiv:1903.12370.
 */
public final class EightGaussiansProblem implements LabProblem<EightGaussiansConfig> {
  private static final String PHASE = "train";
  /** Checkpoint name of the persistent chains, [buffer_size * 2] floats. */
  private static final String BUFFER = "pcd.buffer";

  @Override
  public String name() {
    return "eight-gaussians";
  }

  @Override
  public String description() {
    return "An unconditional energy E(y) on the plane, an MLP, learned from samples of eight"
        + " Gaussians on a circle by contrastive divergence: negatives come from short Langevin"
        + " runs on the current energy (persistent chains by default), and the loss pushes the"
        + " energy of data down and that of the negatives up. The figures show the learned energy"
        + " and its density, the training curves and long Langevin runs from uniform noise.";
  }

  @Override
  public Class<EightGaussiansConfig> configType() {
    return EightGaussiansConfig.class;
  }

  /** E(y) = MLP(y): [N, 2] to [N]. */
  static Energy energy(Mlp mlp) {
    return y -> mlp.forward(y).reshape(-1);
  }

  /** The energy, its optimizer and the negative sampler's chains: what a checkpoint saves. */
  static final class Model implements Checkpointable {
    final Parameters params;
    final Mlp mlp;
    final AdamW optimizer;
    final ContrastiveDivergence sampler;

    Model(NDManager manager, EightGaussiansConfig cfg, SplittableRandom init) {
      params = new Parameters(manager);
      mlp = new Mlp(params, "energy", cfg.model().widths(), cfg.model().act(), init);
      optimizer = new AdamW(params, 0.9, 0.999, 1e-8, 0.0, cfg.train().clipNorm());
      sampler = new ContrastiveDivergence(cfg.cd().sampler(cfg.data().box()));
    }

    Energy energy() {
      return EightGaussiansProblem.energy(mlp);
    }

    @Override
    public NDList state(NDManager target) {
      NDList out = params.snapshot(target);
      out.addAll(optimizer.state(target));
      float[] chains = sampler.exportBuffer();
      if (chains.length > 0) {
        NDArray b = target.create(chains, new Shape(chains.length));
        b.setName(BUFFER);
        out.add(b);
      }
      return out;
    }

    @Override
    public void restore(NDList saved) {
      params.restore(saved);
      optimizer.restore(saved);
      NDArray b = saved.get(BUFFER);
      sampler.importBuffer(b == null ? new float[0] : b.toFloatArray());
    }
  }

  @Override
  public LabOutcome run(EightGaussiansConfig cfg, RunSession session, NDManager manager) {
    EightGaussiansConfig.Data d = cfg.data();
    Model model = new Model(manager, cfg, session.random().stream("init"));
    double[][] heldOut = sample(d, cfg.eval().pairs(), session.random().stream("eval_data"));
    double[][] uniform = uniform(d, cfg.eval().pairs(), session.random().stream("eval_uniform"));
    double untrainedFraction = lowerEnergyFraction(manager, model.energy(), heldOut, uniform);

    train(session, manager, model, cfg);

    Energy e = model.energy();
    double fraction = lowerEnergyFraction(manager, e, heldOut, uniform);
    LongRun run = longRun(manager, e, cfg, session.random());
    ModeStats samples = ModeStats.of(d, run.samples(), cfg.eval());
    ModeStats data = ModeStats.of(d, heldOut, cfg.eval());
    double[][] negatives = finalNegatives(manager, model, heldOut, cfg, session.random());

    Grid2d box = new Grid2d(-d.box(), d.box(), -d.box(), d.box(), cfg.eval().grid(),
        cfg.eval().grid());
    float[] grid = energies(manager, e, box);
    double[] density = density(box, grid);
    double[] mass = massPerMode(d, box, density, cfg.eval().modeRadius());
    List<DrawnFigure> figures = new ArrayList<>();
    try {
      figures.add(drawEnergy(session, cfg, box, grid, heldOut, negatives));
      figures.add(drawDensity(session, cfg, box, density, mass));
      figures.add(drawTraining(session));
      figures.add(drawSamples(session, cfg, heldOut, run.samples()));
      figures.add(drawChainEnergy(session, run.meanEnergy(), meanEnergy(manager, e, heldOut)));
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write figures in " + session.dir().figures(), ex);
    }

    Map<String, Double> last = lastMetrics(session);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("problem", name());
    summary.put("method", method(cfg));
    summary.put("losses", last);
    Map<String, Object> sanity = new LinkedHashMap<>();
    sanity.put("data_lower_energy_fraction", fraction);
    sanity.put("data_lower_energy_fraction_untrained", untrainedFraction);
    sanity.put("pairs", cfg.eval().pairs());
    sanity.put("modes_covered", samples.covered());
    sanity.put("modes", d.modes());
    sanity.put("samples_near_a_mode_fraction", samples.nearFraction());
    sanity.put("samples_mean_distance_to_nearest_mode", samples.meanDistance());
    sanity.put("data_mean_distance_to_nearest_mode", data.meanDistance());
    sanity.put("samples_per_mode", samples.countList());
    sanity.put("model_mass_per_mode", Arrays.stream(mass).boxed().toList());
    sanity.put("model_mass_near_modes", Arrays.stream(mass).sum());
    sanity.put("model_mass_per_mode_min_over_max",
        Arrays.stream(mass).min().orElse(0) / Arrays.stream(mass).max().orElse(1));
    sanity.put("samples_mean_energy", run.meanEnergyAtEnd());
    sanity.put("data_mean_energy", meanEnergy(manager, e, heldOut));
    sanity.put("chains", cfg.eval().chains());
    sanity.put("chain_steps", cfg.eval().chainSteps());
    summary.put("sanity", sanity);

    Map<String, Object> key = new LinkedHashMap<>();
    key.put("data lower energy than uniform (fraction of pairs)", fraction);
    key.put("same, untrained energy", untrainedFraction);
    key.put("modes covered by Langevin from noise", samples.covered() + " / " + d.modes());
    key.put("samples within " + fmt(cfg.eval().modeRadius()) + " sigma of a mode",
        samples.nearFraction());
    key.put("mean distance of samples to nearest mode", samples.meanDistance());
    key.put("mean distance of data to nearest mode", data.meanDistance());
    key.put("model mass near the modes (min/max over modes)", String.format(Locale.ROOT,
        "%.3f (%.3f)", sanity.get("model_mass_near_modes"),
        sanity.get("model_mass_per_mode_min_over_max")));
    key.put("final loss", last.get("loss_total"));
    return new LabOutcome(summary, key, figures);
  }

  private static String method(EightGaussiansConfig cfg) {
    EightGaussiansConfig.Cd c = cfg.cd();
    String loss = cfg.train().loss().equals("ml")
        ? "mean E(data) - mean E(negatives)"
        : cfg.train().loss() + " loss (parameter " + fmt(cfg.train().lossParameter())
            + ") over all data-negative pairs of the batch";
    return String.format(Locale.ROOT, "MLP energy %s (%s) trained by %s with %d Langevin steps"
            + " (step %s, noise %s%s)%s; loss %s + %s (mean E+^2 + mean E-^2); AdamW lr %s,"
            + " batch %d, %d steps",
        Arrays.toString(cfg.model().widths()), cfg.model().activation(),
        c.mode().equals("pcd") ? "persistent contrastive divergence" : "CD-k",
        c.langevinSteps(), fmt(c.stepSize()), fmt(c.noiseScale()),
        c.gradClip() > 0 ? ", gradient clip " + fmt(c.gradClip()) : "",
        c.mode().equals("pcd") ? String.format(Locale.ROOT,
            ", %d chains restarted uniform with probability %s", c.bufferSize(),
            fmt(c.reinitFraction())) : "",
        loss, fmt(cfg.train().energyL2()), fmt(cfg.train().learningRate()), cfg.train().batch(),
        cfg.train().steps());
  }

  private static void train(RunSession session, NDManager manager, Model model,
      EightGaussiansConfig cfg) {
    EightGaussiansConfig.Train t = cfg.train();
    TrainingLoop.Schedule schedule =
        new TrainingLoop.Schedule(PHASE, t.steps(), t.logEvery(), t.checkpointEvery());
    ContrastiveLoss margin = t.loss().equals("ml") ? null
        : ContrastiveLosses.of(t.loss(), t.lossParameter());
    boolean nll = t.loss().equals("nll");
    Energy e = model.energy();
    TrainingLoop.run(session, schedule, model, manager, (step, scope) -> {
      NDArray y = rows(scope, sample(cfg.data(), t.batch(),
          session.random().stream("data", step))); // [B, 2]
      // Langevin opens its own collectors and adds into the parameter gradients: sample first,
      // then clear the gradients in the training collector.
      NDArray neg = model.sampler.negatives(e, y, session.random().stream("negatives", step));
      double total;
      double main;
      double l2;
      double ePos;
      double eNeg;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.zeroGradients();
        NDArray pos = e.energy(y); // [B]
        NDArray negE = e.energy(neg); // [B]
        NDArray contrast;
        if (margin == null) {
          contrast = pos.mean().sub(negE.mean());
        } else {
          int b = t.batch();
          NDArray all = negE.reshape(1, b).broadcast(new Shape(b, b)); // [B, B]: every negative
          if (nll) { // the answer set of row i holds its data point and the batch's negatives
            all = NDArrays.concat(new NDList(pos.reshape(b, 1), all), 1); // [B, B + 1]
          }
          contrast = margin.loss(pos, all);
        }
        NDArray reg = pos.square().mean().add(negE.square().mean()).mul((float) t.energyL2());
        NDArray loss = contrast.add(reg);
        gc.backward(loss);
        total = loss.getFloat();
        main = contrast.getFloat();
        l2 = reg.getFloat();
        ePos = pos.mean().getFloat();
        eNeg = negE.mean().getFloat();
      }
      double gradNorm = model.optimizer.step(t.learningRate());
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("loss/total", total);
      m.put("loss/contrastive", main);
      m.put("loss/energy_l2", l2);
      m.put("energy/positive", ePos);
      m.put("energy/negative", eNeg);
      m.put("grad_norm", gradNorm);
      return m;
    });
  }

  /** The final row of the training metrics (also after a resume), without the timing. */
  private static Map<String, Double> lastMetrics(RunSession session) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String k : List.of("loss/total", "loss/contrastive", "loss/energy_l2", "energy/positive",
        "energy/negative")) {
      List<double[]> xy = LabMetrics.series(session.dir().metrics(), PHASE, k);
      out.put(k.replace('/', '_'), xy.isEmpty() ? Double.NaN : xy.get(xy.size() - 1)[1]);
    }
    return out;
  }

  /** {@code n} samples of the mixture, each a mode chosen uniformly plus N(0, σ² I) noise. */
  static double[][] sample(EightGaussiansConfig.Data d, int n, SplittableRandom rng) {
    double[][] centres = centres(d);
    double[][] y = new double[n][2];
    for (int i = 0; i < n; i++) {
      int k = rng.nextInt(d.modes());
      float[] eps = HostRandom.normal(rng, 2);
      y[i][0] = centres[k][0] + d.std() * eps[0];
      y[i][1] = centres[k][1] + d.std() * eps[1];
    }
    return y;
  }

  /** The K mode centres r (cos 2πk/K, sin 2πk/K). */
  static double[][] centres(EightGaussiansConfig.Data d) {
    double[][] c = new double[d.modes()][2];
    for (int k = 0; k < d.modes(); k++) {
      double a = 2 * Math.PI * k / d.modes();
      c[k][0] = d.radius() * StrictMath.cos(a);
      c[k][1] = d.radius() * StrictMath.sin(a);
    }
    return c;
  }

  private static double[][] uniform(EightGaussiansConfig.Data d, int n, SplittableRandom rng) {
    float[] u = HostRandom.uniform(rng, 2 * n, -d.box(), d.box());
    double[][] y = new double[n][2];
    for (int i = 0; i < n; i++) {
      y[i][0] = u[2 * i];
      y[i][1] = u[2 * i + 1];
    }
    return y;
  }

  private static NDArray rows(NDManager m, double[][] y) {
    float[] flat = new float[y.length * 2];
    for (int i = 0; i < y.length; i++) {
      flat[2 * i] = (float) y[i][0];
      flat[2 * i + 1] = (float) y[i][1];
    }
    return m.create(flat, new Shape(y.length, 2));
  }

  private static double[][] points(float[] flat) {
    double[][] y = new double[flat.length / 2][2];
    for (int i = 0; i < y.length; i++) {
      y[i][0] = flat[2 * i];
      y[i][1] = flat[2 * i + 1];
    }
    return y;
  }

  /** Fraction of pairs i with E(data_i) &lt; E(uniform_i); ties count one half. */
  static double lowerEnergyFraction(NDManager manager, Energy e, double[][] data,
      double[][] uniform) {
    try (NDManager m = manager.newSubManager()) {
      float[] a = e.energy(rows(m, data)).toFloatArray();
      float[] b = e.energy(rows(m, uniform)).toFloatArray();
      double wins = 0;
      for (int i = 0; i < a.length; i++) {
        wins += a[i] < b[i] ? 1 : a[i] == b[i] ? 0.5 : 0;
      }
      return wins / a.length;
    }
  }

  private static double meanEnergy(NDManager manager, Energy e, double[][] y) {
    try (NDManager m = manager.newSubManager()) {
      return e.energy(rows(m, y)).mean().getFloat();
    }
  }

  private static float[] energies(NDManager manager, Energy e, Grid2d box) {
    try (NDManager m = manager.newSubManager()) {
      return e.energy(box.points(m)).toFloatArray();
    }
  }

  /** Long Langevin runs from uniform noise, and the chains' mean energy per step. */
  record LongRun(double[][] samples, double[] meanEnergy, double meanEnergyAtEnd) {}

  private static LongRun longRun(NDManager manager, Energy e, EightGaussiansConfig cfg,
      RandomStreams random) {
    EightGaussiansConfig.Data d = cfg.data();
    LangevinSampler sampler =
        new LangevinSampler(cfg.cd().langevin(cfg.eval().chainSteps(), d.box()));
    try (NDManager m = manager.newSubManager()) {
      NDArray init = rows(m, uniform(d, cfg.eval().chains(), random.stream("chains_init")));
      LangevinResult r = sampler.sample(e, init, random.stream("chains"));
      double end = e.energy(r.samples()).mean().getFloat();
      return new LongRun(points(r.samples().toFloatArray()), r.meanEnergy(), end);
    }
  }

  /**
   * Negatives at the end of training: up to {@code shown_points} of the persistent chains (pcd), or
   * CD-k negatives started at held-out data (cd).
   */
  private static double[][] finalNegatives(NDManager manager, Model model, double[][] heldOut,
      EightGaussiansConfig cfg, RandomStreams random) {
    int shown = cfg.eval().shownPoints();
    if (cfg.cd().mode().equals("pcd")) {
      double[][] chains = points(model.sampler.exportBuffer());
      return Arrays.copyOf(chains, Math.min(shown, chains.length));
    }
    try (NDManager m = manager.newSubManager()) {
      NDArray start = rows(m, Arrays.copyOf(heldOut, Math.min(shown, heldOut.length)));
      return points(model.sampler.negatives(model.energy(), start,
          random.stream("eval_negatives")).toFloatArray());
    }
  }

  /** Where samples land relative to the modes. */
  record ModeStats(int[] counts, int covered, double nearFraction, double meanDistance) {
    static ModeStats of(EightGaussiansConfig.Data d, double[][] y, EightGaussiansConfig.Eval ev) {
      double[][] c = centres(d);
      int[] counts = new int[c.length];
      double radius = ev.modeRadius() * d.std();
      double sum = 0;
      int near = 0;
      for (double[] p : y) {
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int k = 0; k < c.length; k++) {
          double dist = StrictMath.hypot(p[0] - c[k][0], p[1] - c[k][1]);
          if (dist < bestDist) {
            bestDist = dist;
            best = k;
          }
        }
        sum += bestDist;
        if (bestDist <= radius) {
          counts[best]++;
          near++;
        }
      }
      int covered = 0;
      for (int n : counts) {
        if (n > 0 && n >= ev.minModeFraction() * y.length) {
          covered++;
        }
      }
      return new ModeStats(counts, covered, (double) near / y.length, sum / y.length);
    }

    List<Integer> countList() {
      return Arrays.stream(counts).boxed().toList();
    }
  }

  private static DrawnFigure drawEnergy(RunSession s, EightGaussiansConfig cfg, Grid2d box,
      float[] grid, double[][] data, double[][] negatives) throws IOException {
    float min = Float.POSITIVE_INFINITY;
    for (float v : grid) {
      min = Math.min(min, v);
    }
    float[] shifted = new float[grid.length];
    for (int i = 0; i < grid.length; i++) {
      shifted[i] = grid[i] - min;
    }
    int shown = Math.min(cfg.eval().shownPoints(), data.length);
    String negLabel = cfg.cd().mode().equals("pcd") ? "persistent chains" : "CD-k negatives";
    box.heatMap(box.field(shifted))
        .optTitle("Learned energy E(y) - min E (log colour scale)")
        .optXLabel("y1").optYLabel("y2").optColorbarLabel("E - min E").optLogScale(true)
        .optEqualAspect(true).optSize(720, 600)
        .addPoints("data", Arrays.copyOf(data, shown), new Color(255, 255, 255),
            Marker.CIRCLE)
        .addPoints(negLabel, negatives, new Color(240, 60, 60), Marker.CROSS)
        .build().savePng(s.dir().figure("energy.png"));
    return new DrawnFigure("energy.png", "The learned energy over the box: eight low basins at the"
        + " modes. White discs: " + shown + " held-out data points; red crosses: "
        + negatives.length + " " + negLabel + " at the end of training.");
  }

  /**
   * The model density p(y) = exp(-E(y)) / Z on the grid cells, Z = sum_cells exp(-E) * cell area
   * (the mass outside the box is ignored).
   */
  static double[] density(Grid2d box, float[] energies) {
    float min = Float.POSITIVE_INFINITY;
    for (float v : energies) {
      min = Math.min(min, v);
    }
    double cell = (box.xmax() - box.xmin()) * (box.ymax() - box.ymin()) / energies.length;
    double z = 0;
    double[] p = new double[energies.length];
    for (int i = 0; i < energies.length; i++) {
      p[i] = StrictMath.exp(-(energies[i] - min)); // shifted: exp stays finite; Z absorbs the shift
      z += p[i] * cell;
    }
    for (int i = 0; i < energies.length; i++) {
      p[i] /= z;
    }
    return p;
  }

  /** The model's probability mass within {@code radius} std of each mode centre. */
  static double[] massPerMode(EightGaussiansConfig.Data d, Grid2d box, double[] p,
      double radius) {
    double[][] c = centres(d);
    double[] xs = HeatMap.cellCenters(box.xmin(), box.xmax(), box.nx());
    double[] ys = HeatMap.cellCenters(box.ymin(), box.ymax(), box.ny());
    double cell = (box.xmax() - box.xmin()) * (box.ymax() - box.ymin()) / p.length;
    double[] mass = new double[c.length];
    for (int j = 0; j < box.ny(); j++) {
      for (int i = 0; i < box.nx(); i++) {
        for (int k = 0; k < c.length; k++) {
          if (StrictMath.hypot(xs[i] - c[k][0], ys[j] - c[k][1]) <= radius * d.std()) {
            mass[k] += p[j * box.nx() + i] * cell;
          }
        }
      }
    }
    return mass;
  }

  private static DrawnFigure drawDensity(RunSession s, EightGaussiansConfig cfg, Grid2d box,
      double[] density, double[] mass) throws IOException {
    float[] p = new float[density.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = (float) density[i];
    }
    double[][] c = centres(cfg.data());
    box.heatMap(box.field(p))
        .optTitle("Model density exp(-E(y)) / Z, normalized on the grid")
        .optXLabel("y1").optYLabel("y2").optColorbarLabel("p(y)").optEqualAspect(true)
        .optSize(720, 600)
        .addPoints("true mode centres", c, new Color(255, 90, 90), Marker.PLUS)
        .build().savePng(s.dir().figure("density.png"));
    double lo = Arrays.stream(mass).min().orElse(0);
    double hi = Arrays.stream(mass).max().orElse(0);
    return new DrawnFigure("density.png", String.format(Locale.ROOT, "The model density exp(-E)"
        + " normalized over the box, with the true centres (+). Within %s sigma of a centre the"
        + " modes hold %.3f to %.3f of the mass (the data: 1/%d each). Chains of a few Langevin"
        + " steps rarely cross the barriers between modes, so contrastive divergence fixes the"
        + " shape of each basin but only loosely the relative depth of the basins.",
        fmt(cfg.eval().modeRadius()), lo, hi, cfg.data().modes()));
  }

  private static DrawnFigure drawTraining(RunSession s) throws IOException {
    LineChart.Builder chart = LineChart.builder()
        .optTitle("Training: mean energies of data and negatives, and the loss")
        .optXLabel("step").optYLabel("value (moving average)").optSize(720, 440);
    int window = 1;
    for (String[] k : new String[][] {{"energy/positive", "mean E(data)"},
        {"energy/negative", "mean E(negatives)"}, {"loss/total", "loss"}}) {
      List<double[]> xy = LabMetrics.series(s.dir().metrics(), PHASE, k[0]);
      if (!xy.isEmpty()) {
        window = Math.max(1, xy.size() / 40);
        chart.addSeries(k[1], xy.stream().mapToDouble(p -> p[0]).toArray(),
            movingAverage(xy.stream().mapToDouble(p -> p[1]).toArray(), window));
      }
    }
    chart.build().savePng(s.dir().figure("training.png"));
    return new DrawnFigure("training.png", "Mean energy of the data batch (E+) and of the"
        + " negatives (E-), and the total loss, as trailing means over " + window + " logged"
        + " steps. The loss is about E+ - E-: negative while the data sit lower than the chains,"
        + " near zero once the chains have caught up with the energy's basins.");
  }

  /** Trailing mean over up to {@code window} values ending at each index. */
  static double[] movingAverage(double[] v, int window) {
    double[] out = new double[v.length];
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      sum += v[i];
      if (i >= window) {
        sum -= v[i - window];
      }
      out[i] = sum / Math.min(i + 1, window);
    }
    return out;
  }

  private static DrawnFigure drawSamples(RunSession s, EightGaussiansConfig cfg, double[][] data,
      double[][] samples) throws IOException {
    int shown = Math.min(cfg.eval().shownPoints(), data.length);
    int shownSamples = Math.min(cfg.eval().shownPoints(), samples.length);
    ScatterChart.builder()
        .optTitle("Langevin from uniform noise (" + cfg.eval().chainSteps() + " steps) vs data")
        .optXLabel("y1").optYLabel("y2").optEqualAspect(true).optSize(640, 640).optMarkerSize(4)
        .addPoints("held-out data", Arrays.copyOf(data, shown), Marker.CIRCLE)
        .addPoints("Langevin samples", Arrays.copyOf(samples, shownSamples),
            Marker.CROSS)
        .build().savePng(s.dir().figure("samples.png"));
    return new DrawnFigure("samples.png", shownSamples + " of " + samples.length + " Langevin"
        + " chains started uniform in the box and run " + cfg.eval().chainSteps()
        + " steps on the learned energy, with " + shown + " held-out data points.");
  }

  private static DrawnFigure drawChainEnergy(RunSession s, double[] trace, double dataEnergy)
      throws IOException {
    double[] x = new double[trace.length];
    double[] level = new double[trace.length];
    for (int i = 0; i < trace.length; i++) {
      x[i] = i;
      level[i] = dataEnergy;
    }
    LineChart.Builder chart = LineChart.builder()
        .optTitle("Long Langevin runs from noise: mean energy per step")
        .optXLabel("Langevin step").optYLabel("mean E").optSize(640, 400);
    if (trace.length > 0) {
      chart.addSeries("chains from uniform noise", x, trace)
          .addSeries("held-out data", x, level);
    } else {
      chart.addSeries("held-out data", new double[] {0}, new double[] {dataEnergy});
    }
    chart.build().savePng(s.dir().figure("chain_energy.png"));
    return new DrawnFigure("chain_energy.png", "The chains' mean energy falls from that of"
        + " uniform noise to about that of the data as they settle in the basins.");
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
