package ai.craik.plan;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;

/**
 * Model-predictive path integral control over action sequences (Williams et al. 2017,
 * "Information Theoretic MPC for Model-Based Reinforcement Learning"; TD-MPC2's planner, Hansen et
 * al. 2024, arXiv:2310.16828):
 *
 * <pre>
 *   mu = warm start (or 0) [T, A],  sigma = init_std
 *   repeat iterations times:
 *     x_0 = mu,  x_i = P(mu + sigma * eps_i),  i = 1 .. N-1                 [N, T, A]
 *     c = C(rollout(s_0, x), x)                                             [N]   (one batch)
 *     w_i = exp(-(c_i - min_j c_j) / lambda) / sum_k exp(-(c_k - min_j c_j) / lambda)
 *     mu = sum_i w_i x_i
 *     sigma = max(min_std, sqrt(sum_i w_i (x_i - mu)^2))     (only with update_std)
 *   return mu, or the lowest-cost candidate seen if that is cheaper
 * </pre>
 *
 * Convention: lambda (the temperature) is in the objective's cost units and the weights are taken
 * over all N candidates (no elite cut); subtracting the minimum cost changes nothing mathematically
 * and keeps exp from underflowing, so the best candidate always has weight &gt;= 1/N. Infinite
 * costs get weight 0. The mean is averaged from the projected samples x_i (not from the raw noise),
 * so it stays in the norm ball. The std restarts at init_std on every call.
 */
public final class MppiPlanner implements Planner {
  private final MppiSettings settings;

  public MppiPlanner(MppiSettings settings) {
    Checks.arg(settings != null, "MPPI needs settings; use MppiSettings.defaults()");
    this.settings = settings;
  }

  public MppiSettings settings() {
    return settings;
  }

  @Override
  public Plan plan(NDArray s0, LatentDynamics model, PlanObjective objective, int horizon,
      float[][] warmStart, int iterations, SplittableRandom rng) {
    long start = System.nanoTime();
    float[] s0f = PlanArgs.check(s0, model, objective, horizon, warmStart, iterations, rng);
    float[] mean0 = PlanArgs.initialMean(warmStart, horizon, model.actionDim(),
        settings.maxNorm());
    try (NDManager call = s0.getManager().newSubManager()) {
      SampledSearch.Result r = SampledSearch.run(call, s0f, model, objective, horizon, mean0,
          settings.initStd(), settings.samples(), settings.maxNorm(), iterations, rng,
          (proposal, cands, costs) -> {
            double[] w = weights(costs, settings.temperature());
            proposal.refitWeighted(cands, w, settings.updateStd(), settings.minStd());
            double mean = 0;
            for (int i = 0; i < w.length; i++) {
              mean += w[i] == 0 ? 0 : w[i] * costs[i];
            }
            return mean;
          });
      return SampledSearch.finish(call, s0f, model, objective, horizon, r, iterations, start);
    }
  }

  /** w_i = softmax(-(c_i - min c) / lambda) over the candidates; infinite costs get 0. */
  static double[] weights(double[] costs, double lambda) {
    double min = Ranking.min(costs);
    double[] w = new double[costs.length];
    double sum = 0;
    for (int i = 0; i < costs.length; i++) {
      w[i] = Double.isFinite(costs[i]) ? StrictMath.exp(-(costs[i] - min) / lambda) : 0.0;
      sum += w[i];
    }
    for (int i = 0; i < w.length; i++) {
      w[i] /= sum;
    }
    return w;
  }
}
