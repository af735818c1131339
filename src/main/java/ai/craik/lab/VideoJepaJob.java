package ai.craik.lab;

import ai.craik.data.Clip;
import ai.craik.data.ClipSource;
import ai.craik.data.VideoData;
import ai.craik.lab.LabOutcome.DrawnFigure;
import ai.craik.report.FrameImage;
import ai.craik.report.GifWriter;
import ai.craik.report.ImageGrid;
import ai.craik.report.LineChart;
import ai.craik.run.MetricsLog;
import ai.craik.run.RunSession;
import ai.craik.train.TrainingLoop;
import ai.craik.train.VideoJepaConfig;
import ai.craik.train.VideoJepaTrainer;
import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code craik train video-jepa}: a video JEPA on moving objects (see {@link VideoJepaTrainer}),
 * evaluated by detection AP per prediction horizon against "nothing moves", with GIFs of true
 * and decoded predicted futures.
 */
public final class VideoJepaJob implements LabProblem<VideoJepaConfig> {
  static final String PHASE = "train";
  private static final int SCALE = 3;

  @Override
  public String name() {
    return "video-jepa";
  }

  @Override
  public String preset(String group) {
    return "video-jepa";
  }

  @Override
  public String description() {
    return "A video JEPA learned without labels: an encoder keeps a spatial map of each frame, and"
        + " a predictor imagines the next map from the last two, trained by a multi-step"
        + " autoregressive rollout in representation space, with variance and covariance"
        + " regularization of the projected features against collapse. A detection head and a"
        + " pixel decoder learn from detached representations for evaluation only: AP of object"
        + " locations on the map's grid at each prediction horizon, against repeating the last"
        + " frame (\"nothing moves\").";
  }

  @Override
  public Class<VideoJepaConfig> configType() {
    return VideoJepaConfig.class;
  }

  @Override
  public LabOutcome run(VideoJepaConfig cfg, RunSession session, NDManager manager) {
    ClipSource source = VideoData.open(cfg.data().source(), session.random().seedFor("sprites"));
    VideoJepaConfig.Train t = cfg.train();
    VideoJepaConfig.Eval ev = cfg.eval();
    try (VideoJepaTrainer trainer = new VideoJepaTrainer(cfg, source, session.random(), manager)) {
      TimedTraining timed = TimedTraining.run(session, new TrainingLoop.Schedule(PHASE,
          t.steps(), t.logEvery(), t.checkpointEvery()), trainer.state(), manager,
          (step, scope) -> {
            Map<String, Double> m = trainer.step(step, scope);
            long done = step + 1;
            if (ev.every() > 0 && (done % ev.every() == 0 || done == t.steps())) {
              VideoJepaTrainer.Evaluation q = trainer.evaluate(ev.quickClips(), 0, scope);
              m.put("eval/ap_1", q.ap()[0]);
              m.put("eval/baseline_ap_1", q.baselineAp()[0]);
              m.put("eval/encoded_ap_1", q.encodedAp()[0]);
            }
            return m;
          });
      List<Map<String, Object>> rows = MetricsLog.read(session.dir().metrics());
      session.progress().start("evaluate", 1, 0, "evaluation");
      trainer.fitHead(ev.headSteps(), manager);
      VideoJepaTrainer.Evaluation e = trainer.evaluate(ev.testClips(), ev.gifs(), manager);
      session.progress().update(1, "");
      session.progress().close();
      return outcome(cfg, session, source, e, rows, timed.seconds(), timed.startStep());
    }
  }

  private LabOutcome outcome(VideoJepaConfig cfg, RunSession session, ClipSource source,
      VideoJepaTrainer.Evaluation e, List<Map<String, Object>> rows, double trainSeconds,
      long startStep) {
    Map<String, Object> last = LabMetrics.lastRow(rows, PHASE);
    Map<String, Object> losses = LabMetrics.withPrefix(last, "loss/");
    Map<String, Object> ap = new LinkedHashMap<>();
    Map<String, Object> baseline = new LinkedHashMap<>();
    Map<String, Object> encoded = new LinkedHashMap<>();
    double map = 0;
    double baselineMap = 0;
    int horizons = e.ap().length;
    for (int h = 1; h <= horizons; h++) {
      ap.put(Integer.toString(h), e.ap()[h - 1]);
      baseline.put(Integer.toString(h), e.baselineAp()[h - 1]);
      encoded.put(Integer.toString(h), e.encodedAp()[h - 1]);
      map += e.ap()[h - 1] / horizons;
      baselineMap += e.baselineAp()[h - 1] / horizons;
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("data", cfg.data().source());
    summary.put("ap_per_horizon", ap);
    summary.put("baseline_ap_per_horizon", baseline);
    summary.put("encoded_ap_per_horizon", encoded);
    summary.put("map", map);
    summary.put("baseline_map", baselineMap);
    summary.put("losses", losses);
    summary.put("train_seconds", trainSeconds);
    summary.put("steps", cfg.train().steps());
    summary.put("test_clips", cfg.eval().testClips());
    summary.put("resumed_from_step", startStep);
    summary.put("skipped_steps", last.get("skipped_steps"));

    Map<String, Object> key = new LinkedHashMap<>();
    key.put("AP at horizon 1 (predicted)", e.ap()[0]);
    key.put("AP at horizon 1 (nothing moves)", e.baselineAp()[0]);
    key.put("AP at horizon " + horizons + " (predicted)", e.ap()[horizons - 1]);
    key.put("AP at horizon " + horizons + " (nothing moves)", e.baselineAp()[horizons - 1]);
    key.put("mAP over horizons 1-" + horizons, map);
    key.put("train seconds", trainSeconds);

    List<DrawnFigure> figures = new ArrayList<>();
    try {
      figures.add(LabMetrics.curves(session, PHASE, "losses.png", "Loss terms (raw)", "loss/",
          true, "Prediction error of the rollout and the regularizers, unweighted."));
      figures.add(LabMetrics.curves(session, PHASE, "quick_ap.png", "AP at horizon 1 during"
          + " training", "eval/", false, "Detection AP at horizon 1 on eval.quick_clips clips:"
              + " from predicted, last-context and true representations."));
      figures.add(apChart(session, e));
      for (int i = 0; i < e.examples().size(); i++) {
        figures.add(gif(session, source, e, i));
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write figures in " + session.dir().figures(), ex);
    }
    return new LabOutcome(summary, key, figures);
  }

  private static DrawnFigure apChart(RunSession s, VideoJepaTrainer.Evaluation e)
      throws IOException {
    double[] h = new double[e.ap().length];
    for (int i = 0; i < h.length; i++) {
      h[i] = i + 1;
    }
    LineChart.builder().optTitle("Detection AP per prediction horizon").optXLabel("horizon"
        + " (frames ahead)").optYLabel("average precision").optSize(720, 420)
        .addSeries("predicted representation", h, e.ap())
        .addSeries("\"nothing moves\" (last context frame)", h, e.baselineAp())
        .addSeries("true representation (upper bound)", h, e.encodedAp())
        .build().savePng(s.dir().figure("ap_per_horizon.png"));
    return new DrawnFigure("ap_per_horizon.png", String.format(Locale.ROOT, "AP of the detection"
        + " head (an object's centre in a grid cell) read from representations predicted h frames"
        + " ahead, against the last context frame's and the true frame's: %.3f vs %.3f at h = 1,"
        + " %.3f vs %.3f at h = %d.", e.ap()[0], e.baselineAp()[0], e.ap()[h.length - 1],
        e.baselineAp()[h.length - 1], h.length));
  }

  private static DrawnFigure gif(RunSession s, ClipSource source, VideoJepaTrainer.Evaluation e,
      int index) throws IOException {
    Clip clip = e.examples().get(index);
    int c = source.channels();
    int size = source.size();
    int values = clip.frameValues();
    List<BufferedImage> frames = new ArrayList<>();
    for (int t = 0; t < clip.length(); t++) {
      BufferedImage truth = FrameImage.of(clip.frames(), t * values, c, size, size, SCALE);
      BufferedImage predicted = t < 2 ? truth
          : FrameImage.of(e.decodedPredictions().get(t - 2), index * values, c, size, size,
              SCALE);
      frames.add(ImageGrid.builder(2).add(truth).add(predicted).optGap(4)
          .optTitle(t < 2 ? "context frame " + (t + 1) : "horizon " + (t - 1))
          .optNote(t < 2 ? "true | true (context)" : "true | decoded prediction").build()
          .render());
    }
    String file = "prediction_" + index + ".gif";
    GifWriter.write(s.dir().figure(file), frames, 400);
    return new DrawnFigure(file, "Clip " + index + ": the true frames (left) and the pixel"
        + " decoder's picture of the predicted representation (right), after two context"
        + " frames.");
  }
}
