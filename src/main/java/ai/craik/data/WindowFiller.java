package ai.craik.data;

import ai.craik.config.Checks;
import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsRenderer;
import java.util.concurrent.ExecutorService;
import java.util.function.IntConsumer;

/** Writes windows into batches (rendering, copying, scaling); shared by the batch sources. */
final class WindowFiller implements AutoCloseable {
  private final BatchSpec spec;
  private final FrameRenderer frames;
  private final float actionScale;
  private final int threads;
  private final ExecutorService pool;

  WindowFiller(BatchSpec spec, double maxStep, int threads) {
    Checks.arg(threads >= 1, "threads=%s must be at least 1", threads);
    this.spec = spec;
    this.frames = new FrameRenderer(new TwoRoomsRenderer(spec.imageSize(), spec.sigma()),
        spec.scaling());
    this.actionScale = spec.normalizeActions() ? (float) (1.0 / maxStep) : 1f;
    this.threads = threads;
    this.pool = Parallel.pool(threads, "craik-batch");
  }

  void check(WindowBatch into) {
    Checks.arg(into.fits(spec), "batch of [%s, %s, 2, %s, %s] does not fit the source's spec %s",
        into.batchSize(), into.window(), into.imageSize(), into.imageSize(), spec);
  }

  /** Runs {@code item} for every b in [0, B), in parallel when threads > 1. */
  void forEachItem(IntConsumer item) {
    Parallel.forRange(pool, threads, spec.batchSize(), item);
  }

  /**
   * Writes window b: frames {@code start} … {@code start + L − 1} of a trajectory whose positions
   * start at {@code positions[p0]} and actions at {@code actions[a0]}.
   */
  void fill(WindowBatch into, int b, Layout layout, float[] actions, int a0, float[] positions,
      int p0, int start, long trajectory) {
    int l = spec.window();
    int pFrom = p0 + 2 * start;
    System.arraycopy(positions, pFrom, into.positions(), 2 * l * b, 2 * l);
    int aFrom = a0 + 2 * start;
    int aTo = 2 * (l - 1) * b;
    for (int i = 0; i < 2 * (l - 1); i++) {
      into.actions()[aTo + i] = actions[aFrom + i] * actionScale;
    }
    int frameSize = frames.frameSize();
    float[] obs = into.observations();
    for (int f = 0; f < l; f++) {
      frames.render(layout, positions[pFrom + 2 * f], positions[pFrom + 2 * f + 1], obs,
          (b * l + f) * frameSize);
    }
    into.wallX()[b] = layout.wallX();
    into.doorY()[b] = layout.doorY();
    into.trajectory()[b] = trajectory;
    into.start()[b] = start;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
