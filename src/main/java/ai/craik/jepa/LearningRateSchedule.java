package ai.craik.jepa;

import ai.craik.config.ConfigChecks;
import ai.craik.config.ConfigValueException;

/**
 * Linear warm-up, then cosine decay to a floor; a pure function of the step index, so a resumed run
 * gets exactly the rates of an uninterrupted one. YAML keys {@code learning_rate},
 * {@code warmup_steps}, {@code total_steps}, {@code min_learning_rate}.
 *
 * <pre>
 *   lr(k) = base * (k + 1) / W                                      k &lt; W   (k = 0-based step)
 *   lr(k) = min + (base - min) * (1 + cos(pi * q)) / 2,  q = min(1, (k - W) / (K - W))   k &gt;= W
 * </pre>
 *
 * <p>so lr(W - 1) = lr(W) = base, lr(W + (K - W) / 2) = (base + min) / 2 and lr(k) = min for
 * k &gt;= K. Loshchilov and Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts", ICLR
 * 2017 (cosine); Goyal et al. 2017, "Accurate, Large Minibatch SGD", arXiv:1706.02677 (warm-up).
 *
 * @param learningRate base, the peak rate reached at the end of the warm-up
 * @param warmupSteps W, steps of linear warm-up (0 for none)
 * @param totalSteps K, the step at which the cosine reaches the floor (at least W)
 * @param minLearningRate min, the floor, in [0, base]
 */
public record LearningRateSchedule(double learningRate, long warmupSteps, long totalSteps,
    double minLearningRate) {
  public LearningRateSchedule {
    ConfigChecks.positive("learning_rate", learningRate);
    ConfigChecks.atLeast("warmup_steps", warmupSteps, 0);
    ConfigChecks.atLeast("total_steps", totalSteps, warmupSteps);
    ConfigChecks.nonNegative("min_learning_rate", minLearningRate);
    if (minLearningRate > learningRate) {
      throw new ConfigValueException("min_learning_rate", minLearningRate,
          "must be at most learning_rate=" + learningRate);
    }
  }

  /** A constant rate (no warm-up, no decay). */
  public static LearningRateSchedule constant(double lr) {
    return new LearningRateSchedule(lr, 0, 0, lr);
  }

  /** The rate of step {@code step} (0-based). */
  public double at(long step) {
    if (step < warmupSteps) {
      return learningRate * (step + 1) / warmupSteps;
    }
    double q = totalSteps > warmupSteps
        ? Math.min(1.0, (double) (step - warmupSteps) / (totalSteps - warmupSteps)) : 1.0;
    return minLearningRate + (learningRate - minLearningRate) * 0.5 * (1 + StrictMath.cos(Math.PI * q));
  }
}
