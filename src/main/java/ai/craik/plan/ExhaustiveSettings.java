package ai.craik.plan;

import ai.craik.config.Checks;

/**
 * Settings of {@link ExhaustiveSearch}.
 *
 * @param batchSize sequences per batched rollout, at least 1 (bounds memory: batch x (T + 1) x D
 *     floats)
 * @param maxSequences refuse horizons with more than this many sequences K^T, at least 1
 * @param tieTolerance costs within tie_tolerance * max(1, |min cost|) of the minimum count as ties
 *     (float rounding differs between batches); &gt;= 0
 */
public record ExhaustiveSettings(int batchSize, long maxSequences, double tieTolerance) {
  public ExhaustiveSettings {
    Checks.arg(batchSize >= 1, "plan.exhaustive.batch_size=%s must be at least 1", batchSize);
    Checks.arg(maxSequences >= 1, "plan.exhaustive.max_sequences=%s must be at least 1",
        maxSequences);
    Checks.arg(Double.isFinite(tieTolerance) && tieTolerance >= 0,
        "plan.exhaustive.tie_tolerance=%s must be >= 0; use e.g. 1e-6", tieTolerance);
  }

  /** Batches of 4096, at most 1,000,000 sequences, relative tie tolerance 1e-6. */
  public static ExhaustiveSettings defaults() {
    return new ExhaustiveSettings(4096, 1_000_000L, 1e-6);
  }
}
