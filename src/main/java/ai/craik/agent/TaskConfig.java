package ai.craik.agent;

import ai.craik.config.ConfigChecks;
import ai.craik.config.ConfigValueException;
import ai.craik.env.TwoRoomsTask;
import ai.craik.plan.PlannerSections;
import ai.craik.plan.WarmStartPadding;
import java.util.List;
import java.util.Locale;

/**
 * A task description for the agent ({@code configs/tasks/*.yaml}, the {@code task} section of the
 * agent's config; {@code --task FILE}): what to reach, the intrinsic cost's weights, the planner and
 * its budget, and the mode policy. The {@link Configurator} turns it into a configured agent.
 *
 * @param goal what to reach
 * @param cost the sub-cost weights
 * @param planner Mode-2's planner: cem, mppi, gradient or hybrid (its sampling settings: the agent
 *     config's {@code planners} section)
 * @param horizon Mode-2's horizon H
 * @param executeSteps actions run from each plan
 * @param padding the warm start's tail: zeros or last_action
 * @param maxNorm every action is projected onto ||a|| &lt;= max_norm pixels of the 65 frame
 * @param mode 1, 2 or auto
 * @param auto the mode policy of auto
 * @param seedWithPolicy a cold Mode-2 plan starts from the policy's own plan when there is one
 * @param budget the most actions per episode
 * @param successRadius success: within this many pixels of the (last) goal
 */
public record TaskConfig(Goal goal, Cost cost, String planner, int horizon, int executeSteps,
    String padding, double maxNorm, String mode, Auto auto, boolean seedWithPolicy, int budget,
    double successRadius) {
  /** The goal kinds. */
  public static final List<String> GOAL_KINDS = List.of("task", "position", "waypoints");

  public TaskConfig {
    if (goal == null || cost == null || auto == null) {
      throw new ConfigValueException("task", "(incomplete)", "needs the sections goal, cost and"
          + " auto");
    }
    ConfigChecks.oneOf("planner", planner, PlannerSections.NAMES);
    ConfigChecks.inRange("horizon", horizon, 1, 10_000);
    ConfigChecks.inRange("execute_steps", executeSteps, 1, horizon);
    ConfigChecks.oneOf("padding", padding, List.of("zeros", "last_action"));
    ConfigChecks.positive("max_norm", maxNorm);
    ConfigChecks.oneOf("mode", mode, List.of("1", "2", "auto"));
    ConfigChecks.inRange("budget", budget, 1, 1_000_000);
    ConfigChecks.positive("success_radius", successRadius);
    if (auto.checkHorizon() > horizon) {
      throw new ConfigValueException("auto.check_horizon", auto.checkHorizon(),
          "at most the horizon (" + horizon + ")");
    }
  }

  /** The same task in another mode (1, 2 or auto). */
  public TaskConfig withMode(String m) {
    return new TaskConfig(goal, cost, planner, horizon, executeSteps, padding, maxNorm, m, auto,
        seedWithPolicy, budget, successRadius);
  }

  /** The same task with horizon {@code h} (execute steps and auto's check cut to fit). */
  public TaskConfig withHorizon(int h) {
    return new TaskConfig(goal, cost, planner, h, Math.min(executeSteps, h), padding, maxNorm,
        mode, new Auto(auto.margin(), auto.progress(), auto.arrive(),
            Math.min(auto.checkHorizon(), h), auto.checkEvery(), auto.maxMode1Steps()),
        seedWithPolicy, budget, successRadius);
  }

  /** The same task with critic weight {@code w}. */
  public TaskConfig withCriticWeight(double w) {
    Cost c = new Cost(cost.goal(), cost.goalMetric(), cost.action(), cost.oracleWall(),
        cost.oracleWallMargin(), cost.curiosity(), w);
    return new TaskConfig(goal, c, planner, horizon, executeSteps, padding, maxNorm, mode, auto,
        seedWithPolicy, budget, successRadius);
  }

  /** The mode as an enum. */
  public Mode modeValue() {
    return Mode.parse(mode);
  }

  /** The actor settings with the planner's iterations {first, warm}. */
  public ActorSettings actor(int[] iterations) {
    return new ActorSettings(horizon, executeSteps, iterations[0], iterations[1],
        WarmStartPadding.valueOf(padding.toUpperCase(Locale.ROOT)), auto.margin(),
        auto.progress(), auto.arrive(), auto.checkHorizon(), auto.checkEvery(),
        auto.maxMode1Steps(), seedWithPolicy);
  }

  /**
   * What to reach.
   *
   * @param kind task (each episode's seeded goal, given to the agent as the goal image), position
   *     (the dot at {@code position} in each episode's layout, rendered as the goal image) or
   *     waypoints (several points, in order; each rendered as a goal image)
   * @param position [x, y] pixels of the 65 frame, of kind position
   * @param waypoints the points of kind waypoints, in order
   * @param reach switch to the next waypoint when D(s, w) &lt;= reach (learned distance in steps
   *     with goal_metric distance, else the latent distance)
   * @param oracleViaDoor an oracle, off by default: when the next goal is in the other room than
   *     where the agent is (its start as the label-trained position probe reads the first frame,
   *     or the goal before), the configurator inserts two doorway sub-goals computed from the true
   *     layout (wall column and door row), which the agent is never told
   */
  public record Goal(String kind, List<Double> position, List<Point> waypoints, double reach,
      boolean oracleViaDoor) {
    public Goal {
      ConfigChecks.oneOf("goal.kind", kind, GOAL_KINDS);
      position = position == null ? List.of() : List.copyOf(position);
      waypoints = waypoints == null ? List.of() : List.copyOf(waypoints);
      ConfigChecks.nonNegative("goal.reach", reach);
      if (kind.equals("position")) {
        ConfigChecks.size("goal.position", position, 2);
      }
      if (kind.equals("waypoints") && waypoints.size() < 2) {
        throw new ConfigValueException("goal.waypoints", waypoints.size() + " points",
            "at least 2 points for goal kind waypoints (one goal: use kind position)");
      }
    }
  }

  /**
   * A point of the arena, given in a room so it is free whatever the layout: {@code at} = [u, v]
   * fractions in [0, 1] of the room's free box (left: from the left border to the middle wall,
   * right: from the middle wall to the right border, arena: the whole arena), kept 2 sigma from the
   * walls.
   */
  public record Point(String room, List<Double> at) {
    public Point {
      ConfigChecks.oneOf("waypoint room", room, TwoRoomsTask.ROOMS);
      ConfigChecks.size("waypoint at", at, 2);
      for (double v : at) {
        ConfigChecks.inRange("waypoint at", v, 0.0, 1.0);
      }
      at = List.copyOf(at);
    }
  }

  /**
   * The intrinsic cost's weights ({@link IntrinsicCost}) and the critic's.
   *
   * @param goal weight of the goal term
   * @param goalMetric distance (the world model's learned temporal distance, steps) or latent
   *     (||s - g||^2)
   * @param action weight of ||a||^2
   * @param oracleWall an oracle, off by default (0): weight of the wall proximity penalty
   *     ({@link OracleWallProximity}) computed from the true layout and the position probe
   * @param oracleWallMargin its margin, pixels
   * @param curiosity weight of the surprise reward (observed steps only)
   * @param critic weight of TC at the end of the horizon (needs a trained critic)
   */
  public record Cost(double goal, String goalMetric, double action, double oracleWall,
      double oracleWallMargin, double curiosity, double critic) {
    public Cost {
      ConfigChecks.positive("cost.goal", goal);
      ConfigChecks.oneOf("cost.goal_metric", goalMetric, List.of("distance", "latent"));
      ConfigChecks.nonNegative("cost.action", action);
      ConfigChecks.nonNegative("cost.oracle_wall", oracleWall);
      ConfigChecks.positive("cost.oracle_wall_margin", oracleWallMargin);
      ConfigChecks.nonNegative("cost.curiosity", curiosity);
      ConfigChecks.nonNegative("cost.critic", critic);
    }
  }

  /**
   * The mode policy of auto ({@link ActorSettings}).
   *
   * @param margin Mode-1 when its imagined cost is at most the last plan's plus margin |that|
   * @param progress ... or when its imagined IC falls by at least this per step
   * @param arrive ... or when its imagined IC ends at most this
   * @param checkHorizon steps of the check
   * @param checkEvery Mode-1 actions after a passed check before the next check
   * @param maxMode1Steps most Mode-1 actions in a row
   */
  public record Auto(double margin, double progress, double arrive, int checkHorizon,
      int checkEvery, int maxMode1Steps) {
    public Auto {
      ConfigChecks.nonNegative("auto.progress", progress);
      ConfigChecks.inRange("auto.check_every", checkEvery, 1, 1_000_000);
      ConfigChecks.nonNegative("auto.margin", margin);
      ConfigChecks.inRange("auto.check_horizon", checkHorizon, 1, 10_000);
      ConfigChecks.inRange("auto.max_mode1_steps", maxMode1Steps, 1, 1_000_000);
    }
  }
}
