package ai.craik.plan;

import ai.craik.jepa.TemporalDistanceHead;
import ai.djl.ndarray.NDArray;

/**
 * A distance between latent states, batched: d(a_n, b_n) for latents a [N, D] and b [N, D] (or
 * [1, D], broadcast), d [N]. What a sub-goal search ranks waypoints by and what tells MPC that a
 * waypoint is reached ({@link WaypointChoice}, {@link SubgoalSchedule}):
 *
 * <pre>
 *   euclidean:  d(a, b) = ||a − b||                         (the plain latent distance; leaks through walls)
 *   learned:    d(a, b) = K ||phi(a) − phi(b)||  in steps    ({@link TemporalDistanceHead})
 * </pre>
 *
 * Written with NDArray ops on its inputs, so results land in the inputs' manager; callers run it
 * with grad mode off.
 */
@FunctionalInterface
public interface LatentMetric {
  /** d [N] of latents a [N, D] and b [N, D] or [1, D]. */
  NDArray distance(NDArray a, NDArray b);

  /** The plain latent distance ||a − b||. */
  static LatentMetric euclidean() {
    return (a, b) -> a.sub(b).square().sum(new int[] {1}).sqrt(); // [N]
  }

  /** The learned temporal distance of {@code head} (steps). */
  static LatentMetric learned(TemporalDistanceHead head) {
    return head::distance;
  }
}
