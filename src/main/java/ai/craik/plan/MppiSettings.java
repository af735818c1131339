package ai.craik.plan;

import ai.craik.config.Checks;

/**
 * Model-predictive path integral settings; YAML section {@code plan.mppi}. See
 * {@link MppiPlanner} for the update.
 *
 * @param samples candidates N per iteration (one of them is the current mean), at least 2
 * @param temperature lambda &gt; 0, in cost units: weights are softmax(-(c_i - min c) / lambda);
 *     small lambda approaches the best sample, large lambda the plain sample mean
 * @param initStd proposal standard deviation at the start of every call, &gt; 0
 * @param minStd floor of the updated standard deviation, in [0, init_std] (used when
 *     {@code updateStd})
 * @param updateStd refit the standard deviation to the weighted samples each iteration; false keeps
 *     it at init_std (classic MPPI)
 * @param maxNorm each a_t is projected onto ||a_t|| &lt;= max_norm; 0 means no limit
 */
public record MppiSettings(int samples, double temperature, double initStd, double minStd,
    boolean updateStd, double maxNorm) {
  public MppiSettings {
    Checks.arg(samples >= 2, "plan.mppi.samples=%s must be at least 2; raise plan.mppi.samples",
        samples);
    Checks.arg(Double.isFinite(temperature) && temperature > 0,
        "plan.mppi.temperature=%s must be > 0 (in cost units); use e.g. the spread of the costs",
        temperature);
    Checks.arg(Double.isFinite(initStd) && initStd > 0,
        "plan.mppi.init_std=%s must be > 0; use e.g. 1.0", initStd);
    Checks.arg(minStd >= 0 && minStd <= initStd, "plan.mppi.min_std=%s must be in [0, %s]"
        + " (plan.mppi.init_std); lower plan.mppi.min_std", minStd, initStd);
    Checks.arg(Double.isFinite(maxNorm) && maxNorm >= 0, "plan.mppi.max_norm=%s must be >= 0"
        + " (0 = no limit); use the environment's largest action norm", maxNorm);
  }

  /** N = 300, lambda = 1, std 1.0 refit with floor 0.05, no norm limit. */
  public static MppiSettings defaults() {
    return new MppiSettings(300, 1.0, 1.0, 0.05, true, 0.0);
  }
}
