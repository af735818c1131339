package ai.craik.plan;

/**
 * A planner's answer, all on the host: the action sequence and how the search went.
 *
 * <p>Traces have one entry per iteration (a CEM/MPPI sampling round, a gradient step, a DP depth,
 * an exhaustive batch): {@code bestCosts[i]} is the lowest cost evaluated in iteration i and
 * {@code eliteCosts[i]} the mean cost of the set the planner refits to (CEM: the elites; MPPI: the
 * weighted mean sum_i w_i c_i; gradient: the mean over restarts; DP: the kept states; exhaustive:
 * the batch). Arrays are not copied; records compare them by reference.
 *
 * @param actions the plan a_0 .. a_{T-1}, [T][A]
 * @param cost the objective's value of {@code actions}
 * @param bestCosts lowest cost per iteration [iterations]
 * @param eliteCosts mean cost of the refit set per iteration [iterations]
 * @param std the final proposal standard deviation [T][A] (zeros for planners without a proposal:
 *     gradient, exhaustive, dynamic programming)
 * @param iterations iterations run
 * @param seconds wall time of the planning call
 */
public record Plan(float[][] actions, double cost, double[] bestCosts, double[] eliteCosts,
    float[][] std, int iterations, double seconds) {

  /** The horizon T. */
  public int horizon() {
    return actions.length;
  }

  /** The first action a_0 [A] (a copy): what an MPC step executes first. */
  public float[] firstAction() {
    return actions[0].clone();
  }
}
