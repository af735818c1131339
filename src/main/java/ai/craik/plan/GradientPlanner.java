package ai.craik.plan;

import ai.craik.config.Checks;
import ai.craik.engine.HostRandom;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;

/**
 * Gradient-based planning: Adam on the action sequence, the gradient obtained by back-propagation
 * through the frozen world model and the objective (LeCun 2022, section 3.1.2: Mode-2 inference by
 * gradient descent; the "GD" planner of PLDM, Sobal et al. 2025, arXiv:2502.14819):
 *
 * <pre>
 *   x^(0) = warm start (or 0),  x^(r) = P(x^(0) + init_std * eps_r),  r = 1 .. R-1     [R, T, A]
 *   repeat iterations times (one batched rollout with a graph per step):
 *     g = d C(rollout(s_0, x), x) / d x;   x = P(Adam(x, g))
 *   return the lowest-cost sequence evaluated (any restart, any step, the final one included)
 * </pre>
 *
 * P projects each a_t onto ||a_t|| &lt;= max_norm. Each step opens its own gradient collector, so
 * the caller must have none open (only one may be open per JVM); outside it the model runs with
 * grad mode off. The backward also accumulates into the model's parameter gradients: trainers zero
 * them before their own backward (the world-model trainer and {@code ModuleOptimizers} do). Adam's
 * moments and the update live on the host (R T A numbers); the perturbations come from
 * {@code rng}.
 */
public final class GradientPlanner implements Planner {
  private final GradientSettings settings;

  public GradientPlanner(GradientSettings settings) {
    Checks.arg(settings != null,
        "the gradient planner needs settings; use GradientSettings.defaults()");
    this.settings = settings;
  }

  public GradientSettings settings() {
    return settings;
  }

  @Override
  public Plan plan(NDArray s0, LatentDynamics model, PlanObjective objective, int horizon,
      float[][] warmStart, int iterations, SplittableRandom rng) {
    long start = System.nanoTime();
    float[] s0f = PlanArgs.check(s0, model, objective, horizon, warmStart, iterations, rng);
    int a = model.actionDim();
    int ta = horizon * a;
    int r = settings.restarts();
    float[] mean0 = PlanArgs.initialMean(warmStart, horizon, a, settings.maxNorm());
    float[] x = new float[r * ta];
    float[] eps = HostRandom.normal(rng, (r - 1) * ta);
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < ta; j++) {
        x[i * ta + j] = i == 0 ? mean0[j]
            : (float) (mean0[j] + settings.initStd() * eps[(i - 1) * ta + j]);
      }
    }
    try (NDManager call = s0.getManager().newSubManager()) {
      ActionAdam.Result res = ActionAdam.run(call, s0f, model, objective, x, r, horizon,
          iterations, settings.learningRate(), settings.maxNorm());
      return new Plan(ActionSequences.unflatten(res.best(), 0, horizon, a), res.bestCost(),
          res.bestCosts(), res.meanCosts(), ActionSequences.zeros(horizon, a), iterations,
          PlanArgs.seconds(start));
    }
  }
}
