package ai.craik.plan;

import ai.craik.config.Checks;

/**
 * Settings of {@link DynamicProgrammingPlanner}.
 *
 * @param stateTolerance two latent states coincide when max_j |s_j - s'_j| &lt;= state_tolerance;
 *     &gt;= 0 (0 merges only identical states)
 * @param beamWidth keep at most this many states per depth (the lowest cost-so-far); 0 keeps all
 *     (exact), a positive width makes the search approximate
 * @param batchSize candidates per batched rollout, at least 1
 * @param tieTolerance costs within tie_tolerance * max(1, |cost|) count as ties, broken
 *     lexicographically as in {@link ExhaustiveSearch}; &gt;= 0
 */
public record DynamicProgrammingSettings(double stateTolerance, int beamWidth, int batchSize,
    double tieTolerance) {
  public DynamicProgrammingSettings {
    Checks.arg(Double.isFinite(stateTolerance) && stateTolerance >= 0,
        "plan.dp.state_tolerance=%s must be >= 0; use e.g. 1e-4", stateTolerance);
    Checks.arg(beamWidth >= 0, "plan.dp.beam_width=%s must be >= 0 (0 = keep every state)",
        beamWidth);
    Checks.arg(batchSize >= 1, "plan.dp.batch_size=%s must be at least 1", batchSize);
    Checks.arg(Double.isFinite(tieTolerance) && tieTolerance >= 0,
        "plan.dp.tie_tolerance=%s must be >= 0; use e.g. 1e-6", tieTolerance);
  }

  /** State tolerance 1e-4, no beam limit, batches of 4096, relative tie tolerance 1e-6. */
  public static DynamicProgrammingSettings defaults() {
    return new DynamicProgrammingSettings(1e-4, 0, 4096, 1e-6);
  }
}
