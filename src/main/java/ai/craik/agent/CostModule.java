package ai.craik.agent;

import ai.craik.config.Checks;
import ai.craik.plan.PlanObjective;
import ai.craik.plan.WeightedObjective;
import ai.djl.ndarray.NDArray;

/**
 * The cost module: what the actor minimizes over an imagined trajectory,
 *
 * <pre>
 *   C(s_0..s_T, a) = sum_{t=1..T} IC(step t) + w_critic TC(s_T, g)
 * </pre>
 *
 * the immutable intrinsic cost (the agent's drives) plus the trainable critic's estimate of the
 * intrinsic cost still to come after the horizon (absent when w_critic is 0 or no critic is given).
 * Terms are named {@code intrinsic} and {@code critic} for diagnostics.
 */
public final class CostModule implements PlanObjective {
  private final IntrinsicCost intrinsic;
  private final Critic critic;
  private final double criticWeight;
  private final WeightedObjective objective;

  /** IC alone, or IC + w TC when {@code critic} is given and {@code criticWeight} &gt; 0. */
  public CostModule(IntrinsicCost intrinsic, Critic critic, double criticWeight) {
    Checks.arg(intrinsic != null, "the cost module needs an intrinsic cost");
    Checks.arg(criticWeight >= 0 && Double.isFinite(criticWeight),
        "critic weight %s must be >= 0", criticWeight);
    Checks.arg(criticWeight == 0 || critic != null, "a critic weight > 0 needs a trained critic");
    this.intrinsic = intrinsic;
    this.critic = criticWeight > 0 ? critic : null;
    this.criticWeight = criticWeight;
    WeightedObjective o = WeightedObjective.of("intrinsic", 1.0, intrinsic);
    this.objective = this.critic == null ? o
        : o.with("critic", criticWeight, critic.asCost(intrinsic.goal()));
  }

  public IntrinsicCost intrinsic() {
    return intrinsic;
  }

  /** True when the critic is a term. */
  public boolean usesCritic() {
    return critic != null;
  }

  public double criticWeight() {
    return criticWeight;
  }

  @Override
  public NDArray cost(NDArray states, NDArray actions) {
    return objective.cost(states, actions);
  }
}
