package ai.craik.eval;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.craik.nn.AdamW;
import ai.craik.nn.Linear;
import ai.craik.nn.Parameters;
import ai.craik.nn.WeightInit;
import ai.craik.run.Checkpointable;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;

/**
 * A linear classifier read-out of frozen features (the standard linear evaluation of
 * self-supervised representations): logits = x W + b, trained by AdamW on the softmax
 * cross-entropy, never back-propagating into the features.
 *
 * <p>Two uses: online, {@link #trainStep} on each training batch's detached features (a live
 * accuracy curve), and offline, {@link #evaluate} on standardized training features for a number of
 * epochs, scored on the test split. Shapes: features [N, F], labels int[N] in [0, K).
 * Parameters {@code probe.w} [F, K] and {@code probe.b} [K].
 */
public final class LinearProbe implements Checkpointable {
  private final Parameters params;
  private final Linear layer;
  private final AdamW optimizer;
  private final int features;
  private final int classes;

  /** A probe of F features to K classes with parameters in a child manager of {@code parent}. */
  public LinearProbe(NDManager parent, int features, int classes, double weightDecay,
      SplittableRandom init) {
    Checks.arg(features >= 1 && classes >= 2,
        "a linear probe needs features >= 1 and classes >= 2, got %s and %s", features, classes);
    this.params = new Parameters(parent);
    this.layer = new Linear(params, "probe.w", "probe.b", features, classes,
        WeightInit.FAN_IN_UNIFORM, init);
    this.optimizer = new AdamW(params, 0.9, 0.999, 1e-8, weightDecay, 0.0);
    this.features = features;
    this.classes = classes;
  }

  /**
   * One AdamW step of rate {@code lr} on features x [N, F] (detached here) and their labels.
   *
   * @return the cross-entropy before the step
   */
  public double trainStep(NDArray x, int[] labels, double lr) {
    check(x, labels);
    double loss;
    NDArray input = x.stopGradient();
    NDArray target = x.getManager().create(labels).toType(DataType.INT64, false)
        .reshape(labels.length, 1);
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      params.zeroGradients();
      NDArray l = layer.forward(input).logSoftmax(1).gather(target, 1).mean().neg();
      loss = l.getFloat();
      gc.backward(l);
    }
    optimizer.step(lr);
    return loss;
  }

  /** Predicted classes of features x [N, F]. */
  public int[] predict(NDArray x) {
    Checks.arg(x.getShape().dimension() == 2 && x.getShape().get(1) == features,
        "the linear probe expects features [N, %s], got %s", features, x.getShape());
    return GradMode.disabled(() -> layer.forward(x.stopGradient()).argMax(1)
        .toType(DataType.INT32, false).toIntArray());
  }

  /** The fraction of rows of x [N, F] whose predicted class is the label. */
  public double accuracy(NDArray x, int[] labels) {
    check(x, labels);
    int[] p = predict(x);
    int right = 0;
    for (int i = 0; i < p.length; i++) {
      right += p[i] == labels[i] ? 1 : 0;
    }
    return right / (double) Math.max(1, p.length);
  }

  /**
   * Offline linear evaluation: standardizes both sets with the training set's moments, trains a new
   * probe for {@code epochs} passes of shuffled mini-batches (rate lr, cosine-decayed to 0), and
   * returns its accuracy on the test set.
   */
  public static double evaluate(NDManager manager, FeatureSet train, FeatureSet test, int epochs,
      int batch, double lr, double weightDecay, SplittableRandom rng) {
    Checks.arg(train.dim() == test.dim() && train.classes() == test.classes(),
        "train features [%s, %s classes] and test features [%s, %s classes] differ", train.dim(),
        train.classes(), test.dim(), test.classes());
    Checks.arg(epochs >= 1 && batch >= 1, "probe epochs and batch must be >= 1, got %s and %s",
        epochs, batch);
    float[][] m = train.moments();
    FeatureSet tr = train.standardized(m[0], m[1]);
    FeatureSet te = test.standardized(m[0], m[1]);
    try (NDManager scope = manager.newSubManager()) {
      LinearProbe probe = new LinearProbe(scope, train.dim(), train.classes(), weightDecay, rng);
      NDArray all = scope.create(tr.values(), new Shape(tr.size(), tr.dim()));
      int n = tr.size();
      int perEpoch = (n + batch - 1) / batch;
      long total = (long) epochs * perEpoch;
      long step = 0;
      for (int e = 0; e < epochs; e++) {
        int[] order = permutation(n, rng);
        for (int s = 0; s < perEpoch; s++) {
          int from = s * batch;
          int to = Math.min(n, from + batch);
          int[] rows = java.util.Arrays.copyOfRange(order, from, to);
          int[] labels = new int[rows.length];
          for (int i = 0; i < rows.length; i++) {
            labels[i] = tr.labels()[rows[i]];
          }
          double rate = lr * 0.5 * (1 + StrictMath.cos(StrictMath.PI * step / total));
          try (NDManager stepScope = scope.newSubManager()) {
            NDArray idx = stepScope.create(rows).toType(DataType.INT64, false);
            NDArray x = all.get(idx);
            x.attach(stepScope);
            probe.trainStep(x, labels, rate);
          }
          step++;
        }
      }
      NDArray x = scope.create(te.values(), new Shape(te.size(), te.dim()));
      return probe.accuracy(x, te.labels());
    }
  }

  private static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private void check(NDArray x, int[] labels) {
    Checks.arg(x.getShape().dimension() == 2 && x.getShape().get(1) == features
        && x.getShape().get(0) == labels.length,
        "the linear probe expects features [%s, %s] for %s labels, got %s", labels.length,
        features, labels.length, x.getShape());
    for (int l : labels) {
      Checks.arg(l >= 0 && l < classes, "label %s is outside [0, %s)", l, classes);
    }
  }

  @Override
  public NDList state(NDManager target) {
    NDList out = params.snapshot(target);
    out.addAll(optimizer.state(target));
    return out;
  }

  @Override
  public void restore(NDList saved) {
    params.restore(saved);
    optimizer.restore(saved);
  }
}
