package ai.craik.plan;

import ai.djl.ndarray.NDArray;

/**
 * The cost a planner minimizes: one number per candidate from its imagined trajectory,
 *
 * <pre>
 *   cost(states [N, T + 1, D], actions [N, T, A]) = c [N],   lower is better
 * </pre>
 *
 * <p>Written with differentiable NDArray ops on its inputs (the gradient planner back-propagates
 * through it to the actions), with the inputs as first operands so results land in the caller's
 * scope, and row-separable: c_i depends on candidate i only. Intrinsic costs
 * ({@link GoalDistance}, {@link ActionMagnitude}) and, later, a learned critic implement it;
 * {@link WeightedObjective} combines named terms.
 *
 * <p>{@link DynamicProgrammingPlanner} evaluates it on prefixes (T' &lt; T steps) and is exact when
 * the cost is step-additive (plus, optionally, a term of the last state only).
 */
public interface PlanObjective {
  /** Cost [N] of states [N, T + 1, D] (index 0 = start) reached under actions [N, T, A]. */
  NDArray cost(NDArray states, NDArray actions);
}
