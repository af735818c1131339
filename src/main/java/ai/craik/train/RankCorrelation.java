package ai.craik.train;

import ai.craik.config.Checks;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Spearman's rank correlation: the Pearson correlation of the ranks,
 *
 * <pre>
 *   rho(x, y) = cov(rank(x), rank(y)) / (sd(rank(x)) sd(rank(y)))
 * </pre>
 *
 * with tied values given the mean of the ranks they span (so rho is exact with ties). It is 1 when
 * y is any increasing function of x and −1 for a decreasing one: a cost that ranks states as the
 * true distance does is as good for choosing between plans whatever its scale. NaN when either
 * sample is constant or has fewer than two values. Spearman, "The proof and measurement of
 * association between two things", American Journal of Psychology 15(1), 1904.
 */
public final class RankCorrelation {
  private RankCorrelation() {}

  /** Spearman's rho of paired samples {@code x} and {@code y} (same length). */
  public static double spearman(double[] x, double[] y) {
    Checks.arg(x.length == y.length, "rank correlation needs samples of one length, got %s and %s",
        x.length, y.length);
    if (x.length < 2) {
      return Double.NaN;
    }
    return pearson(ranks(x), ranks(y));
  }

  /** Ranks 1..n of the values, ties given their mean rank. */
  static double[] ranks(double[] v) {
    Integer[] order = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
    double[] r = new double[v.length];
    int i = 0;
    while (i < v.length) {
      int j = i;
      while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double mean = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        r[order[k]] = mean;
      }
      i = j + 1;
    }
    return r;
  }

  private static double pearson(double[] a, double[] b) {
    double ma = Arrays.stream(a).average().orElse(0);
    double mb = Arrays.stream(b).average().orElse(0);
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
  }
}
