package ai.craik.plan;

import ai.craik.config.Checks;

/**
 * Host-side action sequences. n sequences of T steps of A values are one flat float array in
 * row-major order [n, T, A]: value j of step t of sequence i sits at (i T + t) A + j.
 */
final class ActionSequences {
  /** Projection lands this much inside the ball so float rounding never leaves it. */
  private static final double INSIDE = 1 - 1e-6;

  private ActionSequences() {}

  /** [T][A] to a flat [T A] copy. */
  static float[] flatten(float[][] seq, int t, int a) {
    float[] out = new float[t * a];
    for (int s = 0; s < t; s++) {
      System.arraycopy(seq[s], 0, out, s * a, a);
    }
    return out;
  }

  /** Sequence {@code row} of a flat [n, T, A] array as [T][A]. */
  static float[][] unflatten(float[] flat, int row, int t, int a) {
    float[][] out = new float[t][a];
    for (int s = 0; s < t; s++) {
      System.arraycopy(flat, (row * t + s) * a, out[s], 0, a);
    }
    return out;
  }

  /** A copy of sequence {@code row} [T A] of a flat [n, T, A] array. */
  static float[] row(float[] flat, int row, int ta) {
    float[] out = new float[ta];
    System.arraycopy(flat, row * ta, out, 0, ta);
    return out;
  }

  /**
   * Projects every action a (each consecutive block of A values) onto the ball ||a|| &lt;= maxNorm,
   * a &lt;- a min(1, maxNorm / ||a||), in place; maxNorm 0 leaves the actions unchanged.
   */
  static void project(float[] flat, int a, double maxNorm) {
    if (maxNorm <= 0) {
      return;
    }
    for (int off = 0; off < flat.length; off += a) {
      double sq = 0;
      for (int j = 0; j < a; j++) {
        sq += (double) flat[off + j] * flat[off + j];
      }
      double norm = Math.sqrt(sq);
      if (norm > maxNorm) {
        double scale = maxNorm / norm * INSIDE;
        for (int j = 0; j < a; j++) {
          flat[off + j] = (float) (flat[off + j] * scale);
        }
      }
    }
  }

  /** The largest ||a_t|| of a plan [T][A]. */
  static double maxNorm(float[][] plan) {
    double max = 0;
    for (float[] at : plan) {
      double sq = 0;
      for (float v : at) {
        sq += (double) v * v;
      }
      max = Math.max(max, Math.sqrt(sq));
    }
    return max;
  }

  /** Zeros [T][A]. */
  static float[][] zeros(int t, int a) {
    return new float[t][a];
  }

  /** Checks that {@code seq} is [T][A] with finite values. */
  static void checkShape(float[][] seq, int t, int a, String what) {
    Checks.arg(seq.length == t, "%s has %s steps, the horizon is %s; give [%s][%s]", what,
        seq.length, t, t, a);
    for (int s = 0; s < t; s++) {
      Checks.arg(seq[s] != null && seq[s].length == a, "%s step %s has %s values, the model's"
          + " action size is %s", what, s, seq[s] == null ? 0 : seq[s].length, a);
      for (float v : seq[s]) {
        Checks.arg(Float.isFinite(v), "%s step %s has a non-finite value %s", what, s, v);
      }
    }
  }
}
