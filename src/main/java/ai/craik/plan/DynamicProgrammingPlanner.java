package ai.craik.plan;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Forward dynamic programming over a discrete action set: expand every kept latent state by every
 * action, merge candidates whose states coincide, keep the cheapest path into each state.
 *
 * <pre>
 *   depth 0:  one node (s_0, empty prefix, cost 0)
 *   depth d = 1..T:
 *     candidates = every kept prefix p (length d - 1) extended by every choice k, in that order
 *     c(p k) = C(rollout(s_0, p k), p k)      (the objective on the prefix; batched rollouts)
 *     merge: candidates whose states s_d coincide (max_j |s_j - s'_j| &lt;= state_tolerance) form
 *            one node, carried by the cheapest (ties: the lexicographically first prefix)
 *     beam:  if beam_width &gt; 0 keep the beam_width cheapest nodes
 *   answer: the cheapest node at depth T (ties: the lexicographically first)
 * </pre>
 *
 * Exact (equal to {@link ExhaustiveSearch}, ties included) when the model is deterministic, its
 * reachable latents are finitely many (so merging is exact), and the cost is step-additive, c(p) =
 * sum_t g(s_t, a_t), optionally plus a term of the last state only (e.g. {@link GoalDistance},
 * {@link ActionMagnitude} and their weighted sums): then two prefixes into one state have equal
 * futures and the cheaper one dominates. Tie tolerance as in {@link ExhaustiveSearch}. A beam makes
 * it approximate. Each depth re-rolls the prefixes from s_0 (the {@link LatentDynamics} contract
 * has one start state), so the work is O(T^2 M K) model steps for M kept states; merging compares
 * each candidate with the kept states, O(M K x M) in the worst case: meant for small problems.
 * Iterations in the traces are depths; the warm start, the iteration count and the random stream
 * are not used.
 */
public final class DynamicProgrammingPlanner implements Planner {
  private final DiscreteActions actions;
  private final DynamicProgrammingSettings settings;

  public DynamicProgrammingPlanner(DiscreteActions actions, DynamicProgrammingSettings settings) {
    Checks.arg(actions != null && settings != null, "dynamic programming needs an action set and"
        + " settings (DynamicProgrammingSettings.defaults())");
    this.actions = actions;
    this.settings = settings;
  }

  public DiscreteActions actions() {
    return actions;
  }

  /** A kept path: its choice indices, cost so far and last latent state [D]. */
  private record Node(int[] prefix, double cost, float[] state) {}

  private static final Comparator<Node> BY_COST_THEN_PREFIX =
      Comparator.comparingDouble(Node::cost).thenComparing(Node::prefix, Arrays::compare);

  @Override
  public Plan plan(NDArray s0, LatentDynamics model, PlanObjective objective, int horizon,
      float[][] warmStart, int iterations, SplittableRandom rng) {
    long start = System.nanoTime();
    float[] s0f = PlanArgs.check(s0, model, objective, horizon, warmStart, iterations, rng);
    int a = actions.dim();
    Checks.arg(model.actionDim() == a, "the discrete actions have size %s, the world model's %s",
        a, model.actionDim());
    int k = actions.size();
    int dim = model.latentDim();
    List<Node> nodes = List.of(new Node(new int[0], 0.0, s0f));
    double[] bestCosts = new double[horizon];
    double[] meanCosts = new double[horizon];
    try (NDManager call = s0.getManager().newSubManager()) {
      for (int d = 1; d <= horizon; d++) {
        int n = nodes.size() * k;
        List<Node> cands = new ArrayList<>(n);
        for (int from = 0; from < n; from += settings.batchSize()) {
          int m = Math.min(settings.batchSize(), n - from);
          float[] batch = new float[m * d * a];
          int[][] prefixes = new int[m][];
          for (int i = 0; i < m; i++) {
            Node parent = nodes.get((from + i) / k);
            int[] p = Arrays.copyOf(parent.prefix(), d);
            p[d - 1] = (from + i) % k;
            prefixes[i] = p;
            for (int t = 0; t < d; t++) {
              System.arraycopy(actions.choice(p[t]), 0, batch, (i * d + t) * a, a);
            }
          }
          Candidates.Evaluated e = Candidates.evaluate(call, s0f, model, objective, batch, m, d,
              true);
          for (int i = 0; i < m; i++) {
            cands.add(new Node(prefixes[i], e.costs()[i],
                Arrays.copyOfRange(e.lastStates(), i * dim, (i + 1) * dim)));
          }
        }
        nodes = merge(cands);
        if (settings.beamWidth() > 0 && nodes.size() > settings.beamWidth()) {
          nodes = nodes.subList(0, settings.beamWidth());
        }
        bestCosts[d - 1] = nodes.get(0).cost();
        meanCosts[d - 1] = Ranking.mean(nodes.stream().mapToDouble(Node::cost).toArray());
      }
    }
    Node winner = lexFirstTie(nodes);
    float[][] plan = new float[horizon][];
    for (int t = 0; t < horizon; t++) {
      plan[t] = actions.choice(winner.prefix()[t]).clone();
    }
    return new Plan(plan, winner.cost(), bestCosts, meanCosts, ActionSequences.zeros(horizon, a),
        horizon, PlanArgs.seconds(start));
  }

  /**
   * Groups candidates by coinciding states (greedy, cheapest first: each candidate joins the first
   * kept representative within the tolerance) and returns each group's carrier, cheapest first.
   */
  private List<Node> merge(List<Node> cands) {
    List<Node> sorted = new ArrayList<>(cands);
    sorted.sort(BY_COST_THEN_PREFIX);
    List<float[]> reps = new ArrayList<>();
    List<List<Node>> groups = new ArrayList<>();
    for (Node c : sorted) {
      int g = 0;
      while (g < reps.size() && !coincide(reps.get(g), c.state())) {
        g++;
      }
      if (g == reps.size()) {
        reps.add(c.state());
        groups.add(new ArrayList<>());
      }
      groups.get(g).add(c);
    }
    List<Node> kept = new ArrayList<>(groups.size());
    for (List<Node> group : groups) {
      kept.add(lexFirstTie(group));
    }
    kept.sort(BY_COST_THEN_PREFIX);
    return kept;
  }

  /** Among nodes tying with the cheapest, the one with the lexicographically first prefix. */
  private Node lexFirstTie(List<Node> nodes) {
    double min = nodes.stream().mapToDouble(Node::cost).min().orElseThrow();
    return nodes.stream().filter(x -> Ranking.ties(x.cost(), min, settings.tieTolerance()))
        .min(Comparator.comparing(Node::prefix, Arrays::compare)).orElseThrow();
  }

  private boolean coincide(float[] x, float[] y) {
    for (int j = 0; j < x.length; j++) {
      if (!(Math.abs(x[j] - y[j]) <= settings.stateTolerance())) {
        return false;
      }
    }
    return true;
  }
}
