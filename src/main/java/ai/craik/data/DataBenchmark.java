package ai.craik.data;

import ai.craik.config.Checks;
import ai.craik.run.ProgressListener;
import ai.djl.ndarray.NDManager;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;

/**
 * Measures the data pipeline against its targets (issue 3): trajectories generated per second
 * (T = 90, random layout, all threads), the same written to disk as a dataset, and frames per
 * second delivered by {@link ShardBatchSource} into training batches (65 × 65, 2 channels, float32)
 * from that dataset, with rotating shards; optionally also copied into NDArrays.
 *
 * <p>Each timing follows a warm-up (so the JIT has compiled the hot loops). The machine's load
 * average before and after is recorded: other work on the same cores lowers every number.
 */
public final class DataBenchmark {
  /** Target of the issue on 2 cores: trajectories generated per second. */
  public static final double GENERATION_TARGET = 10_000;
  /** Target of the issue on 2 cores: frames per second delivered into batches. */
  public static final double READER_TARGET = 50_000;

  private DataBenchmark() {}

  /**
   * What to measure.
   *
   * @param trajectories trajectories written to the temporary dataset (T = 90)
   * @param batchSize B of the reader's batches
   * @param window L of the reader's windows
   * @param seconds how long generation and the reader are each timed (after a warm-up of a third
   *     of that)
   * @param threads threads of generation and rendering
   * @param ndarrays also time copying each batch into NDArrays (needs a started engine)
   */
  public record Settings(int trajectories, int batchSize, int window, double seconds, int threads,
      boolean ndarrays) {
    public Settings {
      Checks.arg(trajectories >= 1000, "benchmark trajectories %s must be at least 1000",
          trajectories);
      Checks.arg(seconds > 0, "benchmark seconds %s must be > 0", seconds);
      Checks.arg(threads >= 1, "threads=%s must be at least 1", threads);
    }
  }

  /**
   * The measured rates.
   *
   * @param generationPerSecond trajectories per second generated in memory
   * @param writePerSecond trajectories per second generated and written as shards
   * @param readerFramesPerSecond frames per second delivered into host batches
   * @param ndarrayFramesPerSecond frames per second delivered and copied into engine tensors with
   *     {@link BatchTensors} (NaN when not measured)
   * @param shardLoads shards loaded while the reader was timed (rotation happened when > 0)
   */
  public record Result(Settings settings, double generationPerSecond, double writePerSecond,
      double readerFramesPerSecond, double ndarrayFramesPerSecond, long shardLoads,
      double loadBefore, double loadAfter, int cpus) {

    /** As a JSON-friendly map. */
    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("generation_trajectories_per_second", round(generationPerSecond));
      m.put("generation_target", GENERATION_TARGET);
      m.put("write_trajectories_per_second", round(writePerSecond));
      m.put("reader_frames_per_second", round(readerFramesPerSecond));
      m.put("reader_target", READER_TARGET);
      if (!Double.isNaN(ndarrayFramesPerSecond)) {
        m.put("ndarray_frames_per_second", round(ndarrayFramesPerSecond));
      }
      m.put("trajectory_length", LENGTH);
      m.put("trajectories", settings.trajectories());
      m.put("batch_size", settings.batchSize());
      m.put("window", settings.window());
      m.put("image_size", 65);
      m.put("threads", settings.threads());
      m.put("reader_shard_loads", shardLoads);
      m.put("load_average_before", loadBefore);
      m.put("load_average_after", loadAfter);
      m.put("cpus", cpus);
      return m;
    }

    private static double round(double v) {
      return Math.round(v * 10) / 10.0;
    }
  }

  /** T of the generation benchmark. */
  public static final int LENGTH = 90;

  /** Runs the benchmark, writing its temporary dataset under {@code tmp}. */
  public static Result run(Settings s, Path tmp, ProgressListener progress) {
    double loadBefore = load();
    int shardSize = 1000;
    DatasetSpec spec = DatasetSpec.of(s.trajectories(), LENGTH, "random", 1, shardSize, 0);
    ShardGenerator gen = new ShardGenerator(spec);
    ExecutorService pool = Parallel.pool(s.threads(), "craik-bench");
    double generation;
    try {
      progress.start("bench generation", 2, 0);
      long[] next = {1L << 40};
      Runnable shard = () -> {
        gen.range(next[0], shardSize, pool, s.threads());
        next[0] += shardSize;
      };
      time(shard, s.seconds() / 3); // warm-up
      progress.update(1, "warm");
      generation = shardSize * time(shard, s.seconds());
      progress.update(2, String.format(java.util.Locale.ROOT, "%.0f traj/s", generation));
    } finally {
      progress.close();
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    Path dir = tmp.resolve("bench-two-rooms");
    DatasetSpec warm = DatasetSpec.of(Math.min(s.trajectories(), 4000), LENGTH, "random", 2,
        shardSize, 0);
    new TwoRoomsDatasetWriter(warm, s.threads()).write(tmp.resolve("bench-warm-up"), true,
        ProgressListener.silent());
    TwoRoomsDatasetWriter.Result written =
        new TwoRoomsDatasetWriter(spec, s.threads()).write(dir, true, ProgressListener.silent());
    double write = written.trajectoriesWritten() / written.seconds();

    TwoRoomsDataset data = TwoRoomsDataset.open(dir);
    BatchSpec batch = BatchSpec.of(s.batchSize(), s.window());
    double reader;
    double ndarray = Double.NaN;
    long loads;
    try (ShardBatchSource source = new ShardBatchSource(data, batch, 2, 7, s.threads())) {
      WindowBatch buffer = WindowBatch.allocate(batch);
      SplittableRandom rng = new SplittableRandom(3);
      time(() -> source.next(rng, buffer), s.seconds() / 3);
      long loads0 = source.shardLoads();
      reader = batch.frames() * time(() -> source.next(rng, buffer), s.seconds());
      loads = source.shardLoads() - loads0;
      if (s.ndarrays()) {
        try (NDManager manager = NDManager.newBaseManager()) {
          try (BatchTensors tensors = BatchTensors.allocate(batch, manager)) {
            Runnable step = () -> tensors.copyFrom(source.next(rng, buffer));
            time(step, s.seconds() / 3);
            ndarray = batch.frames() * time(step, s.seconds());
          }
        }
      }
    }
    return new Result(s, generation, write, reader, ndarray, loads, loadBefore, load(),
        Runtime.getRuntime().availableProcessors());
  }

  /** Calls per second of {@code work} over about {@code seconds}. */
  private static double time(Runnable work, double seconds) {
    long t0 = System.nanoTime();
    long end = t0 + (long) (seconds * 1e9);
    long calls = 0;
    long now;
    do {
      work.run();
      calls++;
      now = System.nanoTime();
    } while (now < end);
    return calls / ((now - t0) / 1e9);
  }

  private static double load() {
    return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100)
        / 100.0;
  }
}
