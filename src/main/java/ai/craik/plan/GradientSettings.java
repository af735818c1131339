package ai.craik.plan;

import ai.craik.config.Checks;

/**
 * Gradient planner settings; YAML section {@code plan.gradient}. The number of Adam steps is the
 * per-call iteration count ({@link Planner#plan}).
 *
 * @param restarts R sequences optimized together in one batch: the warm start itself and R - 1
 *     perturbed copies; at least 1
 * @param learningRate Adam step size, &gt; 0 (in action units: Adam's first steps move each
 *     coordinate by about this much)
 * @param initStd standard deviation of the restarts' perturbation of the warm start, &gt;= 0
 * @param maxNorm each a_t is projected onto ||a_t|| &lt;= max_norm after every step; 0 means no
 *     limit
 */
public record GradientSettings(int restarts, double learningRate, double initStd,
    double maxNorm) {
  public GradientSettings {
    Checks.arg(restarts >= 1, "plan.gradient.restarts=%s must be at least 1;"
        + " raise plan.gradient.restarts", restarts);
    Checks.arg(Double.isFinite(learningRate) && learningRate > 0,
        "plan.gradient.learning_rate=%s must be > 0; use e.g. 0.05", learningRate);
    Checks.arg(Double.isFinite(initStd) && initStd >= 0,
        "plan.gradient.init_std=%s must be >= 0; use e.g. 0.5", initStd);
    Checks.arg(Double.isFinite(maxNorm) && maxNorm >= 0, "plan.gradient.max_norm=%s must be >= 0"
        + " (0 = no limit); use the environment's largest action norm", maxNorm);
  }

  /** R = 8 restarts, learning rate 0.05, restart std 0.5, no norm limit. */
  public static GradientSettings defaults() {
    return new GradientSettings(8, 0.05, 0.5, 0.0);
  }
}
