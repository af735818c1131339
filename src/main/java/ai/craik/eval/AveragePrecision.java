package ai.craik.eval;

import ai.craik.config.Checks;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Average precision of scores against binary targets: the area under the precision-recall curve
 * taken as a step function over the distinct score thresholds (no interpolation; the definition of
 * scikit-learn's {@code average_precision_score}),
 *
 * <pre>
 *   AP = sum_n (R_n - R_{n-1}) P_n
 * </pre>
 *
 * where P_n and R_n are precision and recall when every item scoring at least the n-th highest
 * distinct score is called positive. Tied scores enter together. AP is 1 for a perfect ranking, and
 * about the positive fraction for random scores. With no positive target it is undefined (NaN).
 */
public final class AveragePrecision {
  private AveragePrecision() {}

  /** AP of {@code scores} against {@code targets} (same length). */
  public static double of(float[] scores, boolean[] targets) {
    Checks.arg(scores.length == targets.length, "AP needs one target per score, got %s and %s",
        scores.length, targets.length);
    int positives = 0;
    for (boolean t : targets) {
      positives += t ? 1 : 0;
    }
    if (positives == 0) {
      return Double.NaN;
    }
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    double ap = 0;
    int tp = 0;
    int seen = 0;
    double lastRecall = 0;
    for (int i = 0; i < order.length; i++) {
      seen++;
      tp += targets[order[i]] ? 1 : 0;
      boolean endOfTie = i + 1 == order.length || scores[order[i + 1]] != scores[order[i]];
      if (endOfTie) {
        double recall = tp / (double) positives;
        ap += (recall - lastRecall) * (tp / (double) seen);
        lastRecall = recall;
      }
    }
    return ap;
  }
}
