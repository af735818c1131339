package ai.craik.data;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A batch of B random windows of L consecutive frames from Two Rooms trajectories, as row-major
 * host arrays (filled in place by a {@link BatchSource}, so one batch object can be reused):
 *
 * <pre>
 *   observations  float32 [B, L, 2, R, R]  rendered frames, scaled as the {@link BatchSpec} says
 *   actions       float32 [B, L − 1, 2]    action t moves frame t to frame t + 1 (world units, or
 *                                          divided by the max step)
 *   positions     float32 [B, L, 2]        the dot's (x, y) in each frame, world units
 *   wallX, doorY  int32 [B]                the layout of each window
 *   trajectory    int64 [B]                global trajectory index (−1 when generated on the fly)
 *   start         int32 [B]                index of the window's first frame in its trajectory
 * </pre>
 */
public record WindowBatch(int batchSize, int window, int imageSize, float[] observations,
    float[] actions, float[] positions, int[] wallX, int[] doorY, long[] trajectory, int[] start) {

  /** The three tensors of a batch, in the manager they were made in. */
  public record Tensors(NDArray observations, NDArray actions, NDArray positions) {}

  /** Empty arrays of the spec's sizes. */
  public static WindowBatch allocate(BatchSpec spec) {
    int b = spec.batchSize();
    int l = spec.window();
    int r = spec.imageSize();
    long obs = (long) b * l * 2 * r * r;
    Checks.arg(obs <= Integer.MAX_VALUE - 16, "a batch of %s x %s frames of %s x %s needs %s"
        + " floats, more than one Java array holds; lower the batch size or window", b, l, r, r,
        obs);
    return new WindowBatch(b, l, r, new float[(int) obs], new float[b * (l - 1) * 2],
        new float[b * l * 2], new int[b], new int[b], new long[b], new int[b]);
  }

  /** True when this batch has the sizes of {@code spec}. */
  public boolean fits(BatchSpec spec) {
    return batchSize == spec.batchSize() && window == spec.window()
        && imageSize == spec.imageSize();
  }

  /** Floats per frame, 2 · R · R. */
  public int frameSize() {
    return 2 * imageSize * imageSize;
  }

  /** Copies the batch into new arrays of {@code manager}: [B, L, 2, R, R], [B, L−1, 2], [B, L, 2]. */
  public Tensors toNDArrays(NDManager manager) {
    return new Tensors(
        manager.create(observations, new Shape(batchSize, window, 2, imageSize, imageSize)),
        manager.create(actions, new Shape(batchSize, window - 1, 2)),
        manager.create(positions, new Shape(batchSize, window, 2)));
  }
}
