package ai.craik.agent;

import ai.craik.config.Checks;

/**
 * One record of the short-term memory: a latent state the agent was in (depth 0, observed) or
 * imagined (depth j &gt;= 1: j steps into the plan it made at {@code time}), the action taken from it,
 * and the intrinsic cost of arriving there.
 *
 * <pre>
 *   key       (episode, time, depth)
 *   cost      IC of arriving at {@code state}: the goal, wall and curiosity terms of this state and
 *             the action energy of the action that led here (for time 0, depth 0: no action)
 * </pre>
 *
 * <p>Arrays are kept by reference (the memory never changes them); the goal array is shared by the
 * entries written under the same goal.
 *
 * @param episode the episode index
 * @param time the step of the episode (for imagined entries: the step the plan was made at)
 * @param depth 0 for an observed state, j &gt;= 1 for the j-th imagined state of a plan
 * @param state the latent s [D]
 * @param action the action a [A] taken (or planned) from {@code state}; empty when none was
 * @param cost the intrinsic cost of arriving at {@code state}
 * @param goal the goal latent [D] the agent pursued
 */
public record MemoryEntry(int episode, int time, int depth, float[] state, float[] action,
    double cost, float[] goal) {
  public MemoryEntry {
    Checks.arg(episode >= 0 && time >= 0 && depth >= 0,
        "memory entry keys must be >= 0, got episode=%s time=%s depth=%s", episode, time, depth);
    Checks.arg(state != null && state.length > 0, "memory entry needs a state");
    Checks.arg(action != null, "memory entry needs an action array (empty for none)");
    Checks.arg(goal != null && goal.length == state.length,
        "memory entry goal must have the state's size %s, got %s", state.length,
        goal == null ? "null" : goal.length);
    Checks.arg(Double.isFinite(cost), "memory entry cost %s must be finite", cost);
  }

  /** True for a state the agent observed (depth 0). */
  public boolean observed() {
    return depth == 0;
  }
}
