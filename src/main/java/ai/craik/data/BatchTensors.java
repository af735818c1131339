package ai.craik.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Engine tensors of a batch that are allocated once and refilled in place each step:
 * observations [B, L, 2, R, R], actions [B, L − 1, 2] and positions [B, L, 2], float32.
 *
 * <p>{@link #copyFrom} copies a {@link WindowBatch} into the same native memory: the host floats
 * go to a reused direct staging buffer, which a short-lived tensor wraps without copying, and one
 * native copy moves them into the persistent tensors. This avoids allocating fresh memory for every
 * batch, which costs several times the copy itself for batches of tens of megabytes
 * ({@link WindowBatch#toNDArrays} does that, and is the simple choice when speed does not matter).
 * The arrays keep their identity, so anything holding them sees the new batch after a refill: use
 * them within the step, before the next {@link #copyFrom}. Not thread-safe.
 */
public final class BatchTensors implements AutoCloseable {
  private final NDManager manager;
  private final NDArray observations;
  private final NDArray actions;
  private final NDArray positions;
  private final ByteBuffer stageObservations;
  private final ByteBuffer stageActions;
  private final ByteBuffer stagePositions;
  private final BatchSpec spec;

  private BatchTensors(BatchSpec spec, NDManager parent) {
    this.spec = spec;
    this.manager = parent.newSubManager();
    int b = spec.batchSize();
    int l = spec.window();
    int r = spec.imageSize();
    this.observations = manager.zeros(new Shape(b, l, 2, r, r));
    this.actions = manager.zeros(new Shape(b, l - 1, 2));
    this.positions = manager.zeros(new Shape(b, l, 2));
    this.stageObservations = direct(observations);
    this.stageActions = direct(actions);
    this.stagePositions = direct(positions);
  }

  /** Tensors of {@code spec}'s sizes in a child manager of {@code manager} (closed by close()). */
  public static BatchTensors allocate(BatchSpec spec, NDManager manager) {
    return new BatchTensors(spec, manager);
  }

  /** Observations [B, L, 2, R, R]. */
  public NDArray observations() {
    return observations;
  }

  /** Actions [B, L − 1, 2]. */
  public NDArray actions() {
    return actions;
  }

  /** Positions [B, L, 2]. */
  public NDArray positions() {
    return positions;
  }

  /** Replaces the tensors' contents with {@code batch} (same sizes) and returns this. */
  public BatchTensors copyFrom(WindowBatch batch) {
    ai.craik.config.Checks.arg(batch.fits(spec), "batch [%s, %s, 2, %s, %s] does not fit tensors"
        + " of %s", batch.batchSize(), batch.window(), batch.imageSize(), batch.imageSize(), spec);
    try (NDManager scope = manager.newSubManager()) {
      copy(batch.observations(), stageObservations, observations, scope);
      copy(batch.actions(), stageActions, actions, scope);
      copy(batch.positions(), stagePositions, positions, scope);
    }
    return this;
  }

  @Override
  public void close() {
    manager.close();
  }

  private static ByteBuffer direct(NDArray target) {
    return ByteBuffer.allocateDirect(Math.toIntExact(target.size() * 4))
        .order(ByteOrder.nativeOrder());
  }

  private static void copy(float[] host, ByteBuffer stage, NDArray target, NDManager scope) {
    if (host.length == 0) {
      return;
    }
    stage.asFloatBuffer().put(0, host);
    NDArray view = scope.create(stage, target.getShape(), DataType.FLOAT32); // wraps, no copy
    target.set(new NDIndex(":"), view); // one native copy into the persistent memory
  }
}
