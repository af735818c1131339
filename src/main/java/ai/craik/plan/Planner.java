package ai.craik.plan;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * Mode-2 planning: find the action sequence whose imagined trajectory through a frozen latent world
 * model has the least cost,
 *
 * <pre>
 *   a*_{0..T-1} = argmin_a  C(rollout(s_0, a), a)       s_0 [D], a [T, A], states [T + 1, D]
 * </pre>
 *
 * <p>Contract of every implementation: all candidates of an iteration are evaluated in one batched
 * rollout [N, T, A] -&gt; [N, T + 1, D] (no per-candidate loop over the model); the model runs with
 * graph recording off ({@link ai.craik.engine.GradMode#disabled}) except inside the gradient
 * planner's own collector; every temporary array lives in a child manager of {@code s0}'s manager,
 * closed before returning, so only host values leave; randomness comes only from {@code rng}
 * (samples drawn on the host), so the same stream and thread count give the same plan. Each
 * returned action satisfies ||a_t|| &lt;= max_norm when the planner's max_norm is set.
 *
 * <p>LeCun 2022, "A Path Towards Autonomous Machine Intelligence", section 3.1.2 (Mode-2).
 */
public interface Planner {
  /**
   * Plans {@code horizon} steps from {@code s0}.
   *
   * @param s0 the start latent [D] or [1, D]
   * @param model the frozen world model
   * @param objective the cost to minimize
   * @param horizon T, at least 1
   * @param warmStart an initial mean [T][A] (e.g. the last plan shifted by MPC), or null for zeros
   * @param iterations search iterations (sampling rounds, gradient steps); re-plans may use fewer.
   *     The discrete searches, whose work is fixed by the horizon, ignore it.
   * @param rng the stream all random draws come from
   */
  Plan plan(NDArray s0, LatentDynamics model, PlanObjective objective, int horizon,
      float[][] warmStart, int iterations, SplittableRandom rng);
}
