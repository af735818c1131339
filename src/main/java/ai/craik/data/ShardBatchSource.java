package ai.craik.data;

import ai.craik.config.Checks;
import ai.craik.engine.RandomStreams;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Batches streamed from a dataset on disk, holding at most K shards in memory.
 *
 * <p>Shards are visited in a fixed schedule: epoch e visits every shard once, in the order of a
 * permutation drawn from {@code RandomStreams(scheduleSeed).stream("shard-order", e)}. The K
 * resident shards are visits v … v + K − 1 of that schedule, with v = ⌊batches served / P⌋ and
 * P = ⌈M / B⌉ batches (M trajectories per shard), so each visit contributes about M windows
 * before it rotates out; the next shard is then loaded (and its checksum verified the first time).
 * With K at least the shard count, everything stays resident. Residency depends only on the
 * number of batches served, so {@link #seek} restores it exactly after a resume.
 *
 * <p>Each window of a batch draws, from the stream passed to {@link #next}: a trajectory uniform
 * over the resident trajectories (a shard twice resident at an epoch boundary counts twice), then
 * a start uniform in 0 … T + 1 − L. Rendering then runs on the source's threads.
 */
public final class ShardBatchSource implements BatchSource {
  private final TwoRoomsDataset dataset;
  private final BatchSpec spec;
  private final int resident;
  private final RandomStreams schedule;
  private final long batchesPerVisit;
  private final WindowFiller filler;
  private final Map<Integer, Shard> loaded = new HashMap<>();
  private int[] order;
  private long orderEpoch = -1;
  private long served;
  private long residentFrom = -1;
  private Shard[] slots;
  private long shardLoads;

  /**
   * @param residentShards K, shards held in memory at once (at least 1)
   * @param scheduleSeed seeds the order in which shards are visited
   * @param threads threads that render a batch
   */
  public ShardBatchSource(TwoRoomsDataset dataset, BatchSpec spec, int residentShards,
      long scheduleSeed, int threads) {
    Checks.arg(residentShards >= 1, "resident shards %s must be at least 1", residentShards);
    Checks.arg(spec.window() <= dataset.length() + 1, "window of %s frames is longer than the"
        + " dataset's trajectories (%s frames) in %s; use a window of at most %s", spec.window(),
        dataset.length() + 1, dataset.dir(), dataset.length() + 1);
    this.dataset = dataset;
    this.spec = spec;
    this.resident = Math.min(residentShards, dataset.shards().size());
    this.schedule = new RandomStreams(scheduleSeed);
    this.batchesPerVisit = Math.max(1,
        (dataset.spec().shardSize() + spec.batchSize() - 1) / spec.batchSize());
    this.filler = new WindowFiller(spec, dataset.spec().maxStep(), threads);
  }

  @Override
  public BatchSpec spec() {
    return spec;
  }

  /** Batches served so far (the schedule position). */
  public long position() {
    return served;
  }

  /** Moves the schedule to after {@code batches} batches, e.g. the step a training run resumes at. */
  public void seek(long batches) {
    Checks.arg(batches >= 0, "position %s must be >= 0", batches);
    served = batches;
  }

  /** Shards loaded from disk so far (rotations; for tests and benchmarks). */
  public long shardLoads() {
    return shardLoads;
  }

  @Override
  public WindowBatch next(SplittableRandom rng, WindowBatch into) {
    filler.check(into);
    Shard[] shards = residentShards();
    long total = 0;
    long[] ends = new long[shards.length];
    for (int i = 0; i < shards.length; i++) {
      total += shards[i].count();
      ends[i] = total;
    }
    int b = spec.batchSize();
    int[] slot = new int[b];
    int[] row = new int[b];
    int[] start = new int[b];
    int t = dataset.length();
    for (int i = 0; i < b; i++) {
      long u = rng.nextLong(total);
      int s = 0;
      while (u >= ends[s]) {
        s++;
      }
      slot[i] = s;
      row[i] = (int) (u - (ends[s] - shards[s].count()));
      start[i] = rng.nextInt(t + 2 - spec.window());
    }
    filler.forEachItem(i -> {
      Shard sh = shards[slot[i]];
      int j = row[i];
      filler.fill(into, i, sh.layout(j), sh.actions(), j * 2 * t, sh.positions(),
          j * 2 * (t + 1), start[i], sh.first() + j);
    });
    served++;
    return into;
  }

  /** The shards of visits v … v + K − 1 for the current position, loading what is missing. */
  private Shard[] residentShards() {
    int count = dataset.shards().size();
    long from = resident >= count ? 0 : served / batchesPerVisit;
    if (from == residentFrom) {
      return slots;
    }
    int[] wanted = new int[resident];
    for (int i = 0; i < resident; i++) {
      wanted[i] = resident >= count ? i : visit(from + i);
    }
    Map<Integer, Shard> keep = new HashMap<>();
    Shard[] next = new Shard[resident];
    for (int i = 0; i < resident; i++) {
      Shard s = keep.get(wanted[i]);
      if (s == null) {
        s = loaded.get(wanted[i]);
      }
      if (s == null) {
        s = dataset.shard(wanted[i]);
        shardLoads++;
      }
      keep.put(wanted[i], s);
      next[i] = s;
    }
    loaded.clear();
    loaded.putAll(keep);
    slots = next;
    residentFrom = from;
    return slots;
  }

  /** The shard of schedule visit {@code v}. */
  private int visit(long v) {
    int count = dataset.shards().size();
    long epoch = v / count;
    if (epoch != orderEpoch) {
      SplittableRandom r = schedule.stream("shard-order", epoch);
      order = new int[count];
      for (int i = 0; i < count; i++) {
        order[i] = i;
      }
      for (int i = count - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      orderEpoch = epoch;
    }
    return order[(int) (v % count)];
  }

  @Override
  public void close() {
    filler.close();
    loaded.clear();
    slots = null;
    residentFrom = -1;
  }
}
