package ai.craik.plan;

/**
 * One re-plan of an MPC episode.
 *
 * @param step environment steps taken before this plan
 * @param horizon the horizon planned (shrinks at the end of the budget)
 * @param iterations the iteration count asked of the planner (cold first plan, then warm)
 * @param seconds wall time of the planner call only (encoding and acting excluded)
 * @param executed actions of this plan that were executed (k, fewer at the end or on success)
 * @param plan the planner's answer
 */
public record Replan(int step, int horizon, int iterations, double seconds, int executed,
    Plan plan) {}
