package ai.craik.lab;

import ai.craik.data.ImageDataset;
import ai.craik.data.Shapes;
import ai.craik.eval.FeatureSet;
import ai.craik.eval.Pca;
import ai.craik.lab.LabOutcome.DrawnFigure;
import ai.craik.report.ScatterChart;
import ai.craik.run.MetricsLog;
import ai.craik.run.RunSession;
import ai.craik.train.ImageJepaConfig;
import ai.craik.train.ImageJepaTrainer;
import ai.craik.train.TrainingLoop;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code craik train image-jepa}: joint-embedding self-supervised learning on images (see
 * {@link ImageJepaTrainer}), evaluated by a linear probe and k-NN on the test split against the
 * same encoder at initialization, with loss and online-probe curves and a PCA of the test
 * features.
 */
public final class ImageJepaJob implements LabProblem<ImageJepaConfig> {
  static final String PHASE = "train";

  private final String preset;

  /** The job with the shapes preset {@code configs/image-jepa.yaml}. */
  public ImageJepaJob() {
    this("image-jepa");
  }

  private ImageJepaJob(String preset) {
    this.preset = preset;
  }

  /**
   * The job with the preset suited to a data option: {@code configs/image-jepa-mnist.yaml} for
   * {@code mnist:DIR} (digits keep their orientation: little rotation, no flip, no negative, all
   * training images in the probe), else {@code configs/image-jepa.yaml}.
   */
  public static ImageJepaJob forData(String data) {
    return new ImageJepaJob(data != null && data.startsWith("mnist:") ? "image-jepa-mnist"
        : "image-jepa");
  }

  @Override
  public String name() {
    return "image-jepa";
  }

  @Override
  public String preset(String group) {
    return preset;
  }

  @Override
  public String description() {
    return "Self-supervised representation learning on images without labels: two augmented"
        + " views of each image pass through one encoder and projector, and a joint-embedding"
        + " criterion (VICReg, Barlow Twins, SIGReg or InfoNCE) makes their embeddings agree"
        + " while preventing collapse. Labels are used only to evaluate: a linear probe and"
        + " k-NN on the frozen features of the test split, compared with the same encoder at"
        + " its random initialization.";
  }

  @Override
  public Class<ImageJepaConfig> configType() {
    return ImageJepaConfig.class;
  }

  @Override
  public LabOutcome run(ImageJepaConfig cfg, RunSession session, NDManager manager) {
    ImageJepaConfig.Data d = cfg.data();
    ImageDataset data = ImageDataset.open(d.source(), new ImageDataset.ShapesSize(d.shapesTrain(),
        d.shapesTest(), d.shapesPixels()), session.random().seedFor("shapes"),
        Runtime.getRuntime().availableProcessors());
    ImageJepaConfig.Train t = cfg.train();
    try (ImageJepaTrainer trainer = new ImageJepaTrainer(cfg, data, session.random(), manager)) {
      TimedTraining timed = TimedTraining.run(session, new TrainingLoop.Schedule(PHASE,
          t.steps(), t.logEvery(), t.checkpointEvery()), trainer.state(), manager,
          (step, scope) -> {
            Map<String, Double> m = trainer.step(step, scope);
            long done = step + 1;
            int every = cfg.eval().every();
            if (every > 0 && (done % every == 0 || done == t.steps())) {
              m.put("eval/knn_accuracy", trainer.quickKnnAccuracy(scope));
            }
            return m;
          });
      List<Map<String, Object>> rows = MetricsLog.read(session.dir().metrics());
      session.progress().start("evaluate", 1, 0, "evaluation");
      ImageJepaTrainer.Evaluation e = trainer.evaluate(manager);
      session.progress().update(1, "");
      session.progress().close();
      return outcome(cfg, session, data, trainer, e, rows, timed.seconds(), timed.startStep());
    }
  }

  private LabOutcome outcome(ImageJepaConfig cfg, RunSession session, ImageDataset data,
      ImageJepaTrainer trainer, ImageJepaTrainer.Evaluation e, List<Map<String, Object>> rows,
      double trainSeconds, long startStep) {
    Map<String, Object> last = LabMetrics.lastRow(rows, PHASE);
    Map<String, Object> losses = LabMetrics.withPrefix(last, "loss/");
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("data", data.name());
    summary.put("loss", cfg.loss().name());
    summary.put("encoder", cfg.model().encoder());
    summary.put("feature_dim", trainer.encoder().featureChannels());
    summary.put("linear_probe_accuracy", e.linearProbeAccuracy());
    summary.put("knn_accuracy", e.knnAccuracy());
    summary.put("random_init_linear_probe_accuracy", e.randomInitLinearProbeAccuracy());
    summary.put("random_init_knn_accuracy", e.randomInitKnnAccuracy());
    summary.put("online_probe_accuracy", e.onlineProbeTestAccuracy());
    summary.put("losses", losses);
    summary.put("train_seconds", trainSeconds);
    summary.put("steps", cfg.train().steps());
    summary.put("batch", cfg.train().batch());
    summary.put("train_images", data.train().size());
    summary.put("test_images", data.test().size());
    summary.put("resumed_from_step", startStep);
    summary.put("skipped_steps", last.get("skipped_steps"));

    Map<String, Object> key = new LinkedHashMap<>();
    key.put("linear probe accuracy (test)", e.linearProbeAccuracy());
    key.put("k-NN accuracy (test)", e.knnAccuracy());
    key.put("random-init linear probe accuracy", e.randomInitLinearProbeAccuracy());
    key.put("random-init k-NN accuracy", e.randomInitKnnAccuracy());
    key.put("online probe accuracy (test)", e.onlineProbeTestAccuracy());
    key.put("train seconds", trainSeconds);

    List<DrawnFigure> figures = new ArrayList<>();
    try {
      figures.add(LabMetrics.curves(session, PHASE, "losses.png", "Loss terms (raw)", "loss/",
          false, "The criterion's total and each of its terms, unweighted."));
      figures.add(LabMetrics.curves(session, PHASE, "online_probe.png",
          "Online linear probe (training batches)", "probe/", false,
          "Accuracy and cross-entropy of the linear probe trained online on the detached"
              + " features of the first view, on each batch before its step."));
      figures.add(LabMetrics.curves(session, PHASE, "knn.png", "k-NN accuracy during training",
          "eval/", false, "k-NN accuracy on a subset of the test split (eval.quick_test images"
              + " voting among eval.quick_train training images), every eval.every steps."));
      figures.add(pca(session, data, e.testFeatures(), cfg.eval().pcaPoints()));
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write figures in " + session.dir().figures(), ex);
    }
    return new LabOutcome(summary, key, figures);
  }

  private static DrawnFigure pca(RunSession session, ImageDataset data, FeatureSet test,
      int points) throws IOException {
    int n = Math.min(points, test.size());
    int dim = test.dim();
    float[] rows = java.util.Arrays.copyOf(test.values(), n * dim);
    Pca pca = Pca.fit(rows, dim, 2, 0);
    double[][] xy = pca.project(rows, dim);
    ScatterChart.Builder chart = ScatterChart.builder().optTitle("Test features, first two"
        + " principal components").optXLabel("PC 1").optYLabel("PC 2").optSize(720, 560)
        .optMarkerSize(5);
    for (int c = 0; c < data.classes(); c++) {
      List<double[]> pts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (test.labels()[i] == c) {
          pts.add(xy[i]);
        }
      }
      if (!pts.isEmpty()) {
        chart.addPoints(className(data, c), pts.toArray(new double[0][]));
      }
    }
    if (n == 0) {
      chart.addPoints("(no points)", new double[][] {{0, 0}});
    }
    chart.build().savePng(session.dir().figure("pca.png"));
    return new DrawnFigure("pca.png", "The encoder's features of " + n + " test images projected"
        + " on their first two principal components, coloured by class (labels are not used in"
        + " training).");
  }

  private static String className(ImageDataset data, int c) {
    return data.name().equals("shapes") ? Shapes.CLASSES.get(c) : Integer.toString(c);
  }
}
