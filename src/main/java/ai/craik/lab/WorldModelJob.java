package ai.craik.lab;

import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsRenderer;
import ai.craik.lab.LabOutcome.DrawnFigure;
import ai.craik.report.GifWriter;
import ai.craik.report.LineChart;
import ai.craik.report.TwoRoomsFigures;
import ai.craik.run.MetricsLog;
import ai.craik.run.RunSession;
import ai.craik.train.TrainedWorldModel;
import ai.craik.train.TrainingLoop;
import ai.craik.train.UnrollEvaluation;
import ai.craik.train.WallIndicators;
import ai.craik.train.WorldModelConfig;
import ai.craik.train.WorldModelTrainer;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code craik train world-model}: trains a JEPA world model of Two Rooms from random play (see
 * {@link WorldModelTrainer}), evaluates it on held-out windows and draws the run: loss curves, the
 * collapse monitor, probe and unroll errors, and GIFs of true versus imagined trajectories. Then,
 * unless {@code distance.steps} is 0, the {@link DistancePhase} in the same run folder.
 */
public final class WorldModelJob implements LabProblem<WorldModelConfig> {
  private static final String PHASE = TrainedWorldModel.PHASE;

  @Override
  public String name() {
    return "world-model";
  }

  /** The built-in preset of {@code craik train world-model}. */
  public static final String QUICK = "two-rooms-quick";
  /** The random-layout preset: the quick preset with configs/two-rooms-random.yaml over it. */
  public static final String RANDOM = QUICK + "+two-rooms-random";
  /** The fixed-layout preset: the quick preset with configs/two-rooms-fixed.yaml over it. */
  public static final String FIXED = QUICK + "+two-rooms-fixed";

  private final String preset;

  /** The job on the quick preset. */
  public WorldModelJob() {
    this(QUICK);
  }

  /** The job on {@code preset} ({@link #QUICK} or {@link #RANDOM}). */
  public WorldModelJob(String preset) {
    this.preset = preset;
  }

  @Override
  public String preset(String group) {
    return preset;
  }

  @Override
  public String description() {
    return "A JEPA world model of Two Rooms learned from pixels of random play, without labels or"
        + " rewards: an encoder maps frames to latents, a predictor imagines the next latent from"
        + " the current one and the action, trained by a multi-step rollout loss with variance,"
        + " covariance, temporal-similarity and inverse-dynamics regularizers against collapse."
        + " A probe reads the dot's position from the latents; it is never used for training."
        + " A second phase (distance) trains a temporal-distance head on the frozen model: the"
        + " number of steps between two latents, a wall-aware cost for planning, compared with"
        + " the plain latent distance against the true shortest path.";
  }

  @Override
  public Class<WorldModelConfig> configType() {
    return WorldModelConfig.class;
  }

  @Override
  public LabOutcome run(WorldModelConfig cfg, RunSession session, NDManager manager) {
    try (WorldModelTrainer trainer = new WorldModelTrainer(cfg, session.random(), manager)) {
      LabOutcome world = trainWorldModel(cfg, session, manager, trainer);
      if (cfg.distance().steps() == 0) {
        return world;
      }
      return DistancePhase.run(cfg, session, manager, trainer, world);
    }
  }

  private LabOutcome trainWorldModel(WorldModelConfig cfg, RunSession session, NDManager manager,
      WorldModelTrainer trainer) {
    WorldModelConfig.Train t = cfg.train();
    boolean[] first = {true};
    TimedTraining timed = TimedTraining.run(session,
        new TrainingLoop.Schedule(PHASE, t.steps(), t.logEvery(), t.checkpointEvery()),
        trainer.state(), manager, (step, scope) -> {
          if (first[0]) {
            trainer.seek(step);
            first[0] = false;
          }
          long done = step + 1;
          boolean log = done % t.logEvery() == 0 || done == t.steps();
          Map<String, Double> m = trainer.step(step, scope, log);
          if (done % t.evalEvery() == 0 || done == t.steps()) {
            evaluationMetrics(cfg, trainer.evaluate(scope)).forEach(m::put);
            m.putAll(trainer.indicators(scope).metrics());
          }
          return m;
        });
    UnrollEvaluation eval = trainer.evaluate(manager);
    WallIndicators indicators = trainer.indicators(manager);
    // The collapse monitor sees the learned part of the latent (not a pixel context).
    return outcome(cfg, session, eval, indicators, timed.seconds(),
        timed.startStep(),
        trainer.jepa().latentDim() - trainer.jepa().encoder().contextDim());
  }

  /** The last value of {@code key} in the metrics rows, or 0. */
  static double lastNumber(List<Map<String, Object>> rows, String key) {
    double v = 0;
    for (Map<String, Object> r : rows) {
      if (r.get(key) instanceof Number n) {
        v = n.doubleValue();
      }
    }
    return v;
  }

  private static Map<String, Double> evaluationMetrics(WorldModelConfig cfg, UnrollEvaluation e) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("eval/probe_error_px", e.probeErrorPx());
    for (int h : cfg.eval().horizons()) {
      m.put("eval/unroll_error_px/" + h, e.atHorizon(h));
      m.put("eval/static_error_px/" + h, e.staticErrorPx()[h]);
      m.put("eval/latent_error/" + h, e.latentError()[h]);
    }
    return m;
  }

  private LabOutcome outcome(WorldModelConfig cfg, RunSession session, UnrollEvaluation eval,
      WallIndicators indicators, double trainSeconds, long startStep, int latentDim) {
    List<Map<String, Object>> rows = MetricsLog.read(session.dir().metrics());
    Map<String, Object> last = LabMetrics.lastRow(rows, PHASE);
    Map<String, Object> losses = LabMetrics.withPrefix(last, "loss/");
    Map<String, Object> unroll = new LinkedHashMap<>();
    Map<String, Object> still = new LinkedHashMap<>();
    Map<String, Object> latent = new LinkedHashMap<>();
    for (int h : cfg.eval().horizons()) {
      unroll.put(Integer.toString(h), eval.atHorizon(h));
      still.put(Integer.toString(h), eval.staticErrorPx()[h]);
      latent.put(Integer.toString(h), eval.latentError()[h]);
    }
    double fps = rows.stream().filter(r -> r.get("time/frames_per_second") instanceof Number)
        .mapToDouble(r -> ((Number) r.get("time/frames_per_second")).doubleValue()).average()
        .orElse(Double.NaN);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("problem", name());
    summary.put("method", "JEPA world model: " + cfg.model().encoder() + " encoder, "
        + cfg.model().predictor() + " predictor; " + cfg.loss().rolloutSteps() + "-step"
        + " autoregressive rollout loss x " + cfg.loss().rolloutStarts() + " start(s); weights std "
        + cfg.loss().std() + ", cov " + cfg.loss().cov() + ", time_sim " + cfg.loss().timeSim()
        + ", idm " + cfg.loss().idm() + ", sigreg " + cfg.loss().sigreg());
    summary.put("losses", losses);
    summary.put("probe_error_px", eval.probeErrorPx());
    summary.put("unroll_error_px", unroll);
    summary.put("static_error_px", still);
    summary.put("unroll_latent_error", latent);
    summary.putAll(indicators.summary());
    summary.put("latent_dim", latentDim);
    summary.put("latent_std_min", last.get("latent/std_min"));
    summary.put("effective_rank", last.get("latent/effective_rank"));
    summary.put("train_seconds", trainSeconds);
    summary.put("resumed_from_step", startStep);
    summary.put("frames_per_second", fps);
    summary.put("steps", cfg.train().steps());

    Map<String, Object> key = new LinkedHashMap<>();
    key.put("probe error on held-out frames (px)", eval.probeErrorPx());
    unroll.forEach((h, v) -> key.put("unroll error at horizon " + h + " (px)", v));
    key.putAll(indicators.keyFigures());
    key.put("latent std min", last.get("latent/std_min"));
    key.put("effective rank (of D = " + latentDim + ")", last.get("latent/effective_rank"));
    key.put("train seconds", trainSeconds);
    key.put("frames per second", fps);

    List<DrawnFigure> figures = new ArrayList<>();
    try {
      figures.add(LabMetrics.curves(session, PHASE, "losses.png", "Loss terms (raw)", "loss/", true,
          "Each loss term, unweighted: pred is the rollout prediction error; reg.* the"
              + " regularizers."));
      figures.add(collapseChart(session, latentDim));
      figures.add(LabMetrics.curves(session, PHASE, "probe.png", "Position probe error (pixels)", "probe/", true,
          "The probe's loss and its error on training batches (pixels of the 65 frame)."));
      figures.add(LabMetrics.curves(session, PHASE, "eval.png", "Held-out errors (pixels)", "eval/", true,
          "Held-out probe error on encoded frames and unroll errors at the evaluated horizons."));
      figures.add(horizonChart(session, eval));
      figures.addAll(rolloutGifs(cfg, session, eval));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write figures in " + session.dir().figures(), e);
    }
    return new LabOutcome(summary, key, figures);
  }

  private static DrawnFigure collapseChart(RunSession s, int latentDim) throws IOException {
    LineChart.Builder chart = LineChart.builder().optTitle("Collapse monitor").optXLabel("step")
        .optSize(720, 420);
    for (String k : List.of("latent/std_min", "latent/std_mean", "latent/effective_rank")) {
      List<double[]> xy = LabMetrics.series(s.dir().metrics(), PHASE, k);
      double scale = k.endsWith("effective_rank") ? latentDim : 1.0;
      if (!xy.isEmpty()) {
        chart.addSeries(k.substring("latent/".length()) + (scale > 1 ? " / D" : ""),
            xy.stream().mapToDouble(p -> p[0]).toArray(),
            xy.stream().mapToDouble(p -> p[1] / scale).toArray());
      }
    }
    if (LabMetrics.series(s.dir().metrics(), PHASE, "latent/std_min").isEmpty()) {
      chart.addSeries("(no data)", new double[] {0}, new double[] {0});
    }
    chart.build().savePng(s.dir().figure("collapse.png"));
    return new DrawnFigure("collapse.png", "Per-dimension standard deviation of the latents (min"
        + " and mean over the D = " + latentDim + " dimensions) and the effective rank of the"
        + " latent batch as a fraction of D: a collapse shows as these falling towards 0.");
  }

  private static DrawnFigure horizonChart(RunSession s, UnrollEvaluation e) throws IOException {
    double[] h = new double[e.unrollErrorPx().length];
    for (int i = 0; i < h.length; i++) {
      h[i] = i;
    }
    LineChart.builder().optTitle("Unroll error vs horizon (held-out, true actions)")
        .optXLabel("steps imagined").optYLabel("probe-decoded error (px)").optSize(720, 420)
        .addSeries("rollout from the first encoded frame", h, e.unrollErrorPx())
        .addSeries("\"nothing moves\" (the first frame's reading)", h, e.staticErrorPx())
        .build().savePng(s.dir().figure("unroll_error.png"));
    return new DrawnFigure("unroll_error.png", String.format(Locale.ROOT, "Error of the imagined"
        + " trajectory decoded by the probe against the true positions: %.2f px at step 1, %.2f"
        + " px at step %d; a model that ignored its actions could do no better than \"nothing"
        + " moves\" (%.2f px at step %d).", e.unrollErrorPx()[Math.min(1, h.length - 1)],
        e.unrollErrorPx()[h.length - 1], h.length - 1, e.staticErrorPx()[h.length - 1],
        h.length - 1));
  }

  private static List<DrawnFigure> rolloutGifs(WorldModelConfig cfg, RunSession s,
      UnrollEvaluation e) throws IOException {
    List<DrawnFigure> out = new ArrayList<>();
    TwoRoomsRenderer renderer = new TwoRoomsRenderer(cfg.env().imageSize(), cfg.env().sigma());
    for (int i = 0; i < e.examples().size(); i++) {
      UnrollEvaluation.Example ex = e.examples().get(i);
      String file = "rollout_" + i + ".gif";
      GifWriter.write(s.dir().figure(file), TwoRoomsFigures.pathFrames(renderer,
          new Layout(ex.wallX(), ex.doorY()),
          List.of("true trajectory", "imagined, same actions", "imagined, other actions"),
          List.of(ex.truth(), ex.rollout(), ex.otherActions()), "Held-out window " + i,
          "imagined positions are the probe's reading of the predicted latents"), 120);
      out.add(new DrawnFigure(file, "Held-out window " + i + ": the true trajectory, the"
          + " model's imagined rollout from the first frame under the same actions, and under"
          + " another window's actions (both decoded by the position probe)."));
    }
    return out;
  }
}
