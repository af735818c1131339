package ai.craik.data;

import ai.craik.engine.RandomStreams;
import ai.craik.env.Layout;
import ai.craik.env.Trajectory;
import ai.craik.env.TrajectoryGenerator;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;

/**
 * Generates the trajectories of a {@link DatasetSpec}: trajectory i is a pure function of (seed,
 * i): its stream is {@code RandomStreams(seed).stream("trajectory", i)}, from which the random
 * layout (if any) is drawn first and then the walk ({@link TrajectoryGenerator}, STOP collisions).
 * So shards are identical whatever the thread count or the order they are made in.
 */
public final class ShardGenerator {
  private final DatasetSpec spec;
  private final RandomStreams streams;
  private final TrajectoryGenerator generator;

  /** A generator for {@code spec}. */
  public ShardGenerator(DatasetSpec spec) {
    this.spec = spec;
    this.streams = new RandomStreams(spec.seed());
    this.generator = new TrajectoryGenerator(spec.exploration(), spec.maxStep());
  }

  /** The spec. */
  public DatasetSpec spec() {
    return spec;
  }

  /** Trajectory {@code i} of the dataset (0 ≤ i, also beyond N, e.g. for benchmarks). */
  public Trajectory trajectory(long i) {
    SplittableRandom rng = streams.stream("trajectory", i);
    Layout layout = spec.randomLayout() ? Layout.random(rng) : Layout.fixed();
    return generator.generate(layout, spec.length(), rng);
  }

  /** Shard {@code k} of the dataset. */
  public Shard shard(int k, ExecutorService pool, int threads) {
    return range(spec.firstOf(k), spec.countOf(k), pool, threads);
  }

  /**
   * Trajectories {@code first} … {@code first + count − 1} as a shard, in parallel on {@code pool}
   * (null: on the calling thread).
   */
  public Shard range(long first, int count, ExecutorService pool, int threads) {
    int t = spec.length();
    float[] actions = new float[count * 2 * t];
    float[] positions = new float[count * 2 * (t + 1)];
    int[] wallX = new int[count];
    int[] doorY = new int[count];
    byte[] door = new byte[count];
    Parallel.forRange(pool, threads, count, j -> {
      Trajectory tr = trajectory(first + j);
      System.arraycopy(tr.actions(), 0, actions, j * 2 * t, 2 * t);
      System.arraycopy(tr.positions(), 0, positions, j * 2 * (t + 1), 2 * (t + 1));
      wallX[j] = tr.layout().wallX();
      doorY[j] = tr.layout().doorY();
      door[j] = (byte) (tr.throughDoor() ? 1 : 0);
    });
    return new Shard(first, count, t, actions, positions, wallX, doorY, door);
  }
}
