package ai.craik.plan;

import ai.craik.config.ConfigChecks;
import ai.craik.config.ConfigValueException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Settings of {@code craik plan two-rooms}; built-in preset {@code configs/plan-two-rooms.yaml},
 * where every key is documented. The command-line options {@code --model}, {@code --planner},
 * {@code --episodes} and {@code --layout} set the keys of the same names; {@code --cost} sets
 * {@code plan.objective.cost} (one cost) or {@code compare_costs} ({@code all} or a list),
 * {@code --subgoal} sets {@code plan.subgoal}.
 *
 * @param model the run folder of a {@code craik train world-model} run
 * @param planner one of {@link #PLANNERS}, or {@code all} to run each on the same tasks
 * @param defaultPlanner the planner summary.json names as the default when {@code planner} is
 *     {@code all} (a single planner is its own default)
 * @param episodes tasks per planner; task i has seed (run seed + i)
 * @param layout {@code model} (the layout the world model was trained on), {@code fixed} or
 *     {@code random}
 * @param budget actions per episode
 * @param successRadius success: distance to the goal below this, pixels of the 65 frame
 * @param gifs the first this many episodes of each planner and cost are animated
 * @param compareCosts cost variants ({@link CostVariant} labels) to evaluate on the same tasks
 *     besides the configured one ({@code plan.objective.cost}, with {@code /waypoint} when
 *     {@code plan.subgoal} is {@code waypoint}), which stays the default; empty: that one only
 * @param plan objective, sub-goal, MPC and planner settings
 */
public record TwoRoomsPlanConfig(String model, String planner, String defaultPlanner,
    int episodes, String layout, int budget, double successRadius, int gifs,
    List<String> compareCosts, Plan plan) {

  /** The planners, in the order {@code all} runs them. */
  public static final List<String> PLANNERS = PlannerSections.NAMES;

  public TwoRoomsPlanConfig {
    if (model == null || model.isBlank()) {
      throw new ConfigValueException("model", "''", "must name the run folder of a world model"
          + " ('craik train world-model'); pass --model DIR");
    }
    ConfigChecks.oneOf("planner", planner, List.of("cem", "mppi", "gradient", "hybrid", "all"));
    ConfigChecks.oneOf("default_planner", defaultPlanner, PLANNERS);
    ConfigChecks.inRange("episodes", episodes, 1, 1_000_000);
    ConfigChecks.oneOf("layout", layout, List.of("model", "fixed", "random"));
    ConfigChecks.inRange("budget", budget, 1, 100_000);
    ConfigChecks.positive("success_radius", successRadius);
    ConfigChecks.inRange("gifs", gifs, 0, 100);
    compareCosts = compareCosts == null ? List.of() : List.copyOf(compareCosts);
    Set<String> seen = new LinkedHashSet<>();
    for (String label : compareCosts) {
      try {
        CostVariant.parse(label);
      } catch (IllegalArgumentException e) {
        throw new ConfigValueException("compare_costs", compareCosts, "every entry must be one of"
            + " " + CostVariant.COSTS + ", optionally followed by /waypoint; '" + label
            + "' is not");
      }
      if (!seen.add(label)) {
        throw new ConfigValueException("compare_costs", compareCosts, "lists '" + label
            + "' twice; give each cost once");
      }
    }
    if (plan == null) {
      throw new ConfigValueException("plan", null, "is missing; give plan.objective, plan.mpc and"
          + " the planners' sections");
    }
  }

  /** The costs {@code --cost all} compares: each goal cost, and the learned one with a waypoint. */
  public static final List<String> ALL_COSTS = List.of("latent", "distance", "latent+distance",
      "distance/waypoint");

  /** The configured cost variant: summary.json's default. */
  public CostVariant defaultVariant() {
    return new CostVariant(plan.objective().cost(), "waypoint".equals(plan.subgoal()));
  }

  /**
   * The cost variants this run evaluates, in order: {@code compare_costs}, with the default first
   * when it is not listed.
   */
  public List<CostVariant> variants() {
    List<CostVariant> out = new ArrayList<>();
    CostVariant d = defaultVariant();
    if (!compareCosts.contains(d.label())) {
      out.add(d);
    }
    compareCosts.forEach(label -> out.add(CostVariant.parse(label)));
    return out;
  }

  /** The planners this run evaluates, in order. */
  public List<String> planners() {
    return "all".equals(planner) ? PLANNERS : List.of(planner);
  }

  /** Whether tasks use random layouts: {@code layout}, or the one {@code model} was trained on. */
  public boolean randomLayout(ai.craik.train.TrainedWorldModel model) {
    return "model".equals(layout) ? "random".equals(model.config().data().layout())
        : "random".equals(layout);
  }

  /** The planner summary.json names as the default. */
  public String defaultPlannerName() {
    return "all".equals(planner) ? defaultPlanner : planner;
  }

  /** The planners' sections. */
  public PlannerSections sections() {
    return new PlannerSections(plan.cem(), plan.mppi(), plan.gradient(), plan.hybrid());
  }

  /**
   * The planner {@code name} with actions projected onto ||a_t|| &lt;= {@code maxNorm} (in the
   * model's action units).
   */
  public Planner newPlanner(String name, double maxNorm) {
    return sections().newPlanner(name, maxNorm);
  }

  /** Action sequences planner {@code name} rolls out per iteration ({@link PlannerSections}). */
  public int candidates(String name) {
    return sections().candidates(name);
  }

  /** The MPC settings of planner {@code name}: plan.mpc with that planner's iteration counts. */
  public MpcSettings mpc(String name) {
    int[] it = sections().iterations(name);
    Mpc m = plan.mpc();
    return new MpcSettings(m.horizon(), m.executeSteps(), it[0], it[1], budget, m.paddingMode());
  }

  /**
   * Objective, sub-goal mode ({@code none} or {@code waypoint}), waypoint search, MPC and the four
   * planners; YAML section {@code plan}.
   */
  public record Plan(Objective objective, String subgoal, Waypoint waypoint, Mpc mpc, Cem cem,
      Mppi mppi, Gradient gradient, Hybrid hybrid) {
    public Plan {
      if (objective == null || waypoint == null || mpc == null || cem == null || mppi == null
          || gradient == null || hybrid == null) {
        throw new ConfigValueException("plan", "(incomplete)", "needs the sections objective,"
            + " waypoint, mpc, cem, mppi, gradient and hybrid");
      }
      ConfigChecks.oneOf("subgoal", subgoal, List.of("none", "waypoint"));
    }
  }

  /**
   * The planning cost ({@link CostVariant}): {@code cost} selects the goal terms,
   *
   * <pre>
   *   latent           latent_weight   sum_t ||s_t − g||^2      (plain latent distance, squared)
   *   distance         distance_weight sum_t d(s_t, g)          (the run's learned temporal distance)
   *   latent+distance  both terms
   * </pre>
   *
   * summed over the imagined steps or at the last step only ({@code goal_steps}, for both), plus
   * {@code action_weight} sum_t ||a_t||^2. The weights apply to their term whenever it is in the
   * cost; {@code distance} needs a world model trained with a distance phase.
   */
  public record Objective(String cost, String goalSteps, double latentWeight,
      double distanceWeight, double actionWeight) {
    public Objective {
      ConfigChecks.oneOf("cost", cost, CostVariant.COSTS);
      ConfigChecks.oneOf("goal_steps", goalSteps, List.of("all_steps", "last_step"));
      ConfigChecks.nonNegative("latent_weight", latentWeight);
      ConfigChecks.nonNegative("distance_weight", distanceWeight);
      ConfigChecks.nonNegative("action_weight", actionWeight);
    }

    /** The goal distance's steps. */
    public GoalDistance.Steps steps() {
      return GoalDistance.Steps.valueOf(goalSteps.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * The waypoint of a {@code /waypoint} cost variant ({@link WaypointChoice},
   * {@link SubgoalSchedule}): before the episode's first plan, the first observed frame with its
   * dot moved to each of the grid² centres of a {@code grid} x {@code grid} grid over the arena
   * (walls as observed; every cell is a candidate, the true layout is not read to drop cells in
   * walls) is encoded, and the latent w minimizing d(s, w) + d(w, g) + {@code balance}
   * |d(s, w) − d(w, g)| is the waypoint (d: the learned distance when the cost has the distance
   * term, else the plain ||s − w||). MPC plans to w with the same cost until d(s, w) &lt;=
   * {@code reach_steps} (learned d, steps) or ||s − w|| &lt;= {@code reach_latent} (plain), tested
   * at each re-plan, or until {@code max_steps} actions were executed; then to the goal.
   */
  public record Waypoint(int grid, double balance, double reachSteps, double reachLatent,
      int maxSteps) {
    public Waypoint {
      ConfigChecks.inRange("grid", grid, 2, 64);
      ConfigChecks.nonNegative("balance", balance);
      ConfigChecks.nonNegative("reach_steps", reachSteps);
      ConfigChecks.nonNegative("reach_latent", reachLatent);
      ConfigChecks.inRange("max_steps", maxSteps, 0, 100_000);
    }
  }

  /**
   * Receding-horizon control: plan {@code horizon} steps, execute {@code execute_steps}, re-plan
   * warm from the shifted plan (tail filled as {@code padding} says); every planned action is
   * projected onto ||a|| &lt;= {@code max_norm} pixels of the 65 frame.
   */
  public record Mpc(int horizon, int executeSteps, String padding, double maxNorm) {
    public Mpc {
      ConfigChecks.inRange("horizon", horizon, 1, 10_000);
      ConfigChecks.inRange("execute_steps", executeSteps, 1, horizon);
      ConfigChecks.oneOf("padding", padding, List.of("zeros", "last_action"));
      ConfigChecks.positive("max_norm", maxNorm);
    }

    /** The padding as an enum. */
    public WarmStartPadding paddingMode() {
      return WarmStartPadding.valueOf(padding.toUpperCase(Locale.ROOT));
    }
  }

  /** CEM ({@link CemSettings}) and its iterations on the first plan and on warm re-plans. */
  public record Cem(int samples, int elites, double initStd, double minStd, int iterations,
      int warmIterations) {
    public Cem {
      checkIterations(iterations, warmIterations);
      settingsOf(samples, elites, initStd, minStd, 0);
    }

    /** The settings with norm limit {@code maxNorm}. */
    public CemSettings settings(double maxNorm) {
      return settingsOf(samples, elites, initStd, minStd, maxNorm);
    }
  }

  /** MPPI ({@link MppiSettings}) and its iterations on the first plan and on warm re-plans. */
  public record Mppi(int samples, double temperature, double initStd, double minStd,
      boolean updateStd, int iterations, int warmIterations) {
    public Mppi {
      checkIterations(iterations, warmIterations);
      new MppiSettings(samples, temperature, initStd, minStd, updateStd, 0);
    }

    /** The settings with norm limit {@code maxNorm}. */
    public MppiSettings settings(double maxNorm) {
      return new MppiSettings(samples, temperature, initStd, minStd, updateStd, maxNorm);
    }
  }

  /** The gradient planner ({@link GradientSettings}); iterations are Adam steps. */
  public record Gradient(int restarts, double learningRate, double initStd, int iterations,
      int warmIterations) {
    public Gradient {
      checkIterations(iterations, warmIterations);
      new GradientSettings(restarts, learningRate, initStd, 0);
    }

    /** The settings with norm limit {@code maxNorm}. */
    public GradientSettings settings(double maxNorm) {
      return new GradientSettings(restarts, learningRate, initStd, maxNorm);
    }
  }

  /**
   * The hybrid planner ({@link HybridSettings}): CEM with these sampling settings for
   * {@code iterations} (warm: {@code warm_iterations}), then {@code refine_steps} Adam steps on the
   * {@code refine_top} best sequences.
   */
  public record Hybrid(int samples, int elites, double initStd, double minStd, int refineTop,
      int refineSteps, double learningRate, int iterations, int warmIterations) {
    public Hybrid {
      checkIterations(iterations, warmIterations);
      new HybridSettings(settingsOf(samples, elites, initStd, minStd, 0), refineTop, refineSteps,
          learningRate);
    }

    /** The settings with norm limit {@code maxNorm}. */
    public HybridSettings settings(double maxNorm) {
      return new HybridSettings(settingsOf(samples, elites, initStd, minStd, maxNorm), refineTop,
          refineSteps, learningRate);
    }
  }

  private static CemSettings settingsOf(int samples, int elites, double initStd, double minStd,
      double maxNorm) {
    return new CemSettings(samples, elites, initStd, minStd, maxNorm);
  }

  private static void checkIterations(int iterations, int warmIterations) {
    ConfigChecks.inRange("iterations", iterations, 1, 100_000);
    ConfigChecks.inRange("warm_iterations", warmIterations, 1, 100_000);
  }
}
