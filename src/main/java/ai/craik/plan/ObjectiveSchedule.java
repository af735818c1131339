package ai.craik.plan;

import ai.djl.ndarray.NDArray;

/**
 * The objective of each re-plan of an MPC episode, chosen from the steps taken and the encoded
 * start latent: one fixed objective, or a sub-goal first and then the goal
 * ({@link SubgoalSchedule}). {@link MpcLoop#runScheduled} calls it once per re-plan, in order,
 * with grad mode off and the start latent s_0 [D] or [1, D] in the re-plan's scope; the call is
 * timed with the planner's.
 */
@FunctionalInterface
public interface ObjectiveSchedule {
  /** The objective of the re-plan after {@code step} executed actions, from latent {@code start}. */
  PlanObjective objective(int step, NDArray start);

  /** The same objective at every re-plan. */
  static ObjectiveSchedule fixed(PlanObjective objective) {
    return (step, start) -> objective;
  }
}
