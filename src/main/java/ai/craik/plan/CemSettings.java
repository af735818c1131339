package ai.craik.plan;

import ai.craik.config.Checks;

/**
 * Cross-entropy method settings; YAML section {@code plan.cem} (keys in snake_case). The horizon
 * and the iteration count are given per call ({@link Planner#plan}).
 *
 * @param samples candidates N per iteration (one of them is the current mean), at least 2
 * @param elites K lowest-cost candidates the Gaussian is refit to, 1..N
 * @param initStd proposal standard deviation at the start of every call, &gt; 0
 * @param minStd floor of the refit standard deviation, in [0, init_std]; keeps the search from
 *     collapsing onto one sample before it converges
 * @param maxNorm each a_t is projected onto ||a_t|| &lt;= max_norm; 0 means no limit
 */
public record CemSettings(int samples, int elites, double initStd, double minStd,
    double maxNorm) {
  public CemSettings {
    Checks.arg(samples >= 2, "plan.cem.samples=%s must be at least 2; raise plan.cem.samples",
        samples);
    Checks.arg(elites >= 1 && elites <= samples, "plan.cem.elites=%s must be in 1..%s"
        + " (plan.cem.samples); lower plan.cem.elites or raise plan.cem.samples", elites, samples);
    Checks.arg(Double.isFinite(initStd) && initStd > 0,
        "plan.cem.init_std=%s must be > 0; use e.g. 1.0", initStd);
    Checks.arg(minStd >= 0 && minStd <= initStd, "plan.cem.min_std=%s must be in [0, %s]"
        + " (plan.cem.init_std); lower plan.cem.min_std", minStd, initStd);
    Checks.arg(Double.isFinite(maxNorm) && maxNorm >= 0, "plan.cem.max_norm=%s must be >= 0"
        + " (0 = no limit); use the environment's largest action norm", maxNorm);
  }

  /** N = 300, K = 30, std 1.0 with floor 0.05, no norm limit. */
  public static CemSettings defaults() {
    return new CemSettings(300, 30, 1.0, 0.05, 0.0);
  }

  /** A copy with another norm limit. */
  public CemSettings withMaxNorm(double norm) {
    return new CemSettings(samples, elites, initStd, minStd, norm);
  }
}
