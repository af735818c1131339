package ai.craik.plan;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Exhaustive search over a small discrete action set: every one of the K^T sequences is rolled out
 * (batched) and scored, and the cheapest wins. The correctness reference for the other planners on
 * small problems.
 *
 * <pre>
 *   sequence i in [0, K^T): step t takes choice digit_t(i) in base K, step 0 most significant
 *   a* = the first i (lexicographic order) with c_i &lt;= min_j c_j + tol max(1, |min_j c_j|)
 * </pre>
 *
 * Sequences are evaluated in batches of batch_size (one iteration each in the traces); the warm
 * start, the iteration count and the random stream are not used. Horizons with more than
 * max_sequences sequences are refused.
 */
public final class ExhaustiveSearch implements Planner {
  private final DiscreteActions actions;
  private final ExhaustiveSettings settings;

  public ExhaustiveSearch(DiscreteActions actions, ExhaustiveSettings settings) {
    Checks.arg(actions != null && settings != null,
        "exhaustive search needs an action set and settings (ExhaustiveSettings.defaults())");
    this.actions = actions;
    this.settings = settings;
  }

  public DiscreteActions actions() {
    return actions;
  }

  @Override
  public Plan plan(NDArray s0, LatentDynamics model, PlanObjective objective, int horizon,
      float[][] warmStart, int iterations, SplittableRandom rng) {
    long start = System.nanoTime();
    float[] s0f = PlanArgs.check(s0, model, objective, horizon, warmStart, iterations, rng);
    int a = actions.dim();
    Checks.arg(model.actionDim() == a, "the discrete actions have size %s, the world model's %s",
        a, model.actionDim());
    int k = actions.size();
    long total = sequences(k, horizon);
    long limit = Math.min(settings.maxSequences(), Integer.MAX_VALUE);
    Checks.arg(total <= limit, "exhaustive search over %s actions and horizon %s"
        + " would evaluate %s sequences, more than max_sequences=%s; shorten the horizon or use"
        + " DynamicProgrammingPlanner", k, horizon, total == Long.MAX_VALUE ? "over 2^63" : total,
        limit);
    int n = (int) total;
    double[] costs = new double[n];
    List<Double> bestCosts = new ArrayList<>();
    List<Double> meanCosts = new ArrayList<>();
    try (NDManager call = s0.getManager().newSubManager()) {
      for (int from = 0; from < n; from += settings.batchSize()) {
        int m = Math.min(settings.batchSize(), n - from);
        float[] batch = new float[m * horizon * a];
        for (int i = 0; i < m; i++) {
          int[] digits = digits(from + i, k, horizon);
          for (int t = 0; t < horizon; t++) {
            System.arraycopy(actions.choice(digits[t]), 0, batch, (i * horizon + t) * a, a);
          }
        }
        double[] c = Candidates.costs(call, s0f, model, objective, batch, m, horizon);
        System.arraycopy(c, 0, costs, from, m);
        bestCosts.add(Ranking.min(c));
        meanCosts.add(Ranking.mean(c));
      }
    }
    double min = Ranking.min(costs);
    int winner = 0;
    while (!Ranking.ties(costs[winner], min, settings.tieTolerance())) {
      winner++;
    }
    int[] digits = digits(winner, k, horizon);
    float[][] plan = new float[horizon][];
    for (int t = 0; t < horizon; t++) {
      plan[t] = actions.choice(digits[t]).clone();
    }
    return new Plan(plan, costs[winner], unbox(bestCosts), unbox(meanCosts),
        ActionSequences.zeros(horizon, a), bestCosts.size(), PlanArgs.seconds(start));
  }

  /** K^T, or Long.MAX_VALUE on overflow. */
  static long sequences(int k, int t) {
    long n = 1;
    for (int i = 0; i < t; i++) {
      if (n > Long.MAX_VALUE / k) {
        return Long.MAX_VALUE;
      }
      n *= k;
    }
    return n;
  }

  /** The choice indices of sequence {@code index}, step 0 most significant. */
  static int[] digits(long index, int k, int t) {
    int[] d = new int[t];
    for (int s = t - 1; s >= 0; s--) {
      d[s] = (int) (index % k);
      index /= k;
    }
    return d;
  }

  static double[] unbox(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
