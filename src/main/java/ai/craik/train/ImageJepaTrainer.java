package ai.craik.train;

import ai.craik.data.Augment;
import ai.craik.data.ImageDataset;
import ai.craik.data.LabelledImages;
import ai.craik.engine.GradMode;
import ai.craik.engine.RandomStreams;
import ai.craik.eval.FeatureSet;
import ai.craik.eval.KnnClassifier;
import ai.craik.eval.LinearProbe;
import ai.craik.jepa.ImageBackbone;
import ai.craik.jepa.LearningRateSchedule;
import ai.craik.jepa.ModuleOptimizers;
import ai.craik.jepa.Projector;
import ai.craik.jepa.ResNet;
import ai.craik.jepa.SmallCnn;
import ai.craik.nn.LossTerms;
import ai.craik.nn.Parameters;
import ai.craik.run.Checkpointable;
import ai.craik.ssl.BarlowTwinsLoss;
import ai.craik.ssl.JointEmbeddingLoss;
import ai.craik.ssl.LeJepaLoss;
import ai.craik.ssl.NtXentLoss;
import ai.craik.ssl.SigReg;
import ai.craik.ssl.VicRegLoss;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Joint-embedding self-supervised learning on images: two augmented views of each image go
 * through one encoder and projector, and a criterion (VICReg, Barlow Twins, SIGReg as in LeJEPA,
 * or InfoNCE) pulls the views' embeddings together while keeping the batch from collapsing. A linear
 * probe trained online on the detached features of the first view tracks how much class
 * information the features carry; it never affects the encoder.
 *
 * <p>A step: B images drawn with replacement (stream {@code batch}), two views (streams
 * {@code view_a}, {@code view_b}), one forward pass of the 2B views, the loss, AdamW on encoder and
 * projector (a step with a non-finite gradient is skipped), then one online-probe step. The
 * evaluation encodes clean (unaugmented) images: a linear probe and k-NN on the test split, and
 * the same for the encoder as it was initialized.
 */
public final class ImageJepaTrainer implements AutoCloseable {
  private static final int ENCODE_BATCH = 256;

  private final ImageJepaConfig cfg;
  private final ImageDataset data;
  private final RandomStreams streams;
  private final NDManager manager;
  private final Parameters encoderParams;
  private final Parameters projectorParams;
  private final ImageBackbone encoder;
  private final Projector projector;
  private final JointEmbeddingLoss loss;
  private final ModuleOptimizers optimizers;
  private final LinearProbe onlineProbe;
  private final LearningRateSchedule schedule;
  private final Augment augment;

  /** A fresh encoder and projector (stream {@code init}) for the dataset's image size. */
  public ImageJepaTrainer(ImageJepaConfig cfg, ImageDataset data, RandomStreams streams,
      NDManager parent) {
    this.cfg = cfg;
    this.data = data;
    this.streams = streams;
    this.manager = parent.newSubManager();
    this.encoderParams = new Parameters(manager);
    this.projectorParams = new Parameters(manager);
    this.encoder = backbone(cfg.model(), data.train(), encoderParams, streams.stream("init"));
    int[] widths = new int[cfg.model().projector().size() + 1];
    widths[0] = encoder.featureChannels();
    for (int i = 0; i < cfg.model().projector().size(); i++) {
      widths[i + 1] = cfg.model().projector().get(i);
    }
    this.projector = new Projector(projectorParams, "projector", widths,
        cfg.model().projectorNorm().equals("batch"), streams.stream("init_projector"));
    this.loss = criterion(cfg.loss(), streams.seedFor("sigreg"));
    Map<String, Parameters> modules = new LinkedHashMap<>();
    modules.put("encoder", encoderParams);
    modules.put("projector", projectorParams);
    this.optimizers = ModuleOptimizers.adamW(modules, cfg.train().weightDecay(),
        cfg.train().clipNorm());
    this.onlineProbe = new LinearProbe(manager, encoder.featureChannels(), data.classes(), 0.0,
        streams.stream("init_probe"));
    this.schedule = cfg.train().schedule();
    this.augment = cfg.augment().toAugment();
  }

  /** The encoder the model config names, for images like those of {@code split}. */
  public static ImageBackbone backbone(ImageJepaConfig.Model m, LabelledImages split,
      Parameters params, SplittableRandom init) {
    int size = split.rows();
    if (m.encoder().equals("resnet18")) {
      return ResNet.resNet18Cifar(params, split.channels(), size, m.resnetWidth(), init);
    }
    return new SmallCnn(params, split.channels(), size,
        m.widths().stream().mapToInt(Integer::intValue).toArray(), 8, init);
  }

  /** The criterion the loss config names; SIGReg's fixed directions use {@code seed}. */
  public static JointEmbeddingLoss criterion(ImageJepaConfig.Loss l, long seed) {
    return switch (l.name()) {
      case "vicreg" -> new VicRegLoss(l.vicregInv(), l.vicregVar(), l.vicregCov(), 1.0, 1e-4);
      case "barlow-twins" -> new BarlowTwinsLoss(l.barlowLambda());
      case "sigreg" -> new LeJepaLoss(l.sigregLambda(),
          new SigReg(l.sigregProjections(), 17, 3.0, seed));
      case "infonce" -> new NtXentLoss(l.infonceTemperature());
      default -> throw new IllegalArgumentException("unknown loss " + l.name());
    };
  }

  /** Everything a checkpoint must hold: encoder, projector, their optimizers, the online probe. */
  public Checkpointable state() {
    Map<String, Checkpointable> parts = new LinkedHashMap<>();
    parts.put("optimizers", optimizers);
    parts.put("online_probe", onlineProbe);
    return new CompositeState(parts);
  }

  /** The encoder being trained. */
  public ImageBackbone encoder() {
    return encoder;
  }

  /** One training step; temporaries in {@code scope}. */
  public Map<String, Double> step(long step, NDManager scope) {
    LabelledImages train = data.train();
    int b = cfg.train().batch();
    int c = train.channels();
    int h = train.rows();
    int w = train.cols();
    SplittableRandom pick = streams.stream("batch", step);
    float[] images = new float[b * c * h * w];
    int[] labels = new int[b];
    for (int i = 0; i < b; i++) {
      int k = pick.nextInt(train.size());
      System.arraycopy(train.image(k), 0, images, i * c * h * w, c * h * w);
      labels[i] = train.label(k);
    }
    float[] va = augment.apply(images, b, c, h, w, streams.stream("view_a", step));
    float[] vb = augment.apply(images, b, c, h, w, streams.stream("view_b", step));
    float[] both = new float[2 * va.length];
    System.arraycopy(va, 0, both, 0, va.length);
    System.arraycopy(vb, 0, both, va.length, vb.length);
    NDArray x = scope.create(both, new Shape(2L * b, c, h, w));
    double lr = schedule.at(step);
    Map<String, Double> m = new LinkedHashMap<>();
    NDArray features;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      optimizers.zeroGradients();
      features = encoder.features(x); // [2B, F]
      NDArray za = projector.forward(features.get("0:" + b)); // [B, P], each view on its own
      NDArray zb = projector.forward(features.get(b + ":"));
      NDArray z = za.concat(zb, 0);
      LossTerms terms = loss.loss(za, zb, streams.stream("sigreg", step));
      gc.backward(terms.total());
      m.put("loss/total", (double) terms.total().getFloat());
      terms.parts().forEach((k, v) -> m.put("loss/" + k, (double) v.getFloat()));
      m.put("embedding/std_mean", (double) z.stopGradient().sub(
          z.stopGradient().mean(new int[] {0}, true)).square().mean(new int[] {0}).sqrt()
          .mean().getFloat());
    }
    Map<String, Double> norms = optimizers.step(lr);
    norms.forEach((k, v) -> m.put("grad_norm/" + k, v));
    NDArray first = features.stopGradient().get("0:" + b);
    m.put("probe/online_accuracy", onlineProbe.accuracy(first, labels));
    m.put("probe/online_loss", onlineProbe.trainStep(first, labels, cfg.train().probeLearningRate()));
    m.put("lr", lr);
    m.put("skipped_steps", (double) optimizers.skippedSteps());
    return m;
  }

  /**
   * Features [N, F] of the clean images of {@code split} (the first {@code limit}, 0 for all),
   * encoded by {@code net} without a graph.
   */
  public static FeatureSet features(ImageBackbone net, LabelledImages split, int limit,
      int classes, NDManager parent) {
    int n = limit > 0 ? Math.min(limit, split.size()) : split.size();
    int f = net.featureChannels();
    int px = split.channels() * split.rows() * split.cols();
    float[] out = new float[n * f];
    int[] labels = new int[n];
    for (int from = 0; from < n; from += ENCODE_BATCH) {
      int to = Math.min(n, from + ENCODE_BATCH);
      float[] batch = new float[(to - from) * px];
      for (int i = from; i < to; i++) {
        System.arraycopy(split.image(i), 0, batch, (i - from) * px, px);
        labels[i] = split.label(i);
      }
      try (NDManager scope = parent.newSubManager()) {
        NDArray x = scope.create(batch, new Shape(to - from, split.channels(), split.rows(),
            split.cols()));
        float[] v = GradMode.disabled(() -> net.features(x).toFloatArray());
        System.arraycopy(v, 0, out, from * f, v.length);
      }
    }
    return new FeatureSet(out, f, labels, classes);
  }

  /**
   * k-NN accuracy of the current encoder on the first {@code quick_test} test images, voting
   * among the first {@code quick_train} training images (a cheap curve during training).
   */
  public double quickKnnAccuracy(NDManager parent) {
    ImageJepaConfig.Eval e = cfg.eval();
    LabelledImages test = data.test();
    FeatureSet train = features(encoder, data.train(), e.quickTrain(), data.classes(), parent);
    FeatureSet sub = features(encoder, test, e.quickTest(), data.classes(), parent);
    return new KnnClassifier(e.knnK(), e.knnTemperature()).accuracy(parent, train, sub);
  }

  /** The results of {@link #evaluate}. */
  public record Evaluation(double linearProbeAccuracy, double knnAccuracy,
      double randomInitLinearProbeAccuracy, double randomInitKnnAccuracy,
      double onlineProbeTestAccuracy, FeatureSet testFeatures) {}

  /** Linear probe and k-NN on the test split for the trained and the initial encoder. */
  public Evaluation evaluate(NDManager parent) {
    ImageJepaConfig.Eval e = cfg.eval();
    FeatureSet train = features(encoder, data.train(), e.trainImages(), data.classes(), parent);
    FeatureSet test = features(encoder, data.test(), 0, data.classes(), parent);
    double probe = LinearProbe.evaluate(parent, train, test, e.probeEpochs(), e.probeBatch(),
        e.probeLearningRate(), 0.0, streams.stream("eval_probe"));
    KnnClassifier knn = new KnnClassifier(e.knnK(), e.knnTemperature());
    double knnAcc = knn.accuracy(parent, train, test);
    double online;
    try (NDManager scope = parent.newSubManager()) {
      online = onlineProbe.accuracy(scope.create(test.values(), new Shape(test.size(),
          test.dim())), test.labels());
    }
    double randomProbe;
    double randomKnn;
    try (NDManager scope = parent.newSubManager()) {
      Parameters p = new Parameters(scope);
      ImageBackbone initial = backbone(cfg.model(), data.train(), p, streams.stream("init"));
      FeatureSet rtrain = features(initial, data.train(), e.trainImages(), data.classes(), scope);
      FeatureSet rtest = features(initial, data.test(), 0, data.classes(), scope);
      randomProbe = LinearProbe.evaluate(scope, rtrain, rtest, e.probeEpochs(), e.probeBatch(),
          e.probeLearningRate(), 0.0, streams.stream("eval_probe"));
      randomKnn = knn.accuracy(scope, rtrain, rtest);
    }
    return new Evaluation(probe, knnAcc, randomProbe, randomKnn, online, test);
  }

  @Override
  public void close() {
    manager.close();
  }
}
