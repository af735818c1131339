package ai.craik.plan;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The simplest two-level plan's upper level: pick, among a bank of K candidate latents w_k, the
 * waypoint through which the cost-to-go from the start s to the goal g is least,
 *
 * <pre>
 *   score_k = d(s, w_k) + d(w_k, g) + beta |d(s, w_k) − d(w_k, g)|,     k* = argmin_k score_k
 * </pre>
 *
 * with d a {@link LatentMetric} and beta = {@code balance} &gt;= 0. With beta = 0 this is the
 * shortest detour through a waypoint. Under a true metric every point on a shortest path ties
 * (d(s, w) + d(w, g) = d(s, g), the triangle inequality's equality case) — the start and the goal
 * themselves included — so the plain sum cannot prefer the door to a point beside the start; beta
 * = 1 makes the score 2 max(d(s, w), d(w, g)), whose minimizer is the midpoint of the path, the
 * sub-goal of "sub-goal trees" (Jurgenson, Avner, Groshev, Tamar, ICML 2020), a waypoint half
 * way through the door when d knows the door. Searching a bank of states with a learned distance
 * is the idea of SoRB ("Search on the Replay Buffer", Eysenbach, Salakhutdinov, Levine, NeurIPS
 * 2019), here with one waypoint.
 *
 * <p>Shapes: start and goal [D] or [1, D], bank [K, D] (K &gt;= 1), in one manager; grad mode is
 * off inside; ties go to the lowest index.
 */
public final class WaypointChoice {
  private WaypointChoice() {}

  /**
   * The chosen waypoint.
   *
   * @param index k*, the row of the bank
   * @param score score_{k*}
   * @param fromStart d(s, w_{k*})
   * @param toGoal d(w_{k*}, g)
   */
  public record Waypoint(int index, double score, double fromStart, double toGoal) {}

  /** The waypoint of least score (see the class comment) among the rows of {@code bank}. */
  public static Waypoint choose(LatentMetric metric, NDArray start, NDArray goal, NDArray bank,
      double balance) {
    Checks.arg(metric != null && start != null && goal != null && bank != null,
        "waypoint choice needs a metric, a start, a goal and a bank; one is null");
    Checks.arg(bank.getShape().dimension() == 2 && bank.getShape().get(0) >= 1,
        "waypoint bank must be [K, D] with K >= 1, got %s", bank.getShape());
    long d = bank.getShape().get(1);
    Checks.arg(start.size() == d && goal.size() == d, "start %s and goal %s must hold D = %s"
        + " values like the bank's rows", start.getShape(), goal.getShape(), d);
    Checks.arg(Double.isFinite(balance) && balance >= 0, "waypoint balance %s must be >= 0;"
        + " 0 scores d(s, w) + d(w, g), 1 the midpoint", balance);
    int k = (int) bank.getShape().get(0);
    return GradMode.disabled(() -> {
      NDArray s = start.reshape(1, d).broadcast(k, d); // [K, D]
      double[] from = host(metric.distance(s, bank)); // d(s, w_k) [K]
      double[] to = host(metric.distance(bank, goal.reshape(1, d))); // d(w_k, g) [K]
      Checks.verify(from.length == k && to.length == k, "metric returned %s and %s values for"
          + " K = %s waypoints", from.length, to.length, k);
      int best = -1;
      double bestScore = Double.POSITIVE_INFINITY;
      for (int i = 0; i < k; i++) {
        double score = from[i] + to[i] + balance * Math.abs(from[i] - to[i]);
        if (score < bestScore) {
          best = i;
          bestScore = score;
        }
      }
      Checks.arg(best >= 0, "every waypoint scored NaN or infinity; check the metric and the"
          + " bank's latents");
      return new Waypoint(best, bestScore, from[best], to[best]);
    });
  }

  private static double[] host(NDArray x) {
    float[] f = x.toType(DataType.FLOAT32, false).toFloatArray();
    double[] out = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = f[i];
    }
    return out;
  }
}
