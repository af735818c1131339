package ai.craik.plan;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Plan to a waypoint w, then to the goal: the lower level of a two-level plan
 * ({@link WaypointChoice} is the upper one),
 *
 * <pre>
 *   objective(step, s_0) = toWaypoint   while not switched
 *                          toGoal       from the first re-plan with d(s_0, w) &lt;= reach or
 *                                       step &gt;= maxSteps on (once switched, for good)
 * </pre>
 *
 * with d a {@link LatentMetric} (the units of {@code reach}). One instance per episode: it keeps
 * whether and when it switched. The test runs at re-plans only (every k executed actions).
 */
public final class SubgoalSchedule implements ObjectiveSchedule {
  private final PlanObjective toWaypoint;
  private final PlanObjective toGoal;
  private final LatentMetric metric;
  private final float[] waypoint;
  private final double reach;
  private final int maxSteps;
  private int switchStep = -1;
  private boolean reached;
  private double lastDistance = Double.NaN;

  /**
   * @param toWaypoint the objective towards w (the goal cost with w as its goal)
   * @param toGoal the objective towards the goal
   * @param metric d, for the reach test
   * @param waypoint w [D]
   * @param reach switch when d(s_0, w) &lt;= reach
   * @param maxSteps switch at the first re-plan after this many executed actions at the latest
   */
  public SubgoalSchedule(PlanObjective toWaypoint, PlanObjective toGoal, LatentMetric metric,
      float[] waypoint, double reach, int maxSteps) {
    Checks.arg(toWaypoint != null && toGoal != null && metric != null && waypoint != null,
        "a sub-goal schedule needs both objectives, a metric and a waypoint; one is null");
    Checks.arg(waypoint.length >= 1, "waypoint latent is empty");
    Checks.arg(Double.isFinite(reach) && reach >= 0, "waypoint reach %s must be >= 0", reach);
    Checks.arg(maxSteps >= 0, "waypoint max steps %s must be >= 0", maxSteps);
    this.toWaypoint = toWaypoint;
    this.toGoal = toGoal;
    this.metric = metric;
    this.waypoint = waypoint.clone();
    this.reach = reach;
    this.maxSteps = maxSteps;
  }

  @Override
  public PlanObjective objective(int step, NDArray start) {
    if (switchStep < 0) {
      long d = waypoint.length;
      NDArray w = start.getManager().create(waypoint).toType(start.getDataType(), false)
          .reshape(1, d);
      lastDistance = metric.distance(start.reshape(1, d), w)
          .toType(DataType.FLOAT32, false).getFloat();
      if (lastDistance <= reach) {
        reached = true;
        switchStep = step;
      } else if (step >= maxSteps) {
        switchStep = step;
      }
    }
    return switchStep < 0 ? toWaypoint : toGoal;
  }

  /** The step of the first re-plan towards the goal; -1 while still heading to the waypoint. */
  public int switchStep() {
    return switchStep;
  }

  /** Whether the switch came from reaching the waypoint (not from the step limit). */
  public boolean reached() {
    return reached;
  }

  /** d(s_0, w) at the last re-plan that tested it (NaN before the first). */
  public double lastDistance() {
    return lastDistance;
  }
}
