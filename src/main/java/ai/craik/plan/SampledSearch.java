package ai.craik.plan;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;

/**
 * The sampling loop CEM and MPPI share: per iteration, draw N candidates from the
 * {@link GaussianProposal} (candidate 0 is its mean), evaluate them in one batched rollout, refit
 * the proposal by the planner's rule, and remember the lowest-cost sequence ever evaluated.
 */
final class SampledSearch {
  private SampledSearch() {}

  /** A planner's refit rule; returns the mean cost of the refit set (the elite trace). */
  interface Refit {
    double apply(GaussianProposal proposal, float[] candidates, double[] costs);
  }

  /**
   * Where the search ended.
   *
   * @param proposal the refit proposal after the last iteration
   * @param best the lowest-cost sequence evaluated [T A], and {@code bestCost} its cost
   * @param candidates the last iteration's candidates [N T A], with their {@code costs} [N]
   */
  record Result(GaussianProposal proposal, float[] best, double bestCost, float[] candidates,
      double[] costs, double[] bestCosts, double[] eliteCosts) {}

  static Result run(NDManager call, float[] s0, LatentDynamics model, PlanObjective objective,
      int t, float[] mean0, double initStd, int samples, double maxNorm, int iterations,
      SplittableRandom rng, Refit refit) {
    int a = model.actionDim();
    GaussianProposal proposal = new GaussianProposal(mean0, t, a, initStd);
    double[] bestCosts = new double[iterations];
    double[] eliteCosts = new double[iterations];
    float[] best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    float[] candidates = null;
    double[] costs = null;
    for (int it = 0; it < iterations; it++) {
      candidates = proposal.sample(rng, samples, maxNorm); // [N, T, A]
      costs = Candidates.costs(call, s0, model, objective, candidates, samples, t); // [N]
      int i = Ranking.argmin(costs);
      bestCosts[it] = costs[i];
      if (best == null || costs[i] < bestCost) {
        best = ActionSequences.row(candidates, i, t * a);
        bestCost = costs[i];
      }
      eliteCosts[it] = refit.apply(proposal, candidates, costs);
    }
    return new Result(proposal, best, bestCost, candidates, costs, bestCosts, eliteCosts);
  }

  /**
   * The plan: the final mean (evaluated once more) or, if it is worse, the best sequence seen, so
   * the returned cost never exceeds the lowest cost evaluated.
   */
  static Plan finish(NDManager call, float[] s0, LatentDynamics model, PlanObjective objective,
      int t, Result r, int iterations, long startNanos) {
    int a = model.actionDim();
    float[] mean = r.proposal().mean();
    double meanCost = Candidates.costs(call, s0, model, objective, mean, 1, t)[0];
    boolean useMean = meanCost <= r.bestCost();
    float[] chosen = useMean ? mean : r.best();
    double cost = useMean ? meanCost : r.bestCost();
    return new Plan(ActionSequences.unflatten(chosen, 0, t, a), cost, r.bestCosts(),
        r.eliteCosts(), ActionSequences.unflatten(r.proposal().std(), 0, t, a), iterations,
        PlanArgs.seconds(startNanos));
  }
}
