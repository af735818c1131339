package ai.craik.lab;

import ai.craik.ebm.DiscreteLatentInference;
import ai.craik.ebm.GradientMinimizer;
import ai.craik.ebm.LatentEnergy;
import ai.craik.ebm.LatentEstimate;
import ai.craik.ebm.LatentGrid;
import ai.craik.ebm.MinimizerConfig;
import ai.craik.ebm.ReconstructionEnergy;
import ai.craik.engine.HostRandom;
import ai.craik.lab.LabOutcome.DrawnFigure;
import ai.craik.nn.Parameters;
import ai.craik.report.HeatMap;
import ai.craik.report.LineChart;
import ai.craik.report.Marker;
import ai.craik.report.ScatterChart;
import ai.craik.run.RunSession;
import ai.craik.train.TrainableState;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The ellipse: the classic example of an energy-based model with a latent variable.
 *
 * <pre>
 *   data      y_i = (w1 cos z_i, w2 sin z_i) + 0.05 ε,  z_i = 2π (i + φ) / 24, w = (2, 1.5), x = 0
 *   energy    E(y, z) = ||y − g_w(z)||²,  g_w(z) = (w1 cos z, w2 sin z),  z on a K-angle grid
 *   free      F_inf(y) = min_z E(y, z);   F_β(y) = −(1/β) log( (1/K) Σ_k exp(−β E(y, z_k)) )
 *   learning  w ← argmin_w mean_i F(y_i), by Adam from a poor start, at β = ∞ and at a finite β
 * </pre>
 *
 * <p>At β = ∞ the training latent ž of each point is the best grid angle refined by a few steps of
 * gradient descent on z: with the grid alone, the quantization error of the angle (up to half a grid
 * step, 0.13 in y for K = 48) exceeds the data noise and biases the learned axes by several
 * hundredths. The probes and figures use the grid, as the problem defines F.
 *
 * <p>At zero temperature the learned w recovers the true axes; at a finite temperature the free
 * energy also averages over the wrong angles, which pulls the learned ellipse inwards (at β → 0,
 * F_β → mean_z E, minimized by w = 0). The figures show the data, E as a function of z, the
 * zero-temperature free energy with its −∇F field, the cross-section F_β(0, y2) at several
 * temperatures, and the learned manifolds.
 */
public final class EllipseProblem implements LabProblem<EllipseConfig> {
  /** Probe points of the summary, with the true w: F_inf and F_β at each. */
  static final double[][] PROBES = {{0, 0}, {0, 1}, {0, 1.5}, {3, 0}};
  private static final Color DATA_COLOR = new Color(230, 60, 60);

  @Override
  public String name() {
    return "ellipse";
  }

  @Override
  public String description() {
    return "A latent-variable energy-based model: noisy points on an ellipse, an angular latent z"
        + " on a grid, the energy E(y, z) = ||y - g(z)||^2 and its free energy, at zero and finite"
        + " temperature. The semi-axes w of g are learned from a poor start by minimizing the free"
        + " energy of the data.";
  }

  @Override
  public Class<EllipseConfig> configType() {
    return EllipseConfig.class;
  }

  /** g_w(z) = w ⊙ (cos z, sin z) for z [B, 1] and w [2]; the result lives in z's manager. */
  static LatentEnergy energy(NDArray w) {
    return new ReconstructionEnergy(
        (x, z) -> NDArrays.concat(new NDList(z.cos(), z.sin()), 1).mul(w), 1);
  }

  /** Trainable (w1, w2) with their optimizer. */
  static TrainableState axes(NDManager manager, List<Double> init) {
    Parameters params = new Parameters(manager);
    params.add("w", new float[] {init.get(0).floatValue(), init.get(1).floatValue()},
        new Shape(2));
    return TrainableState.adam(params);
  }

  private static NDArray w(TrainableState axes) {
    return axes.params().get("w");
  }

  private static double[] values(TrainableState axes) {
    float[] w = w(axes).toFloatArray();
    return new double[] {w[0], w[1]};
  }

  @Override
  public LabOutcome run(EllipseConfig cfg, RunSession session, NDManager manager) {
    double[][] data = sample(cfg.data(), session.random().stream("data"));
    LatentGrid grid = LatentGrid.angles(cfg.latent().grid());
    double[] trueW = {cfg.data().w().get(0), cfg.data().w().get(1)};
    List<Double> betas = cfg.eval().betas();

    List<Map<String, Object>> probes = probes(manager, trueW, grid, betas);

    TrainableState zero = axes(manager, cfg.train().initW());
    double lossZero = train(session, manager, "train_zero_temperature", zero, data, grid,
        Double.POSITIVE_INFINITY, cfg.train());
    TrainableState warm = axes(manager, cfg.train().initW());
    double lossBeta = train(session, manager, "train_finite_temperature", warm, data, grid,
        cfg.train().beta(), cfg.train());
    double[] learned = values(zero);
    double[] learnedBeta = values(warm);

    List<DrawnFigure> figures = new ArrayList<>();
    try {
      figures.add(drawData(session, data, trueW));
      figures.add(drawEnergyVersusZ(session, manager, data, trueW, grid));
      figures.add(drawZeroTemperatureField(session, manager, cfg, data, trueW, grid));
      figures.add(drawCrossSection(session, manager, trueW, grid, betas));
      figures.add(drawTraining(session));
      figures.add(drawLearned(session, manager, cfg, data, grid, trueW, learned, learnedBeta));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write figures in " + session.dir().figures(), e);
    }

    double dataFreeEnergyTrue = meanFreeEnergy(manager, trueW, data, grid);
    double dataFreeEnergyLearned = meanFreeEnergy(manager, learned, data, grid);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("problem", name());
    summary.put("method", "latent-variable EBM E(y,z)=||y-g_w(z)||^2 with z on a "
        + grid.size() + "-angle grid; w learned by Adam on the mean free energy of the data, at"
        + " zero temperature (learned_w) and at beta=" + cfg.train().beta()
        + " (learned_w_finite_temperature)");
    summary.put("probes", probes);
    summary.put("learned_w", List.of(learned[0], learned[1]));
    summary.put("learned_w_finite_temperature", List.of(learnedBeta[0], learnedBeta[1]));
    summary.put("true_w", List.of(trueW[0], trueW[1]));
    summary.put("init_w", cfg.train().initW());
    summary.put("losses", Map.of(
        "zero_temperature_mean_free_energy", lossZero,
        "finite_temperature_mean_free_energy", lossBeta));
    Map<String, Object> sanity = new LinkedHashMap<>();
    sanity.put("data_points", data.length);
    sanity.put("data_mean_F_inf_true_w", dataFreeEnergyTrue);
    sanity.put("data_mean_F_inf_learned_w", dataFreeEnergyLearned);
    sanity.put("learned_w_error", Math.max(Math.abs(learned[0] - trueW[0]),
        Math.abs(learned[1] - trueW[1])));
    summary.put("sanity", sanity);

    Map<String, Object> key = new LinkedHashMap<>();
    key.put("learned w (zero temperature)", fmt(learned));
    key.put("learned w (beta=" + cfg.train().beta() + ")", fmt(learnedBeta));
    key.put("true w", fmt(trueW));
    for (Map<String, Object> p : probes) {
      key.put("F_inf" + p.get("y"), p.get("F_inf"));
    }
    key.put("mean F_inf of the data (true w)", dataFreeEnergyTrue);
    return new LabOutcome(summary, key, figures);
  }

  /**
   * Noisy points on the true ellipse, drawn from the {@code data} stream: angles evenly spaced
   * (z_i = 2π (i + φ) / N with one random phase φ, as the classic demonstration samples the curve
   * uniformly), plus Gaussian noise on each coordinate.
   */
  static double[][] sample(EllipseConfig.Data d, SplittableRandom rng) {
    double[][] y = new double[d.points()][2];
    double phase = rng.nextDouble();
    float[] noise = HostRandom.normal(rng, 2 * d.points());
    for (int i = 0; i < d.points(); i++) {
      double z = 2 * Math.PI * (i + phase) / d.points();
      y[i][0] = d.w().get(0) * StrictMath.cos(z) + d.noise() * noise[2 * i];
      y[i][1] = d.w().get(1) * StrictMath.sin(z) + d.noise() * noise[2 * i + 1];
    }
    return y;
  }


  private static NDArray none(NDManager m, long rows) {
    return m.zeros(new Shape(rows, 0));
  }

  /** Free energies [B] of points y [B, 2] under axes w, at inverse temperature beta. */
  private static NDArray freeEnergy(NDManager m, double[] w, NDArray y, LatentGrid grid,
      double beta) {
    NDArray wa = m.create(new float[] {(float) w[0], (float) w[1]});
    return DiscreteLatentInference.freeEnergy(energy(wa), none(m, y.getShape().get(0)), y, grid,
        beta);
  }

  private static List<Map<String, Object>> probes(NDManager manager, double[] w, LatentGrid grid,
      List<Double> betas) {
    try (NDManager m = manager.newSubManager()) {
      NDArray y = Points.rows(m, PROBES);
      float[] inf = freeEnergy(m, w, y, grid, Double.POSITIVE_INFINITY).toFloatArray();
      Map<Double, float[]> byBeta = new LinkedHashMap<>();
      for (double b : betas) {
        byBeta.put(b, freeEnergy(m, w, y, grid, b).toFloatArray());
      }
      List<Map<String, Object>> out = new ArrayList<>();
      for (int i = 0; i < PROBES.length; i++) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("y", List.of(PROBES[i][0], PROBES[i][1]));
        p.put("F_inf", (double) inf[i]);
        Map<String, Object> fb = new LinkedHashMap<>();
        for (Map.Entry<Double, float[]> e : byBeta.entrySet()) {
          fb.put(betaKey(e.getKey()), (double) e.getValue()[i]);
        }
        p.put("F_beta", fb);
        out.add(p);
      }
      return out;
    }
  }

  /** "0.1", "1", "3.2", "10": the shortest decimal text of beta. */
  static String betaKey(double beta) {
    return beta == Math.rint(beta) ? Long.toString((long) beta)
        : java.math.BigDecimal.valueOf(beta).stripTrailingZeros().toPlainString();
  }

  private static double train(RunSession session, NDManager manager, String phase, TrainableState axes,
      double[][] data, LatentGrid grid, double beta, EllipseConfig.Train t) {
    TrainingLoop.Schedule schedule =
        new TrainingLoop.Schedule(phase, t.steps(), t.logEvery(), t.checkpointEvery());
    double[] last = {Double.NaN};
    GradientMinimizer refiner = t.refineSteps() > 0
        ? new GradientMinimizer(MinimizerConfig.gd(t.refineSteps(), t.refineLearningRate())) : null;
    boolean refine = refiner != null && beta == Double.POSITIVE_INFINITY;
    TrainingLoop.run(session, schedule, axes, manager, (step, scope) -> {
      NDArray y = Points.rows(scope, data);
      NDArray x = none(scope, data.length);
      NDArray zHat = refine ? refinedLatents(scope, axes, x, y, grid, refiner) : null;
      double loss;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.zeroGradients();
        NDArray f = refine
            ? energy(w(axes)).energy(x, y, zHat).mean()
            : DiscreteLatentInference.freeEnergy(energy(w(axes)), x, y, grid, beta).mean();
        loss = f.getFloat();
        gc.backward(f);
      }
      double gradNorm = axes.optimizer().step(t.learningRate());
      double[] w = values(axes);
      last[0] = loss;
      Map<String, Double> metrics = new LinkedHashMap<>();
      metrics.put("loss/free_energy", loss);
      metrics.put("w1", w[0]);
      metrics.put("w2", w[1]);
      metrics.put("grad_norm", gradNorm);
      return metrics;
    });
    if (Double.isNaN(last[0])) { // resumed after the phase had finished: evaluate once
      last[0] = meanFreeEnergyAt(manager, values(axes), data, grid, beta);
    }
    return last[0];
  }

  /**
   * ž per data point at the current w: the best grid angle, refined by gradient descent on z (w held
   * constant). By the envelope theorem dF_inf/dw = ∂E/∂w at ž, so ž needs no gradient.
   */
  private static NDArray refinedLatents(NDManager scope, TrainableState axes, NDArray x, NDArray y,
      LatentGrid grid, GradientMinimizer refiner) {
    NDArray w = scope.create(w(axes).toFloatArray());
    LatentEnergy fixed = energy(w);
    LatentEstimate start = DiscreteLatentInference.infer(fixed, x, y, grid);
    return refiner.minimize(z -> fixed.energy(x, y, z), start.z()).points();
  }

  private static double meanFreeEnergy(NDManager manager, double[] w, double[][] data,
      LatentGrid grid) {
    return meanFreeEnergyAt(manager, w, data, grid, Double.POSITIVE_INFINITY);
  }

  private static double meanFreeEnergyAt(NDManager manager, double[] w, double[][] data,
      LatentGrid grid, double beta) {
    try (NDManager m = manager.newSubManager()) {
      return freeEnergy(m, w, Points.rows(m, data), grid, beta).mean().getFloat();
    }
  }


  private static DrawnFigure drawData(RunSession s, double[][] data, double[] w)
      throws IOException {
    ScatterChart.builder()
        .optTitle("Data: 24 noisy points on the ellipse")
        .optXLabel("y1").optYLabel("y2").optEqualAspect(true).optSize(640, 480)
        .addPoints("true manifold g(z)", ellipseX(w[0], w[1]), ellipseY(w[0], w[1]),
            Marker.CROSS)
        .addPoints("data y", Points.column(data, 0), Points.column(data, 1), Marker.CIRCLE)
        .build().savePng(s.dir().figure("data.png"));
    return new DrawnFigure("data.png", "The observed points y and the true manifold"
        + " {(w1 cos z, w2 sin z)}.");
  }

  private static DrawnFigure drawEnergyVersusZ(RunSession s, NDManager manager, double[][] data,
      double[] w, LatentGrid grid) throws IOException {
    int k = grid.size();
    double[] z = new double[k];
    for (int i = 0; i < k; i++) {
      z[i] = grid.point(i)[0];
    }
    LineChart.Builder chart = LineChart.builder()
        .optTitle("E(y, z) as a function of the latent z for four data points")
        .optXLabel("z (radians)").optYLabel("E(y, z)").optSize(640, 420);
    try (NDManager m = manager.newSubManager()) {
      NDArray wa = m.create(new float[] {(float) w[0], (float) w[1]});
      int shown = Math.min(4, data.length);
      double[][] few = java.util.Arrays.copyOf(data, shown);
      float[] e = DiscreteLatentInference.energies(energy(wa), none(m, shown), Points.rows(m, few), grid)
          .toFloatArray();
      for (int i = 0; i < shown; i++) {
        double[] row = new double[k];
        for (int j = 0; j < k; j++) {
          row[j] = e[i * k + j];
        }
        chart.addSeries(String.format(Locale.ROOT, "y = (%.2f, %.2f)", few[i][0], few[i][1]), z,
            row);
      }
    }
    chart.build().savePng(s.dir().figure("energy_vs_z.png"));
    return new DrawnFigure("energy_vs_z.png", "E(y, z) over the latent grid for a few samples:"
        + " each has one deep minimum at its angle; F_inf(y) is that minimum.");
  }

  private static DrawnFigure drawZeroTemperatureField(RunSession s, NDManager manager,
      EllipseConfig cfg, double[][] data, double[] w, LatentGrid grid) throws IOException {
    Grid2d box = new Grid2d(-3, 3, -2, 2, cfg.eval().gridX(), cfg.eval().gridY());
    Grid2d arrows = new Grid2d(-3, 3, -2, 2, 24, 16);
    double[][] field;
    double[][] u;
    double[][] v;
    try (NDManager m = manager.newSubManager()) {
      field = box.field(freeEnergy(m, w, box.points(m), grid, Double.POSITIVE_INFINITY)
          .toFloatArray());
      // −∇F_inf(y) = 2 (g(ž) − y) by the envelope theorem (ž is the minimizing latent).
      NDArray y = arrows.points(m);
      NDArray wa = m.create(new float[] {(float) w[0], (float) w[1]});
      LatentEstimate est = DiscreteLatentInference.infer(energy(wa), none(m, y.getShape().get(0)),
          y, grid);
      NDArray g = NDArrays.concat(new NDList(est.z().cos(), est.z().sin()), 1).mul(wa);
      float[] d = g.sub(y).mul(2).toFloatArray();
      u = new double[arrows.ny()][arrows.nx()];
      v = new double[arrows.ny()][arrows.nx()];
      for (int j = 0; j < arrows.ny(); j++) {
        for (int i = 0; i < arrows.nx(); i++) {
          u[j][i] = d[2 * (j * arrows.nx() + i)];
          v[j][i] = d[2 * (j * arrows.nx() + i) + 1];
        }
      }
    }
    box.heatMap(field)
        .optTitle("Zero-temperature free energy F_inf(y) = min_z E(y, z), arrows -grad F")
        .optXLabel("y1").optYLabel("y2").optColorbarLabel("F_inf").optEqualAspect(true)
        .optSize(760, 520)
        .addQuiver(u, v)
        .addPolyline("true manifold", ellipseX(w[0], w[1]), ellipseY(w[0], w[1]),
            Color.WHITE, true)
        .addPoints("data", Points.column(data, 0), Points.column(data, 1), DATA_COLOR,
            Marker.CIRCLE)
        .build().savePng(s.dir().figure("free_energy_zero_temperature.png"));
    return new DrawnFigure("free_energy_zero_temperature.png", "F_inf over [-3, 3] x [-2, 2]:"
        + " zero on the manifold, growing as the squared distance to it; the arrows -grad F point"
        + " to the closest point of the manifold (gradient descent on F is inference of y).");
  }

  private static DrawnFigure drawCrossSection(RunSession s, NDManager manager, double[] w,
      LatentGrid grid, List<Double> betas) throws IOException {
    int n = 201;
    double[] y2 = new double[n];
    double[][] pts = new double[n][2];
    for (int i = 0; i < n; i++) {
      y2[i] = -2 + 4.0 * i / (n - 1);
      pts[i] = new double[] {0, y2[i]};
    }
    LineChart.Builder chart = LineChart.builder()
        .optTitle("Cross-section F_beta(0, y2) at several inverse temperatures")
        .optXLabel("y2").optYLabel("F_beta(0, y2)").optSize(640, 420);
    List<Double> all = new ArrayList<>(betas);
    all.add(Double.POSITIVE_INFINITY);
    try (NDManager m = manager.newSubManager()) {
      NDArray y = Points.rows(m, pts);
      for (double b : all) {
        float[] f = freeEnergy(m, w, y, grid, b).toFloatArray();
        double[] series = new double[n];
        for (int i = 0; i < n; i++) {
          series[i] = f[i];
        }
        chart.addSeries(b == Double.POSITIVE_INFINITY ? "beta = inf" : "beta = " + betaKey(b), y2,
            series);
      }
    }
    chart.build().savePng(s.dir().figure("free_energy_cross_section.png"));
    return new DrawnFigure("free_energy_cross_section.png", "F_beta(0, y2): at beta = inf two"
        + " sharp wells at y2 = ±w2 = ±1.5; as the temperature rises the free energy becomes smooth"
        + " and tends to the mean of E over z, a single bowl centred at 0.");
  }

  private static DrawnFigure drawTraining(RunSession s) throws IOException {
    LineChart.Builder chart = LineChart.builder()
        .optTitle("Learning w: mean free energy of the data")
        .optXLabel("step").optYLabel("mean F(y)").optLogY(true).optSize(640, 420);
    for (String phase : List.of("train_zero_temperature", "train_finite_temperature")) {
      List<double[]> xy = LabMetrics.series(s.dir().metrics(), phase, "loss/free_energy");
      if (!xy.isEmpty()) {
        chart.addSeries(phase.replace("train_", "").replace('_', ' '),
            xy.stream().mapToDouble(p -> p[0]).toArray(),
            xy.stream().mapToDouble(p -> Math.max(p[1], 1e-6)).toArray());
      }
    }
    chart.build().savePng(s.dir().figure("training.png"));
    return new DrawnFigure("training.png", "Training curves of both phases (log scale).");
  }

  private static DrawnFigure drawLearned(RunSession s, NDManager manager, EllipseConfig cfg,
      double[][] data, LatentGrid grid, double[] trueW, double[] learned, double[] learnedBeta)
      throws IOException {
    Grid2d box = new Grid2d(-3, 3, -2, 2, cfg.eval().gridX(), cfg.eval().gridY());
    double[][] field;
    try (NDManager m = manager.newSubManager()) {
      field = box.field(freeEnergy(m, learned, box.points(m), grid, Double.POSITIVE_INFINITY)
          .toFloatArray());
    }
    double[] init = {cfg.train().initW().get(0), cfg.train().initW().get(1)};
    box.heatMap(field)
        .optTitle("Learned manifolds; colour: learned F_inf")
        .optXLabel("y1").optYLabel("y2").optColorbarLabel("F_inf").optEqualAspect(true)
        .optSize(760, 520)
        .addPolyline("start " + fmt(init), ellipseX(init[0], init[1]), ellipseY(init[0], init[1]),
            Color.LIGHT_GRAY, true)
        .addPolyline("learned, beta=inf " + fmt(learned), ellipseX(learned[0], learned[1]),
            ellipseY(learned[0], learned[1]), Color.WHITE, true)
        .addPolyline("learned, beta=" + betaKey(cfg.train().beta()) + " " + fmt(learnedBeta),
            ellipseX(learnedBeta[0], learnedBeta[1]), ellipseY(learnedBeta[0], learnedBeta[1]),
            new Color(255, 170, 0), true)
        .addPoints("data", Points.column(data, 0), Points.column(data, 1), DATA_COLOR,
            Marker.CIRCLE)
        .build().savePng(s.dir().figure("learned_manifold.png"));
    return new DrawnFigure("learned_manifold.png", "From the start " + fmt(init) + ", minimizing the"
        + " zero-temperature free energy recovers the true axes " + fmt(trueW) + "; at finite"
        + " temperature the learned ellipse is pulled inwards.");
  }


  /** x coordinates of the centred ellipse with semi-axes (a, b), for drawing. */
  private static double[] ellipseX(double a, double b) {
    return Points.ellipse(0, 0, a, b, 200)[0];
  }

  /** y coordinates of the centred ellipse with semi-axes (a, b), for drawing. */
  private static double[] ellipseY(double a, double b) {
    return Points.ellipse(0, 0, a, b, 200)[1];
  }

  static String fmt(double[] w) {
    return String.format(Locale.ROOT, "(%.3f, %.3f)", w[0], w[1]);
  }
}
