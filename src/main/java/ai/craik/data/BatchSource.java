package ai.craik.data;

import java.util.SplittableRandom;

/**
 * Where training batches of trajectory windows come from: {@link ShardBatchSource} streams them
 * from a dataset on disk, {@link GeneratedBatchSource} generates trajectories on the fly. Both
 * draw every random choice of a batch from the stream passed in, so the batch of a training step
 * is reproducible from that step's stream (the shard source also from its position, see
 * {@link ShardBatchSource#seek}).
 */
public interface BatchSource extends AutoCloseable {
  /** The batch shape and normalization. */
  BatchSpec spec();

  /** Fills {@code into} (of this source's sizes) with the next batch and returns it. */
  WindowBatch next(SplittableRandom rng, WindowBatch into);

  /** The next batch, in newly allocated arrays. */
  default WindowBatch next(SplittableRandom rng) {
    return next(rng, WindowBatch.allocate(spec()));
  }

  /** Releases worker threads and loaded shards. */
  @Override
  void close();
}
