package ai.craik.plan;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/**
 * Squared Euclidean distance of the imagined latents to a goal latent g [D]:
 *
 * <pre>
 *   ALL_STEPS (default):  c_i = sum_{t=1..T} ||s_{i,t} - g||^2      (rewards getting there early)
 *   LAST_STEP:            c_i = ||s_{i,T} - g||^2                   (only where the plan ends)
 * </pre>
 *
 * <p>Shapes: states [N, T + 1, D] (index 0, the start, never counts), actions unused, cost [N].
 * The goal is held on the host and created in the states' manager on each call. ALL_STEPS is
 * step-additive (exact under {@link DynamicProgrammingPlanner}); LAST_STEP is a function of the
 * last state only, which is exact there too. PLDM (Sobal et al. 2025, arXiv:2502.14819) plans with
 * the latent distance to the encoded goal frame.
 */
public final class GoalDistance implements PlanObjective {
  /** Which steps count. */
  public enum Steps {
    /** Steps 1..T summed. */
    ALL_STEPS,
    /** Step T only. */
    LAST_STEP
  }

  private final float[] goal;
  private final Steps steps;

  /** Distance to {@code goal} [D] over the given steps. */
  public GoalDistance(float[] goal, Steps steps) {
    Checks.arg(goal != null && goal.length > 0, "goal latent must have at least one value");
    Checks.arg(steps != null, "goal distance steps is null; use ALL_STEPS or LAST_STEP");
    for (float v : goal) {
      Checks.arg(Float.isFinite(v), "goal latent has a non-finite value %s; encode a valid goal",
          v);
    }
    this.goal = goal.clone();
    this.steps = steps;
  }

  /** Distance to {@code goal} summed over steps 1..T (the default). */
  public GoalDistance(float[] goal) {
    this(goal, Steps.ALL_STEPS);
  }

  /** Distance to a goal latent [D] or [1, D] (copied to the host). */
  public static GoalDistance of(NDArray goal, Steps steps) {
    return new GoalDistance(goal.toType(DataType.FLOAT32, false).toFloatArray(), steps);
  }

  /** The goal latent [D] (a copy). */
  public float[] goal() {
    return goal.clone();
  }

  public Steps steps() {
    return steps;
  }

  @Override
  public NDArray cost(NDArray states, NDArray actions) {
    Checks.arg(states.getShape().dimension() == 3 && states.getShape().get(2) == goal.length
            && states.getShape().get(1) >= 2,
        "goal distance expects states [N, T + 1, %s] with T >= 1, got %s", goal.length,
        states.getShape());
    NDArray g = states.getManager().create(goal).toType(states.getDataType(), false); // [D]
    if (steps == Steps.LAST_STEP) {
      NDArray last = states.get(new NDIndex(":, -1")); // [N, D]
      return last.sub(g).square().sum(new int[] {1}); // [N]
    }
    NDArray future = states.get(new NDIndex(":, 1:")); // [N, T, D]
    return future.sub(g).square().sum(new int[] {1, 2}); // [N]
  }
}
