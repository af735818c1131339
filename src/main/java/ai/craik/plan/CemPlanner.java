package ai.craik.plan;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The cross-entropy method over action sequences (Rubinstein 1999; for planning in latent space
 * PlaNet, Hafner et al. 2019, arXiv:1811.04551, and PLDM, Sobal et al. 2025, arXiv:2502.14819):
 *
 * <pre>
 *   mu = warm start (or 0) [T, A],  sigma = init_std
 *   repeat iterations times:
 *     x_0 = mu,  x_i = P(mu + sigma * eps_i),  eps_i ~ N(0, I),  i = 1 .. N-1   [N, T, A]
 *     c = C(rollout(s_0, x), x)                                    [N]   (one batch)
 *     E = the K lowest-cost candidates (ties by index)
 *     mu = mean_E x,   sigma = max(min_std, std_E x)        (per step and action dimension)
 *   return mu, or the lowest-cost candidate seen if that is cheaper
 * </pre>
 *
 * P projects each a_t onto the ball ||a_t|| &lt;= max_norm (a_t min(1, max_norm / ||a_t||)); the
 * mean, an average of projected samples, stays in the ball. The proposal std restarts at init_std
 * on every call; a warm start moves only the mean. Samples are drawn on the host from the given
 * stream.
 */
public final class CemPlanner implements Planner {
  private final CemSettings settings;

  public CemPlanner(CemSettings settings) {
    Checks.arg(settings != null, "CEM needs settings; use CemSettings.defaults()");
    this.settings = settings;
  }

  public CemSettings settings() {
    return settings;
  }

  @Override
  public Plan plan(NDArray s0, LatentDynamics model, PlanObjective objective, int horizon,
      float[][] warmStart, int iterations, SplittableRandom rng) {
    long start = System.nanoTime();
    float[] s0f = PlanArgs.check(s0, model, objective, horizon, warmStart, iterations, rng);
    try (NDManager call = s0.getManager().newSubManager()) {
      SampledSearch.Result r = search(call, s0f, model, objective, horizon, warmStart, iterations,
          rng);
      return SampledSearch.finish(call, s0f, model, objective, horizon, r, iterations, start);
    }
  }

  /** The CEM iterations, for this planner and {@link HybridPlanner}. */
  SampledSearch.Result search(NDManager call, float[] s0, LatentDynamics model,
      PlanObjective objective, int t, float[][] warmStart, int iterations, SplittableRandom rng) {
    float[] mean0 = PlanArgs.initialMean(warmStart, t, model.actionDim(), settings.maxNorm());
    return SampledSearch.run(call, s0, model, objective, t, mean0, settings.initStd(),
        settings.samples(), settings.maxNorm(), iterations, rng, (proposal, cands, costs) -> {
          int[] elites = Arrays.copyOf(Ranking.order(costs), settings.elites());
          proposal.refitElites(cands, elites, settings.minStd());
          return Ranking.meanOf(costs, elites);
        });
  }
}
