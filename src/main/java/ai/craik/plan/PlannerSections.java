package ai.craik.plan;

import java.util.List;

/**
 * The four planners' config sections ({@code cem}, {@code mppi}, {@code gradient}, {@code hybrid}
 * of {@link TwoRoomsPlanConfig}): builds the planner of a name with its iteration counts. Shared by
 * {@code craik plan} and the agent.
 */
public record PlannerSections(TwoRoomsPlanConfig.Cem cem, TwoRoomsPlanConfig.Mppi mppi,
    TwoRoomsPlanConfig.Gradient gradient, TwoRoomsPlanConfig.Hybrid hybrid) {
  /** The planner names. */
  public static final List<String> NAMES = List.of("cem", "mppi", "gradient", "hybrid");

  /**
   * The planner {@code name} with actions projected onto ||a_t|| &lt;= {@code maxNorm} (in the
   * model's action units).
   */
  public Planner newPlanner(String name, double maxNorm) {
    return switch (check(name)) {
      case "cem" -> new CemPlanner(cem.settings(maxNorm));
      case "mppi" -> new MppiPlanner(mppi.settings(maxNorm));
      case "gradient" -> new GradientPlanner(gradient.settings(maxNorm));
      default -> new HybridPlanner(hybrid.settings(maxNorm));
    };
  }

  /**
   * Action sequences planner {@code name} rolls out per iteration: CEM, MPPI and the hybrid's CEM
   * phase their samples; the gradient planner its restarts (each a forward and a backward pass).
   */
  public int candidates(String name) {
    return switch (check(name)) {
      case "cem" -> cem.samples();
      case "mppi" -> mppi.samples();
      case "gradient" -> gradient.restarts();
      default -> hybrid.samples();
    };
  }

  /** The iterations of planner {@code name}: {first plan, warm re-plan}. */
  public int[] iterations(String name) {
    return switch (check(name)) {
      case "cem" -> new int[] {cem.iterations(), cem.warmIterations()};
      case "mppi" -> new int[] {mppi.iterations(), mppi.warmIterations()};
      case "gradient" -> new int[] {gradient.iterations(), gradient.warmIterations()};
      default -> new int[] {hybrid.iterations(), hybrid.warmIterations()};
    };
  }

  private static String check(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown planner '" + name + "'; use one of " + NAMES);
    }
    return name;
  }
}
