package ai.craik.plan;

import ai.craik.config.Checks;
import java.util.List;

/**
 * One way of scoring plans in {@code craik plan two-rooms}: the goal cost and whether a waypoint
 * is planned to first. Its label names it in summary.json, the report and episodes.jsonl:
 * {@code latent}, {@code distance}, {@code latent+distance}, each optionally followed by
 * {@code /waypoint} (e.g. {@code distance/waypoint}).
 *
 * <pre>
 *   latent           w_l sum_t ||s_t − g||^2                          ({@link GoalDistance})
 *   distance         w_d sum_t d(s_t, g)                              ({@link LearnedDistanceCost})
 *   latent+distance  the sum of both
 *   .../waypoint     first to a waypoint w, then to g ({@link WaypointChoice}, {@link SubgoalSchedule})
 * </pre>
 *
 * (or the last step only, as {@code plan.objective.goal_steps} says; weights from
 * {@code plan.objective}).
 *
 * @param cost one of {@link #COSTS}
 * @param waypoint whether a waypoint is planned to first
 */
public record CostVariant(String cost, boolean waypoint) {
  /** The goal costs. */
  public static final List<String> COSTS = List.of("latent", "distance", "latent+distance");
  /** The suffix of a waypoint variant's label. */
  public static final String WAYPOINT = "/waypoint";

  public CostVariant {
    Checks.arg(COSTS.contains(cost), "unknown cost '%s'; use one of %s", cost, COSTS);
  }

  /**
   * The variant of {@code label}: a cost of {@link #COSTS}, optionally followed by
   * {@code /waypoint}.
   */
  public static CostVariant parse(String label) {
    Checks.arg(label != null, "cost label is null; use one of %s, optionally with %s", COSTS,
        WAYPOINT);
    boolean w = label.endsWith(WAYPOINT);
    String cost = w ? label.substring(0, label.length() - WAYPOINT.length()) : label;
    Checks.arg(COSTS.contains(cost), "unknown cost '%s'; use one of %s, optionally followed by"
        + " %s (e.g. distance%s)", label, COSTS, WAYPOINT, WAYPOINT);
    return new CostVariant(cost, w);
  }

  /** The label, e.g. {@code distance/waypoint}. */
  public String label() {
    return cost + (waypoint ? WAYPOINT : "");
  }

  /** Whether the plain latent distance term is in the cost. */
  public boolean usesLatent() {
    return cost.startsWith("latent");
  }

  /** Whether the learned temporal distance term is in the cost (it needs a distance head). */
  public boolean usesDistance() {
    return cost.endsWith("distance");
  }

  /** The label in a file name: {@code +} and {@code /} become {@code -}. */
  public String slug() {
    return label().replace('+', '-').replace('/', '-');
  }
}
