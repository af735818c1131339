package ai.craik.plan;

import ai.djl.ndarray.NDArray;

/**
 * A frozen latent world model as a planner sees it: imagined states of many candidate action
 * sequences from one start latent,
 *
 * <pre>
 *   s_0 given,   s_{t+1} = f(s_t, a_t),   t = 0 .. T-1
 *   rollout(s_0 [D] or [1, D], actions [N, T, A]) = states [N, T + 1, D],   states[:, 0] = s_0
 * </pre>
 *
 * <p>All N candidates go through the model in one batched call (a few large matmuls per step, no
 * per-candidate loop). The rollout must be differentiable with respect to the actions when a
 * {@code GradientCollector} is open (the gradient planner back-propagates through it) and must
 * record no graph otherwise; results are created in the actions' manager (planners call it inside a
 * per-iteration scope). Planners pass actions of dtype float32.
 *
 * <p>LeCun 2022, "A Path Towards Autonomous Machine Intelligence", section 3 (Mode-2 perception-
 * planning-action through the world model).
 */
public interface LatentDynamics {
  /** Imagined states [N, T + 1, D] (index 0 = s0) of candidate sequences [N, T, A] from s0. */
  NDArray rollout(NDArray s0, NDArray actions);

  /** The latent size D. */
  int latentDim();

  /** The action size A. */
  int actionDim();
}
