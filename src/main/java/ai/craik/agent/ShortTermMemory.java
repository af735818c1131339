package ai.craik.agent;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The agent's short-term memory: what it observed and imagined, with the intrinsic cost of each
 * state, kept on the host for the critic and the Mode-1 policy to learn from.
 *
 * <p>Retrieval: by key ({@link #get(int, int)}: the state observed at (episode, time);
 * {@link #episode}: an episode's observed states in time order; {@link #plan}: the states a plan
 * imagined) and by content ({@link #read}: a soft key-value read, the latent as key,
 *
 * <pre>
 *   w_i = softmax_i(-||q - s_i||^2 / tau),   read(q) = (sum_i w_i s_i, sum_i w_i c_i)
 * </pre>
 *
 * as in the associative memory of LeCun 2022, section 4.9).
 *
 * <p><b>Eviction.</b> The memory holds at most {@code capacity} entries. Writing into a full memory
 * evicts the oldest imagined entry (imagined states are cheap to imagine again); only when no
 * imagined entry is left does it evict the oldest observed one (first in, first out). An
 * overwritten key (the same episode, time and depth written again) replaces its entry in place.
 */
public final class ShortTermMemory {
  private record Key(int episode, int time, int depth) {}

  private final int capacity;
  private final Deque<Key> observedOrder = new ArrayDeque<>();
  private final Deque<Key> imaginedOrder = new ArrayDeque<>();
  private final Map<Key, MemoryEntry> entries = new HashMap<>();

  /** An empty memory of at most {@code capacity} entries. */
  public ShortTermMemory(int capacity) {
    Checks.arg(capacity >= 1, "short-term memory capacity=%s must be at least 1", capacity);
    this.capacity = capacity;
  }

  /** The most entries it holds. */
  public int capacity() {
    return capacity;
  }

  /** Entries held. */
  public int size() {
    return entries.size();
  }

  /** Observed entries held. */
  public int observedCount() {
    return observedOrder.size();
  }

  /** Writes {@code e}, evicting by the policy above when full. */
  public void write(MemoryEntry e) {
    Key k = new Key(e.episode(), e.time(), e.depth());
    if (entries.put(k, e) != null) {
      return; // replaced in place: the order of writing is kept
    }
    (e.observed() ? observedOrder : imaginedOrder).addLast(k);
    while (entries.size() > capacity) {
      Key old = !imaginedOrder.isEmpty() ? imaginedOrder.pollFirst() : observedOrder.pollFirst();
      entries.remove(old);
    }
  }

  /** The state observed at {@code time} of {@code episode}, if held. */
  public Optional<MemoryEntry> get(int episode, int time) {
    return get(episode, time, 0);
  }

  /** The entry of key (episode, time, depth), if held. */
  public Optional<MemoryEntry> get(int episode, int time, int depth) {
    return Optional.ofNullable(entries.get(new Key(episode, time, depth)));
  }

  /** The observed entries of {@code episode} in time order (empty when none is held). */
  public List<MemoryEntry> episode(int episode) {
    List<MemoryEntry> out = new ArrayList<>();
    for (Key k : observedOrder) {
      if (k.episode() == episode) {
        out.add(entries.get(k));
      }
    }
    out.sort(Comparator.comparingInt(MemoryEntry::time));
    return out;
  }

  /** The imagined entries of the plan made at {@code time} of {@code episode}, in depth order. */
  public List<MemoryEntry> plan(int episode, int time) {
    List<MemoryEntry> out = new ArrayList<>();
    for (Key k : imaginedOrder) {
      if (k.episode() == episode && k.time() == time) {
        out.add(entries.get(k));
      }
    }
    out.sort(Comparator.comparingInt(MemoryEntry::depth));
    return out;
  }

  /** The episodes with at least one observed entry, ascending. */
  public List<Integer> episodes() {
    TreeSet<Integer> out = new TreeSet<>();
    observedOrder.forEach(k -> out.add(k.episode()));
    return List.copyOf(out);
  }

  /** The (episode, time) of every plan with imagined entries held, in the order written. */
  public List<int[]> plans() {
    List<int[]> out = new ArrayList<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (Key k : imaginedOrder) {
      if (seen.add(((long) k.episode() << 32) | k.time())) {
        out.add(new int[] {k.episode(), k.time()});
      }
    }
    return out;
  }

  /** Every entry: the observed ones oldest first, then the imagined ones oldest first. */
  public List<MemoryEntry> all() {
    List<MemoryEntry> out = new ArrayList<>(observed());
    imaginedOrder.forEach(k -> out.add(entries.get(k)));
    return out;
  }

  /** Every observed entry, oldest first. */
  public List<MemoryEntry> observed() {
    return observedOrder.stream().map(entries::get).toList();
  }

  /**
   * A soft key-value read by latent similarity (see the class comment) over the observed entries,
   * or over all entries when {@code includeImagined}.
   *
   * @param query the key q [D]
   * @param temperature tau &gt; 0: small reads the nearest entry, large averages all
   * @throws IllegalStateException when no entry qualifies
   */
  public SoftRead read(float[] query, double temperature, boolean includeImagined) {
    Checks.arg(temperature > 0 && Double.isFinite(temperature),
        "soft read temperature=%s must be finite and > 0", temperature);
    List<MemoryEntry> pool = includeImagined ? all() : observed();
    Checks.state(!pool.isEmpty(), "the short-term memory holds no entry to read; run an episode"
        + " first");
    double[] logits = new double[pool.size()];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logits.length; i++) {
      float[] s = pool.get(i).state();
      Checks.arg(s.length == query.length, "soft read query has %s values, the memory's states"
          + " %s", query.length, s.length);
      double d = 0;
      for (int j = 0; j < s.length; j++) {
        double diff = query[j] - s[j];
        d += diff * diff;
      }
      logits[i] = -d / temperature;
      max = Math.max(max, logits[i]);
    }
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      logits[i] = StrictMath.exp(logits[i] - max);
      sum += logits[i];
    }
    float[] state = new float[query.length];
    double cost = 0;
    int best = 0;
    for (int i = 0; i < logits.length; i++) {
      double w = logits[i] / sum;
      MemoryEntry e = pool.get(i);
      for (int j = 0; j < state.length; j++) {
        state[j] += (float) (w * e.state()[j]);
      }
      cost += w * e.cost();
      if (logits[i] > logits[best]) {
        best = i;
      }
    }
    return new SoftRead(state, cost, pool.get(best), logits[best] / sum, pool.size());
  }

  /**
   * The entries as arrays for a checkpoint, oldest first (observed, then imagined): keys [M, 3]
   * (episode, time, depth), states and goals [M, D], costs [M], actions [M, A] with a length [M]
   * (0 for none). Goals are stored per entry.
   */
  public NDList toArrays(NDManager target) {
    List<MemoryEntry> all = all();
    int m = all.size();
    int d = m == 0 ? 1 : all.get(0).state().length;
    int a = all.stream().mapToInt(e -> e.action().length).max().orElse(0);
    float[] keys = new float[m * 3];
    float[] states = new float[m * d];
    float[] goals = new float[m * d];
    float[] costs = new float[m];
    float[] actions = new float[m * Math.max(a, 1)];
    float[] lengths = new float[m];
    for (int i = 0; i < m; i++) {
      MemoryEntry e = all.get(i);
      keys[3 * i] = e.episode();
      keys[3 * i + 1] = e.time();
      keys[3 * i + 2] = e.depth();
      System.arraycopy(e.state(), 0, states, i * d, d);
      System.arraycopy(e.goal(), 0, goals, i * d, d);
      costs[i] = (float) e.cost();
      System.arraycopy(e.action(), 0, actions, i * Math.max(a, 1), e.action().length);
      lengths[i] = e.action().length;
    }
    NDList out = new NDList(
        named(target.create(keys, new Shape(m, 3)), "memory.keys"),
        named(target.create(states, new Shape(m, d)), "memory.states"),
        named(target.create(goals, new Shape(m, d)), "memory.goals"),
        named(target.create(costs, new Shape(m)), "memory.costs"),
        named(target.create(actions, new Shape(m, Math.max(a, 1))), "memory.actions"),
        named(target.create(lengths, new Shape(m)), "memory.action_lengths"));
    return out;
  }

  /** Writes back the entries of {@link #toArrays} (into this memory, by the eviction policy). */
  public void writeAll(NDList saved) {
    java.util.Map<String, NDArray> by = new java.util.HashMap<>();
    saved.forEach(x -> by.put(x.getName(), x));
    for (String k : List.of("memory.keys", "memory.states", "memory.goals", "memory.costs",
        "memory.actions", "memory.action_lengths")) {
      Checks.arg(by.containsKey(k), "saved memory lacks '%s'", k);
    }
    float[] keys = by.get("memory.keys").toFloatArray();
    float[] states = by.get("memory.states").toFloatArray();
    float[] goals = by.get("memory.goals").toFloatArray();
    float[] costs = by.get("memory.costs").toFloatArray();
    float[] actions = by.get("memory.actions").toFloatArray();
    float[] lengths = by.get("memory.action_lengths").toFloatArray();
    int m = costs.length;
    if (m == 0) {
      return;
    }
    int d = states.length / m;
    int a = actions.length / m;
    for (int i = 0; i < m; i++) {
      int len = (int) lengths[i];
      write(new MemoryEntry((int) keys[3 * i], (int) keys[3 * i + 1], (int) keys[3 * i + 2],
          java.util.Arrays.copyOfRange(states, i * d, (i + 1) * d),
          java.util.Arrays.copyOfRange(actions, i * a, i * a + len), costs[i],
          java.util.Arrays.copyOfRange(goals, i * d, (i + 1) * d)));
    }
  }

  private static NDArray named(NDArray x, String name) {
    x.setName(name);
    return x;
  }
}
