package ai.craik.agent;

import ai.craik.config.Checks;
import ai.craik.plan.PlanObjective;
import ai.craik.run.Checkpointable;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The trainable critic TC: predicts the discounted intrinsic cost still to come from a latent state,
 * for the goal being pursued,
 *
 * <pre>
 *   TC(s_t, g) ~ sum_{k &gt;= 1} gamma^(k-1) IC_{t+k}
 * </pre>
 *
 * <p>a small network u(s, g) of [s, g] (the goal is the configurator's setting: the cost to come
 * depends on it) read through a fixed scale c, TC = c sinh(u), fitted to u* = asinh(y / c) with c
 * the mean |y| of the first targets: near 0 the read-out is linear, far from it logarithmic, so
 * states stuck against a wall (whose cost to come is hundreds of times a free state's) do not
 * drown the distance to the goal in the fit.
 * Trained from the short-term memory ({@link #train}): for every sequence of states under one goal
 * (an observed episode, split where the configurator switched goals, and every imagined plan, from
 * its start state), the n-step target with the critic's own value at the sequence's end,
 *
 * <pre>
 *   y_j = sum_{k=j+1..n} gamma^(k-j-1) c_k + gamma^(n-j) TC(s_n, g)
 * </pre>
 *
 * recomputed each round (fitted value iteration: round 1 bootstraps from the untrained critic,
 * whose output starts near 0). In planning it is the cost of the last imagined state
 * ({@link #asCost}): short horizons plus TC stand in for long ones.
 */
public final class Critic implements Checkpointable {
  /** A training example. */
  public record Sample(float[] state, float[] goal, double target) {}

  /** What {@link #train} did: each round's final epoch loss, and R^2 on its own targets. */
  public record Report(double[] roundLosses, double r2, int samples) {}

  private static final String SCALE = "critic.scale";

  private final GoalConditionedNet net;
  private final double gamma;
  private double scale = 0;

  /**
   * A critic over latents of size {@code latentDim}.
   *
   * @param hidden hidden widths of the network
   * @param gamma discount in (0, 1)
   */
  public Critic(NDManager parent, int latentDim, int[] hidden, double gamma,
      SplittableRandom init) {
    Checks.arg(gamma > 0 && gamma < 1, "critic discount gamma=%s must be in (0, 1)", gamma);
    this.net = new GoalConditionedNet(parent, "critic", latentDim, hidden, 1, init);
    this.gamma = gamma;
  }

  public double gamma() {
    return gamma;
  }

  /** True once trained (or restored). */
  public boolean trained() {
    return scale > 0;
  }

  /** TC [N] of states [N, D] for goals [N, D] or one goal [D] (graph kept). */
  public NDArray value(NDArray states, NDArray goals) {
    NDArray u = net.forward(states, goals).reshape(-1); // [N]
    return scale > 0 ? u.sinh().mul((float) scale) : u.mul(0f);
  }

  /** TC of host rows. */
  public double[] values(float[][] s, float[][] g, NDManager manager) {
    float[][] y = net.predict(s, g, manager);
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = scale > 0 ? StrictMath.sinh(y[i][0]) * scale : 0;
    }
    return out;
  }

  /** The planning term TC(s_T, g): states [N, T + 1, D] to [N]. */
  public PlanObjective asCost(float[] goal) {
    Checks.arg(trained(), "the critic is untrained; train it ('craik agent critic') first");
    float[] g = goal.clone();
    return (states, actions) -> value(states.get(new NDIndex(":, -1")),
        states.getManager().create(g));
  }

  /**
   * The n-step targets of every sequence in {@code memory} (see the class comment), with the
   * current critic at the sequence ends; imagined plans only when {@code imagined}.
   */
  public List<Sample> targets(ShortTermMemory memory, boolean imagined, NDManager manager) {
    List<List<MemoryEntry>> sequences = new ArrayList<>();
    for (int e : memory.episodes()) {
      List<MemoryEntry> run = new ArrayList<>();
      for (MemoryEntry m : memory.episode(e)) {
        if (!run.isEmpty() && (m.time() != run.get(run.size() - 1).time() + 1
            || !Arrays.equals(m.goal(), run.get(0).goal()))) {
          sequences.add(run);
          run = new ArrayList<>();
        }
        run.add(m);
      }
      sequences.add(run);
    }
    if (imagined) {
      for (int[] p : memory.plans()) {
        List<MemoryEntry> seq = new ArrayList<>();
        memory.get(p[0], p[1]).ifPresent(seq::add);
        seq.addAll(memory.plan(p[0], p[1]));
        sequences.add(seq);
      }
    }
    sequences.removeIf(s -> s.size() < 2);
    Checks.state(!sequences.isEmpty(), "the memory holds no sequence of two states or more to"
        + " train the critic on; run episodes first");
    float[][] ends = new float[sequences.size()][];
    float[][] endGoals = new float[sequences.size()][];
    for (int i = 0; i < ends.length; i++) {
      MemoryEntry last = sequences.get(i).get(sequences.get(i).size() - 1);
      ends[i] = last.state();
      endGoals[i] = last.goal();
    }
    double[] tails = values(ends, endGoals, manager);
    List<Sample> out = new ArrayList<>();
    for (int i = 0; i < ends.length; i++) {
      List<MemoryEntry> seq = sequences.get(i);
      double y = tails[i];
      for (int j = seq.size() - 2; j >= 0; j--) {
        y = seq.get(j + 1).cost() + gamma * y;
        out.add(new Sample(seq.get(j).state(), seq.get(j).goal(), y));
      }
    }
    return out;
  }

  /**
   * Trains on the memory: {@code rounds} of (targets with the current critic, then {@code epochs}
   * of minibatch Adam).
   */
  public Report train(ShortTermMemory memory, boolean imagined, int rounds, int epochs, int batch,
      double learningRate, SplittableRandom rng, NDManager manager) {
    Checks.arg(rounds >= 1, "critic rounds=%s must be at least 1", rounds);
    double[] losses = new double[rounds];
    List<Sample> samples = List.of();
    for (int r = 0; r < rounds; r++) {
      samples = targets(memory, imagined, manager);
      if (scale == 0) {
        scale = Math.max(1e-6, samples.stream().mapToDouble(s -> Math.abs(s.target()))
            .average().orElse(1));
      }
      float[][] s = new float[samples.size()][];
      float[][] g = new float[samples.size()][];
      float[][] y = new float[samples.size()][1];
      for (int i = 0; i < s.length; i++) {
        s[i] = samples.get(i).state();
        g[i] = samples.get(i).goal();
        y[i][0] = (float) asinh(samples.get(i).target() / scale);
      }
      double[] l = net.fit(s, g, y, epochs, batch, learningRate, rng, manager);
      losses[r] = l[l.length - 1];
    }
    return new Report(losses, r2(samples, manager), samples.size());
  }

  private static double asinh(double x) {
    return Math.signum(x) * StrictMath.log(Math.abs(x) + Math.sqrt(x * x + 1));
  }

  /** R^2 = 1 - SS_res / SS_tot of the critic on {@code samples}. */
  public double r2(List<Sample> samples, NDManager manager) {
    float[][] s = samples.stream().map(Sample::state).toArray(float[][]::new);
    float[][] g = samples.stream().map(Sample::goal).toArray(float[][]::new);
    double[] yhat = values(s, g, manager);
    double mean = samples.stream().mapToDouble(Sample::target).average().orElse(0);
    double res = 0;
    double tot = 0;
    for (int i = 0; i < yhat.length; i++) {
      double y = samples.get(i).target();
      res += (y - yhat[i]) * (y - yhat[i]);
      tot += (y - mean) * (y - mean);
    }
    return tot > 0 ? 1 - res / tot : 0;
  }

  @Override
  public NDList state(NDManager target) {
    NDList out = net.state(target);
    NDArray s = target.create(new float[] {(float) scale});
    s.setName(SCALE);
    out.add(s);
    return out;
  }

  @Override
  public void restore(NDList saved) {
    net.restore(saved);
    for (NDArray a : saved) {
      if (SCALE.equals(a.getName())) {
        scale = a.toFloatArray()[0];
      }
    }
  }
}
