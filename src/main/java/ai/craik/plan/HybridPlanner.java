package ai.craik.plan;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * CEM, then gradient refinement: sampling finds the basin, Adam through the model finishes the
 * descent that sampling does only slowly (CEM-GD, Bharadhwaj et al. 2020, "Model-Predictive Control
 * via Cross-Entropy and Gradient-Based Optimization", arXiv:2004.08763; LeCun 2022, section 3.1.2).
 *
 * <pre>
 *   CEM for `iterations` iterations (as {@link CemPlanner})          -> mu, candidates, c
 *   X = [mu, the k-1 lowest-cost distinct sequences among the last candidates and the best seen]
 *   refine_steps Adam steps on X [k, T, A] batched (as {@link GradientPlanner}), each followed by P
 *   return the lowest-cost sequence evaluated in either phase
 * </pre>
 *
 * The traces concatenate both phases; {@link Plan#iterations()} is iterations + refine_steps and
 * {@link Plan#std()} is CEM's final std. The refinement is bounded by cem.max_norm too.
 */
public final class HybridPlanner implements Planner {
  private final HybridSettings settings;
  private final CemPlanner cem;

  public HybridPlanner(HybridSettings settings) {
    Checks.arg(settings != null,
        "the hybrid planner needs settings; use HybridSettings.defaults()");
    this.settings = settings;
    this.cem = new CemPlanner(settings.cem());
  }

  public HybridSettings settings() {
    return settings;
  }

  @Override
  public Plan plan(NDArray s0, LatentDynamics model, PlanObjective objective, int horizon,
      float[][] warmStart, int iterations, SplittableRandom rng) {
    long start = System.nanoTime();
    float[] s0f = PlanArgs.check(s0, model, objective, horizon, warmStart, iterations, rng);
    int a = model.actionDim();
    int ta = horizon * a;
    try (NDManager call = s0.getManager().newSubManager()) {
      SampledSearch.Result r = cem.search(call, s0f, model, objective, horizon, warmStart,
          iterations, rng);
      List<float[]> rows = startRows(r, settings.refineTop(), ta);
      float[] x = new float[rows.size() * ta];
      for (int i = 0; i < rows.size(); i++) {
        System.arraycopy(rows.get(i), 0, x, i * ta, ta);
      }
      ActionAdam.Result g = ActionAdam.run(call, s0f, model, objective, x, rows.size(), horizon,
          settings.refineSteps(), settings.learningRate(), settings.cem().maxNorm());
      boolean refined = g.bestCost() <= r.bestCost();
      float[] best = refined ? g.best() : r.best();
      double cost = refined ? g.bestCost() : r.bestCost();
      return new Plan(ActionSequences.unflatten(best, 0, horizon, a), cost,
          concat(r.bestCosts(), g.bestCosts()), concat(r.eliteCosts(), g.meanCosts()),
          ActionSequences.unflatten(r.proposal().std(), 0, horizon, a),
          iterations + settings.refineSteps(), PlanArgs.seconds(start));
    }
  }

  /** The final mean, then distinct low-cost sequences (last candidates and best seen). */
  private static List<float[]> startRows(SampledSearch.Result r, int k, int ta) {
    List<float[]> rows = new ArrayList<>(k);
    rows.add(r.proposal().mean());
    int n = r.costs().length;
    double[] costs = Arrays.copyOf(r.costs(), n + 1);
    costs[n] = r.bestCost();
    for (int i : Ranking.order(costs)) {
      if (rows.size() == k) {
        break;
      }
      float[] row = i == n ? r.best() : ActionSequences.row(r.candidates(), i, ta);
      if (rows.stream().noneMatch(x -> Arrays.equals(x, row))) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static double[] concat(double[] x, double[] y) {
    double[] out = Arrays.copyOf(x, x.length + y.length);
    System.arraycopy(y, 0, out, x.length, y.length);
    return out;
  }
}
