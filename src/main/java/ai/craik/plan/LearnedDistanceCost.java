package ai.craik.plan;

import ai.craik.config.Checks;
import ai.craik.jepa.TemporalDistanceHead;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

/**
 * A learned, wall-aware goal cost: the {@link TemporalDistanceHead}'s predicted number of steps
 * from each imagined latent to the goal latent g [D],
 *
 * <pre>
 *   ALL_STEPS (default):  c_i = sum_{t=1..T} d(s_{i,t}, g)      (steps-to-go summed: get there early)
 *   LAST_STEP:            c_i = d(s_{i,T}, g)
 * </pre>
 *
 * the drop-in replacement of {@link GoalDistance}'s ||s − g||^2, which ranks states on either side
 * of a wall as close when their latents are (issue 5, "Known difficulty"). Differentiable in the
 * states (and so in the actions, for {@link GradientPlanner}); like the world model's, the head's
 * parameters also receive gradients then, which nothing reads. Shapes: states [N, T + 1, D]
 * (index 0, the start, never counts), actions unused, cost [N]. The goal is held on the host and
 * created in the states' manager on each call; phi(g) is computed once per call, so a call costs
 * N T + 1 embeddings. Step-additive (ALL_STEPS) or last-state-only (LAST_STEP), so exact under
 * {@link DynamicProgrammingPlanner}. Combine with other terms by {@link WeightedObjective}.
 */
public final class LearnedDistanceCost implements PlanObjective {
  private final TemporalDistanceHead head;
  private final float[] goal;
  private final GoalDistance.Steps steps;

  /** Learned distance to {@code goal} [D] over the given steps. */
  public LearnedDistanceCost(TemporalDistanceHead head, float[] goal, GoalDistance.Steps steps) {
    Checks.arg(head != null, "learned distance cost needs a TemporalDistanceHead, got null");
    Checks.arg(goal != null && goal.length == head.latentDim(),
        "goal latent must hold D = %s values, got %s", head.latentDim(),
        goal == null ? "null" : goal.length);
    for (float v : goal) {
      Checks.arg(Float.isFinite(v), "goal latent has a non-finite value %s; encode a valid goal",
          v);
    }
    Checks.arg(steps != null, "learned distance steps is null; use ALL_STEPS or LAST_STEP");
    this.head = head;
    this.goal = goal.clone();
    this.steps = steps;
  }

  /** Learned distance to a goal latent [D] or [1, D] (copied to the host). */
  public static LearnedDistanceCost of(TemporalDistanceHead head, NDArray goal,
      GoalDistance.Steps steps) {
    return new LearnedDistanceCost(head, goal.toType(DataType.FLOAT32, false).toFloatArray(),
        steps);
  }

  /** The goal latent [D] (a copy). */
  public float[] goal() {
    return goal.clone();
  }

  public GoalDistance.Steps steps() {
    return steps;
  }

  @Override
  public NDArray cost(NDArray states, NDArray actions) {
    Checks.arg(states.getShape().dimension() == 3 && states.getShape().get(2) == goal.length
            && states.getShape().get(1) >= 2,
        "learned distance expects states [N, T + 1, %s] with T >= 1, got %s", goal.length,
        states.getShape());
    long n = states.getShape().get(0);
    NDArray g = states.getManager().create(goal).toType(states.getDataType(), false); // [D]
    if (steps == GoalDistance.Steps.LAST_STEP) {
      return head.distanceTo(states.get(new NDIndex(":, -1")), g); // [N]
    }
    long t = states.getShape().get(1) - 1;
    NDArray future = states.get(new NDIndex(":, 1:")).reshape(n * t, goal.length); // [N T, D]
    return head.distanceTo(future, g).reshape(n, t).sum(new int[] {1}); // [N]
  }
}
