package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The expectile (asymmetric squared) loss: with residuals u = target − prediction,
 *
 * <pre>
 *   L_tau(prediction, target) = (1/N) sum_n |tau − 1(u_n &lt; 0)| u_n^2        [N] -> []
 * </pre>
 *
 * i.e. weight tau on a prediction below its target and 1 − tau on one above it. For a constant
 * prediction m over a sample x_1..x_N the loss is minimized by the tau-expectile of the sample,
 * the unique m with sum_n |tau − 1(x_n &lt; m)| (x_n − m) = 0 ({@link #expectile}): tau = 0.5 is
 * the mean, tau &lt; 0.5 a low expectile that leans towards the smallest values, tau &gt; 0.5 a
 * high one. Newey and Powell, "Asymmetric least squares estimation and testing", Econometrica
 * 55(4), 1987; used for value learning by IQL (Kostrikov, Nair, Levine, "Offline Reinforcement
 * Learning with Implicit Q-Learning", ICLR 2022, arXiv:2110.06169, eq. 5, with tau &gt; 0.5 on
 * values) and HILP (Park, Kreiman, Levine, "Foundation Policies with Hilbert Representations",
 * ICML 2024, arXiv:2402.15567, on temporal distances). Craik regresses observed step gaps of random
 * play with tau &lt; 0.5, so the fit leans to the short gaps, towards the shortest path.
 *
 * <p>The weight is a constant of the residual's sign (no gradient through it), so the gradient
 * with respect to the prediction is −(2/N) |tau − 1(u &lt; 0)| u.
 */
public final class ExpectileLoss {
  private ExpectileLoss() {}

  /** L_tau of predictions [N] against targets [N]; a scalar [] in the predictions' manager. */
  public static NDArray of(NDArray prediction, NDArray target, double tau) {
    checkTau(tau);
    Checks.arg(prediction.getShape().equals(target.getShape()),
        "expectile loss needs predictions and targets of one shape, got %s and %s",
        prediction.getShape(), target.getShape());
    NDArray u = prediction.sub(target).neg(); // [N] target - prediction, predictions' manager
    NDArray below = u.lt(0f).toType(DataType.FLOAT32, false); // 1(u < 0), no gradient
    NDArray weight = below.mul((float) (1 - 2 * tau)).add((float) tau); // tau or 1 - tau
    return u.square().mul(weight).mean();
  }

  /**
   * The tau-expectile of a sample, exactly: f(m) = sum_n w_n(m) (x_n − m), with w_n = tau for
   * x_n &gt;= m and 1 − tau below, is continuous and strictly decreasing, and linear between sorted
   * sample values; so with the sample sorted, the root lies in the one interval
   * x_(k) &lt; m &lt;= x_(k+1) where m = (sum_{i&lt;=k} (1 − tau) x_(i) + sum_{i&gt;k} tau x_(i))
   * / ((1 − tau) k + tau (N − k)).
   */
  public static double expectile(double[] sample, double tau) {
    checkTau(tau);
    Checks.arg(sample != null && sample.length > 0, "expectile of an empty sample");
    double[] x = sample.clone();
    java.util.Arrays.sort(x);
    int n = x.length;
    double total = 0;
    for (double v : x) {
      total += v;
    }
    double below = 0; // sum of the k smallest
    double best = Double.NaN;
    double bestResidual = Double.POSITIVE_INFINITY;
    for (int k = 0; k <= n; k++) {
      if (k > 0) {
        below += x[k - 1];
      }
      double m = ((1 - tau) * below + tau * (total - below)) / ((1 - tau) * k + tau * (n - k));
      boolean inside = (k == 0 || x[k - 1] < m) && (k == n || m <= x[k]);
      if (inside) {
        return m;
      }
      double residual = Math.abs(residual(x, m, tau)); // round-off at an interval's end
      if (residual < bestResidual) {
        bestResidual = residual;
        best = m;
      }
    }
    return best;
  }

  private static double residual(double[] x, double m, double tau) {
    double f = 0;
    for (double v : x) {
      f += (v >= m ? tau : 1 - tau) * (v - m);
    }
    return f;
  }

  private static void checkTau(double tau) {
    Checks.arg(tau > 0 && tau < 1, "expectile tau=%s must be in (0, 1); 0.5 is the mean", tau);
  }
}
