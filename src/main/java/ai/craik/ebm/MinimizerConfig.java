package ai.craik.ebm;

import ai.craik.config.Checks;

/**
 * Settings of {@link GradientMinimizer}; YAML section {@code ebm.minimizer}.
 *
 * @param method {@code "gd"} (plain gradient descent) or {@code "adam"} (Adam, betas 0.9 / 0.999,
 *     eps 1e-8; Kingma and Ba, arXiv:1412.6980)
 * @param steps number of gradient steps, &gt;= 0 (0 only evaluates the starts)
 * @param learningRate step size, finite and &gt; 0
 */
public record MinimizerConfig(String method, int steps, double learningRate) {
  public MinimizerConfig {
    Checks.arg("gd".equals(method) || "adam".equals(method),
        "unknown ebm.minimizer.method '%s'; use one of gd, adam", method);
    Checks.arg(steps >= 0, "ebm.minimizer.steps=%s must be >= 0", steps);
    Checks.arg(Double.isFinite(learningRate) && learningRate > 0,
        "ebm.minimizer.learningRate=%s must be finite and > 0, e.g. 0.05", learningRate);
  }

  /** Gradient descent with {@code steps} steps of size {@code learningRate}. */
  public static MinimizerConfig gd(int steps, double learningRate) {
    return new MinimizerConfig("gd", steps, learningRate);
  }

  /** Adam with {@code steps} steps of size {@code learningRate}. */
  public static MinimizerConfig adam(int steps, double learningRate) {
    return new MinimizerConfig("adam", steps, learningRate);
  }
}
