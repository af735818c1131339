package ai.craik.eval;

import ai.craik.config.Checks;

/**
 * Labelled feature vectors on the host: row i is {@code values[i * dim .. (i + 1) * dim)} with
 * class {@code labels[i]} in [0, classes).
 *
 * @param values N x dim features, row-major
 * @param dim the feature size
 * @param labels N class indices
 * @param classes the number of classes
 */
public record FeatureSet(float[] values, int dim, int[] labels, int classes) {
  public FeatureSet {
    Checks.arg(dim >= 1 && classes >= 1, "a feature set needs dim >= 1 and classes >= 1, got %s"
        + " and %s", dim, classes);
    Checks.arg(values.length == (long) labels.length * dim,
        "a feature set of %s labels and dim %s needs %s values, got %s", labels.length, dim,
        (long) labels.length * dim, values.length);
    for (int l : labels) {
      Checks.arg(l >= 0 && l < classes, "label %s is outside [0, %s)", l, classes);
    }
  }

  /** N, the number of rows. */
  public int size() {
    return labels.length;
  }

  /** Per-dimension mean and standard deviation (population; 1 where the spread is 0). */
  public float[][] moments() {
    int n = size();
    double[] sum = new double[dim];
    double[] sq = new double[dim];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        double v = values[i * dim + j];
        sum[j] += v;
        sq[j] += v * v;
      }
    }
    float[] mean = new float[dim];
    float[] std = new float[dim];
    for (int j = 0; j < dim; j++) {
      double m = sum[j] / Math.max(1, n);
      double var = Math.max(0, sq[j] / Math.max(1, n) - m * m);
      mean[j] = (float) m;
      std[j] = var > 1e-12 ? (float) Math.sqrt(var) : 1f;
    }
    return new float[][] {mean, std};
  }

  /** A copy with (x - mean) / std per dimension. */
  public FeatureSet standardized(float[] mean, float[] std) {
    Checks.arg(mean.length == dim && std.length == dim, "moments of size %s for features of %s",
        mean.length, dim);
    float[] out = new float[values.length];
    for (int i = 0; i < out.length; i++) {
      int j = i % dim;
      out[i] = (values[i] - mean[j]) / std[j];
    }
    return new FeatureSet(out, dim, labels, classes);
  }
}
