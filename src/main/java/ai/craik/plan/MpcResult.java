package ai.craik.plan;

import java.util.List;

/**
 * An MPC episode.
 *
 * @param success whether the success predicate held (possibly on the first observation)
 * @param steps actions executed
 * @param actions the executed actions in order [steps][A]
 * @param replans every plan made, in order
 */
public record MpcResult(boolean success, int steps, List<float[]> actions,
    List<Replan> replans) {
  public MpcResult {
    actions = List.copyOf(actions);
    replans = List.copyOf(replans);
  }

  /** Total planning wall time over all re-plans. */
  public double planningSeconds() {
    return replans.stream().mapToDouble(Replan::seconds).sum();
  }
}
