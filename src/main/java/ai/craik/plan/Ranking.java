package ai.craik.plan;

import java.util.Arrays;
import java.util.Comparator;

/** Orderings of candidate costs on the host, with deterministic tie-breaks by index. */
final class Ranking {
  private Ranking() {}

  /** Indices 0..n-1 sorted by cost ascending, ties by index (NaN and +inf last). */
  static int[] order(double[] costs) {
    Integer[] idx = new Integer[costs.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> costs[i])
        .thenComparingInt(i -> i));
    return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
  }

  /** The index of the lowest cost (the first on ties). */
  static int argmin(double[] costs) {
    int best = 0;
    for (int i = 1; i < costs.length; i++) {
      if (costs[i] < costs[best]) {
        best = i;
      }
    }
    return best;
  }

  /** The smallest finite cost, or +inf. */
  static double min(double[] costs) {
    double m = Double.POSITIVE_INFINITY;
    for (double c : costs) {
      m = Math.min(m, c);
    }
    return m;
  }

  /** The mean of the finite costs among {@code rows} (NaN if none is finite). */
  static double meanOf(double[] costs, int[] rows) {
    double sum = 0;
    int k = 0;
    for (int r : rows) {
      if (Double.isFinite(costs[r])) {
        sum += costs[r];
        k++;
      }
    }
    return k == 0 ? Double.NaN : sum / k;
  }

  /** The mean of the finite costs (NaN if none is finite). */
  static double mean(double[] costs) {
    double sum = 0;
    int k = 0;
    for (double c : costs) {
      if (Double.isFinite(c)) {
        sum += c;
        k++;
      }
    }
    return k == 0 ? Double.NaN : sum / k;
  }

  /** Whether {@code cost} ties with {@code min}: cost &lt;= min + tol max(1, |min|). */
  static boolean ties(double cost, double min, double tol) {
    return cost <= min + tol * Math.max(1.0, Math.abs(min));
  }
}
