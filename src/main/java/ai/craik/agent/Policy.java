package ai.craik.agent;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.craik.run.Checkpointable;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Mode-1 policy: a reactive actor a = pi(s, g), a small network of the state and the goal
 * latent whose output is projected onto ||a|| &lt;= max_norm (as every planned action is). It is
 * distilled from Mode-2 (LeCun 2022, section 4.3, "amortized inference"): trained by regression on
 * the first actions Mode-2 executed, read from the short-term memory,
 *
 * <pre>
 *   min  mean_i ||pi(s_i, g_i) - a_i||^2        (s_i, a_i, g_i): observed entries of the memory
 * </pre>
 *
 * and it can imagine its own plan ({@link #imagine}: a_t = pi(s_t, g), s_{t+1} = f(s_t, a_t)),
 * which seeds Mode-2's proposal and lets the actor judge Mode-1 against the last plan.
 */
public final class Policy implements Checkpointable {
  private final GoalConditionedNet net;
  private final int actionDim;
  private final double maxNorm;

  /** A policy over latents [D] to actions [A] of norm at most {@code maxNorm}. */
  public Policy(NDManager parent, int latentDim, int actionDim, int[] hidden, double maxNorm,
      SplittableRandom init) {
    Checks.arg(maxNorm > 0 && Double.isFinite(maxNorm), "policy max_norm=%s must be > 0",
        maxNorm);
    this.net = new GoalConditionedNet(parent, "policy", latentDim, hidden, actionDim, init);
    this.actionDim = actionDim;
    this.maxNorm = maxNorm;
  }

  public int actionDim() {
    return actionDim;
  }

  /** Actions [N, A] of states [N, D] for goals [N, D] or one goal [D], each ||a|| &lt;= max_norm. */
  public NDArray act(NDArray states, NDArray goals) {
    NDArray raw = net.forward(states, goals); // [N, A]
    NDArray norm = raw.square().sum(new int[] {1}, true).sqrt(); // [N, 1]
    NDArray shrink = norm.maximum((float) maxNorm).pow(-1f).mul((float) maxNorm); // min(1, m/|a|)
    return raw.mul(shrink);
  }

  /** The action [A] for state s [D] and goal g [D], on the host. */
  public float[] act(float[] s, float[] g, NDManager manager) {
    try (NDManager scope = manager.newSubManager()) {
      return GradMode.disabled(() -> act(scope.create(s).reshape(1, s.length), scope.create(g)))
          .toType(DataType.FLOAT32, false).toFloatArray();
    }
  }

  /**
   * The policy's own plan of {@code horizon} steps from s0 [D] through {@code model}: actions
   * [horizon][A] and the imagined states [1, horizon + 1, D] (in {@code scope}).
   */
  public Imagined imagine(NDArray s0, float[] goal, WorldModel model, int horizon,
      NDManager scope) {
    Checks.arg(horizon >= 1, "policy imagination horizon %s must be >= 1", horizon);
    return GradMode.disabled(() -> {
      int d = model.latentDim();
      NDArray g = scope.create(goal);
      NDArray s = s0.reshape(1, d);
      NDArray states = s.expandDims(1); // [1, 1, D]
      float[][] actions = new float[horizon][];
      NDArray acts = null;
      for (int t = 0; t < horizon; t++) {
        NDArray a = act(s, g); // [1, A]
        actions[t] = a.toFloatArray();
        acts = acts == null ? a.expandDims(1) : acts.concat(a.expandDims(1), 1);
        s = model.dynamics().rollout(s, a.reshape(1, 1, actionDim))
            .get(new NDIndex(":, 1")); // [1, D]
        states = states.concat(s.expandDims(1), 1);
      }
      return new Imagined(actions, states, acts);
    });
  }

  /** A plan the policy imagined: host actions [T][A], states [1, T + 1, D], actions [1, T, A]. */
  public record Imagined(float[][] actions, NDArray states, NDArray actionArray) {}

  /**
   * Distils Mode-2 into the policy: regression on (state, goal) of the observed entries that carry
   * an action (and, with {@code imagined}, of the states Mode-2's plans imagined, with the plan's
   * actions), the target being the mean of the actions run (or planned) from t to t + k - 1
   * ({@code targetSteps} = k; fewer at an episode's or a plan's end or a goal switch). With
   * {@code relabel} = K &gt; 0, hindsight examples too: for k = 1, 2, 4, ... &lt;= K, the state
   * reached k steps later as the goal and the mean of the k actions that led there as the target
   * (goal-conditioned supervised learning: exact labels, and many near goals). Returns each
   * epoch's mean loss.
   */
  public double[] distil(ShortTermMemory memory, int targetSteps, boolean imagined, int relabel,
      int epochs, int batch, double learningRate, SplittableRandom rng, NDManager manager) {
    Checks.arg(targetSteps >= 1, "policy target_steps=%s must be at least 1", targetSteps);
    List<MemoryEntry> rows = (imagined ? memory.all() : memory.observed()).stream()
        .filter(e -> e.action().length == actionDim).toList();
    Checks.state(!rows.isEmpty(), "no observed state with an action in memory to distil from;"
        + " collect Mode-2 episodes first");
    List<float[]> s = new ArrayList<>();
    List<float[]> g = new ArrayList<>();
    List<float[]> a = new ArrayList<>();
    for (MemoryEntry e : rows) { // the mean of the k actions run (or planned) from here
      float[] sum = new float[actionDim];
      int n = 0;
      for (int k = 0; k < targetSteps; k++) {
        MemoryEntry next = k == 0 ? e : e.observed()
            ? memory.get(e.episode(), e.time() + k).orElse(null)
            : memory.get(e.episode(), e.time(), e.depth() + k).orElse(null);
        if (next == null || next.action().length != actionDim
            || !Arrays.equals(next.goal(), e.goal())) {
          break;
        }
        add(sum, next.action());
        n++;
      }
      s.add(e.state());
      g.add(e.goal());
      a.add(divided(sum, n));
    }
    for (MemoryEntry e : relabel > 0 ? rows : List.<MemoryEntry>of()) { // hindsight
      if (!e.observed()) {
        continue;
      }
      float[] sum = new float[actionDim];
      for (int k = 1; k <= relabel; k++) {
        MemoryEntry prev = memory.get(e.episode(), e.time() + k - 1).orElse(null);
        MemoryEntry reached = memory.get(e.episode(), e.time() + k).orElse(null);
        if (prev == null || reached == null || prev.action().length != actionDim) {
          break;
        }
        add(sum, prev.action());
        if (Integer.bitCount(k) == 1) { // k = 1, 2, 4, 8, ...
          s.add(e.state());
          g.add(reached.state());
          a.add(divided(sum, k));
        }
      }
    }
    return net.fit(s.toArray(float[][]::new), g.toArray(float[][]::new),
        a.toArray(float[][]::new), epochs, batch, learningRate, rng, manager);
  }

  private static void add(float[] sum, float[] x) {
    for (int j = 0; j < sum.length; j++) {
      sum[j] += x[j];
    }
  }

  private static float[] divided(float[] x, int n) {
    float[] out = new float[x.length];
    for (int j = 0; j < x.length; j++) {
      out[j] = x[j] / n;
    }
    return out;
  }

  /** Mean squared error of the policy's actions against the memory's, over the same rows. */
  public double imitationError(List<MemoryEntry> observed, NDManager manager) {
    List<MemoryEntry> rows = observed.stream().filter(e -> e.observed()
        && e.action().length == actionDim).toList();
    Checks.state(!rows.isEmpty(), "no observed state with an action to score the policy on");
    double sum = 0;
    try (NDManager scope = manager.newSubManager()) {
      float[] s = new float[rows.size() * net.latentDim()];
      float[] g = new float[s.length];
      float[] a = new float[rows.size() * actionDim];
      for (int i = 0; i < rows.size(); i++) {
        System.arraycopy(rows.get(i).state(), 0, s, i * net.latentDim(), net.latentDim());
        System.arraycopy(rows.get(i).goal(), 0, g, i * net.latentDim(), net.latentDim());
        System.arraycopy(rows.get(i).action(), 0, a, i * actionDim, actionDim);
      }
      Shape sh = new Shape(rows.size(), net.latentDim());
      NDArray pred = GradMode.disabled(() -> act(scope.create(s, sh), scope.create(g, sh)));
      sum = pred.sub(scope.create(a, new Shape(rows.size(), actionDim))).square().mean()
          .getFloat();
    }
    return sum;
  }

  @Override
  public NDList state(NDManager target) {
    return net.state(target);
  }

  @Override
  public void restore(NDList saved) {
    net.restore(saved);
  }
}
