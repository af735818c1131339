package ai.craik.data;

import ai.craik.config.ConfigChecks;
import ai.craik.env.ExplorationConfig;
import ai.craik.env.TwoRoomsConfig;
import ai.craik.env.TwoRoomsRenderer;
import java.util.List;

/**
 * What an offline Two Rooms dataset holds and how it was generated: the {@code generator} section
 * of {@code dataset.json}. Two runs with equal specs write identical shards, whatever their thread
 * counts.
 *
 * @param trajectories number of trajectories N
 * @param length steps per trajectory T (T actions, T + 1 positions)
 * @param layout {@code fixed} (wall_x = 32, door_y = 18) or {@code random} (drawn per trajectory)
 * @param seed the seed; trajectory i uses the stream {@code RandomStreams(seed).stream("trajectory",
 *     i)} (its layout first, for the random layout, then the walk)
 * @param shardSize trajectories per shard M (the last shard may hold fewer)
 * @param observationSize R of the stored observations, or 0 when none are stored
 * @param maxStep the action clip of the dynamics (world units); also what actions are divided by
 *     when a batch normalizes them
 * @param sigma the dot's width used for stored observations (world units)
 * @param exploration the random-play policy
 */
public record DatasetSpec(int trajectories, int length, String layout, long seed, int shardSize,
    int observationSize, double maxStep, double sigma, ExplorationConfig exploration) {
  public DatasetSpec {
    ConfigChecks.inRange("trajectories", trajectories, 1, Integer.MAX_VALUE);
    ConfigChecks.inRange("length", length, 1, 1_000_000);
    ConfigChecks.oneOf("layout", layout, List.of("fixed", "random"));
    ConfigChecks.inRange("shard_size", shardSize, 1, 1_000_000);
    if (observationSize != 0) {
      ConfigChecks.inRange("observation_size", observationSize, 16, 1024);
    }
    ConfigChecks.positive("max_step", maxStep);
    ConfigChecks.positive("sigma", sigma);
    if (exploration == null) {
      throw new ai.craik.config.ConfigValueException("exploration", null, "must be given");
    }
  }

  /**
   * A spec with the default environment (max step 2.45, σ 1.3) and exploration policy (κ = 5, step
   * N(1, 0.4²) on [0.2, 1.8], 35% door trajectories).
   */
  public static DatasetSpec of(int trajectories, int length, String layout, long seed,
      int shardSize, int observationSize) {
    TwoRoomsConfig env = TwoRoomsConfig.defaults();
    return new DatasetSpec(trajectories, length, layout, seed, shardSize, observationSize,
        env.maxStep(), TwoRoomsRenderer.DEFAULT_SIGMA, ExplorationConfig.defaults());
  }

  /** True for the random layout. */
  public boolean randomLayout() {
    return "random".equals(layout);
  }

  /** Number of shards, ⌈N / M⌉. */
  public int shardCount() {
    return (int) ((trajectories + (long) shardSize - 1) / shardSize);
  }

  /** Index of the first trajectory of shard {@code k}. */
  public long firstOf(int k) {
    return (long) k * shardSize;
  }

  /** Trajectories in shard {@code k}. */
  public int countOf(int k) {
    return (int) Math.min(shardSize, trajectories - firstOf(k));
  }

  /** The file name of shard {@code k}: {@code shard-00000.npz}, .... */
  public static String shardFile(int k) {
    return String.format(java.util.Locale.ROOT, "shard-%05d.npz", k);
  }
}
