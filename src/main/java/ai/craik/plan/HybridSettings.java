package ai.craik.plan;

import ai.craik.config.Checks;

/**
 * Hybrid planner settings; YAML section {@code plan.hybrid}: CEM for the per-call iteration count,
 * then Adam refinement of its best sequences.
 *
 * @param cem the sampling phase (its max_norm also bounds the refinement)
 * @param refineTop k sequences refined together: the final CEM mean and the k - 1 lowest-cost
 *     candidates of the last CEM iteration; 1..cem.samples
 * @param refineSteps Adam steps of the refinement, at least 1
 * @param learningRate Adam step size of the refinement, &gt; 0
 */
public record HybridSettings(CemSettings cem, int refineTop, int refineSteps,
    double learningRate) {
  public HybridSettings {
    Checks.arg(cem != null, "plan.hybrid.cem is missing; give the CEM settings");
    Checks.arg(refineTop >= 1 && refineTop <= cem.samples(), "plan.hybrid.refine_top=%s must be"
        + " in 1..%s (plan.hybrid.cem.samples); lower plan.hybrid.refine_top", refineTop,
        cem.samples());
    Checks.arg(refineSteps >= 1, "plan.hybrid.refine_steps=%s must be at least 1;"
        + " raise plan.hybrid.refine_steps", refineSteps);
    Checks.arg(Double.isFinite(learningRate) && learningRate > 0,
        "plan.hybrid.learning_rate=%s must be > 0; use e.g. 0.02", learningRate);
  }

  /** CEM defaults, then 20 Adam steps at 0.02 on the 4 best sequences. */
  public static HybridSettings defaults() {
    return new HybridSettings(CemSettings.defaults(), 4, 20, 0.02);
  }
}
