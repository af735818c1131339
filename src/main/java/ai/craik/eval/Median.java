package ai.craik.eval;

import java.util.Arrays;
import java.util.List;

/** The median of a sample: the middle value, or the mean of the two middle values; NaN if empty. */
public final class Median {
  private Median() {}

  /** The median of {@code values} (not modified). */
  public static double of(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int h = v.length / 2;
    return v.length % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2;
  }

  /** The median of {@code values}. */
  public static double of(List<Double> values) {
    return of(values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
