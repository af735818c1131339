package ai.craik.eval;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Weighted k-nearest-neighbour classification by cosine similarity, the non-parametric evaluation
 * of self-supervised features (Wu et al., "Unsupervised Feature Learning via Non-Parametric
 * Instance Discrimination", CVPR 2018, arXiv:1805.01978): a test feature votes for the classes of
 * its k most similar training features, each vote weighted exp(s / tau),
 *
 * <pre>
 *   s_j = cos(x, x_j),   score(c) = sum over the k nearest j with label c of exp(s_j / tau)
 * </pre>
 *
 * and predicts the class of highest score (ties go to the lower class index). Similarities are
 * computed by the engine in chunks of test rows; the selection runs on the host.
 *
 * @param k neighbours, at least 1 (200 in the reference, 20 is common for small sets)
 * @param temperature tau, greater than 0 (0.07 in the reference)
 */
public record KnnClassifier(int k, double temperature) {
  private static final int CHUNK = 256;

  public KnnClassifier {
    Checks.arg(k >= 1, "k-NN needs k >= 1, got %s", k);
    Checks.arg(temperature > 0 && Double.isFinite(temperature),
        "k-NN temperature must be > 0, got %s", temperature);
  }

  /** Predicted classes of the test rows, from the labelled training rows. */
  public int[] predict(NDManager manager, FeatureSet train, FeatureSet test) {
    Checks.arg(train.dim() == test.dim(), "k-NN: train dim %s differs from test dim %s",
        train.dim(), test.dim());
    Checks.arg(train.size() >= 1, "k-NN needs at least one training row");
    int kk = Math.min(k, train.size());
    int[] out = new int[test.size()];
    try (NDManager scope = manager.newSubManager()) {
      NDArray tr = unit(scope.create(train.values(), new Shape(train.size(), train.dim())));
      for (int from = 0; from < test.size(); from += CHUNK) {
        int to = Math.min(test.size(), from + CHUNK);
        float[] rows = java.util.Arrays.copyOfRange(test.values(), from * test.dim(),
            to * test.dim());
        try (NDManager step = scope.newSubManager()) {
          NDArray te = unit(step.create(rows, new Shape(to - from, test.dim())));
          float[] sims = GradMode.disabled(() -> te.matMul(tr.transpose()).toFloatArray());
          for (int i = 0; i < to - from; i++) {
            out[from + i] = vote(sims, i * train.size(), train, kk);
          }
        }
      }
    }
    return out;
  }

  /** The fraction of test rows classified correctly. */
  public double accuracy(NDManager manager, FeatureSet train, FeatureSet test) {
    int[] p = predict(manager, train, test);
    int right = 0;
    for (int i = 0; i < p.length; i++) {
      right += p[i] == test.labels()[i] ? 1 : 0;
    }
    return right / (double) Math.max(1, p.length);
  }

  private int vote(float[] sims, int offset, FeatureSet train, int kk) {
    int n = train.size();
    // Partial selection of the kk largest similarities: a small sorted buffer.
    int[] best = new int[kk];
    float[] bestSim = new float[kk];
    int filled = 0;
    for (int j = 0; j < n; j++) {
      float s = sims[offset + j];
      if (filled < kk || s > bestSim[filled - 1]) {
        int pos = filled < kk ? filled++ : kk - 1;
        while (pos > 0 && bestSim[pos - 1] < s) {
          bestSim[pos] = bestSim[pos - 1];
          best[pos] = best[pos - 1];
          pos--;
        }
        bestSim[pos] = s;
        best[pos] = j;
      }
    }
    double[] score = new double[train.classes()];
    for (int i = 0; i < filled; i++) {
      score[train.labels()[best[i]]] += StrictMath.exp((bestSim[i] - 1) / temperature);
    }
    int arg = 0;
    for (int c = 1; c < score.length; c++) {
      if (score[c] > score[arg]) {
        arg = c;
      }
    }
    return arg;
  }

  private static NDArray unit(NDArray x) {
    return x.div(x.norm(new int[] {1}, true).maximum(1e-12f));
  }
}
