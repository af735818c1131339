package ai.craik.agent;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.craik.plan.LatentMetric;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * The configurator's plan for one episode: the goals in order, each with its cost module, and the
 * test that switches to the next goal,
 *
 * <pre>
 *   switch from goal i to i + 1 when D(s, g_i) &lt;= reach   (i not the last)
 * </pre>
 *
 * with D the learned temporal distance (in steps) or the latent distance. The agent asks before
 * every action ({@link #advance}); a switch drops the actor's plan.
 */
public final class GoalSchedule {
  private final List<float[]> goals;
  private final List<CostModule> costs;
  private final LatentMetric metric;
  private final double reach;
  private final List<Integer> switchSteps = new ArrayList<>();
  private int current;

  /**
   * @param goals the goal latents [D], in order, at least one
   * @param costs the cost module of each goal
   * @param metric D of the switch test
   * @param reach the switch threshold
   */
  public GoalSchedule(List<float[]> goals, List<CostModule> costs, LatentMetric metric,
      double reach) {
    Checks.arg(goals != null && !goals.isEmpty() && costs != null
        && costs.size() == goals.size(), "a goal schedule needs one cost per goal, at least one");
    Checks.arg(goals.size() == 1 || metric != null, "sub-goals need a metric to test arrival");
    Checks.arg(reach >= 0 && Double.isFinite(reach), "reach %s must be >= 0", reach);
    this.goals = List.copyOf(goals);
    this.costs = List.copyOf(costs);
    this.metric = metric;
    this.reach = reach;
  }

  /** A schedule of one goal. */
  public static GoalSchedule single(float[] goal, CostModule cost) {
    return new GoalSchedule(List.of(goal), List.of(cost), null, 0);
  }

  /** The index of the current goal. */
  public int index() {
    return current;
  }

  /** How many goals. */
  public int size() {
    return goals.size();
  }

  /** The current goal latent [D] (shared, do not change it). */
  public float[] goal() {
    return goals.get(current);
  }

  /** The current cost module. */
  public CostModule cost() {
    return costs.get(current);
  }

  /** The steps at which the goal switched. */
  public List<Integer> switchSteps() {
    return List.copyOf(switchSteps);
  }

  /**
   * Moves to the next goal when s [D] has reached the current one (not the last); returns true on a
   * switch.
   */
  public boolean advance(NDArray s, int step, NDManager scope) {
    if (current + 1 >= goals.size()) {
      return false;
    }
    int d = goals.get(current).length;
    NDArray g = scope.create(goals.get(current)).reshape(1, d);
    double dist = GradMode.disabled(() -> metric.distance(s.reshape(1, d), g)
        .toType(DataType.FLOAT32, false).toFloatArray()[0]);
    if (dist > reach) {
      return false;
    }
    current++;
    switchSteps.add(step);
    return true;
  }
}
