package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.LayerNorm;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * A learned encoder plus a fixed context: the observation's last channel (in Two Rooms, the walls)
 * average-pooled to a {@code grid} x {@code grid} map, appended to the learned latent,
 *
 * <pre>
 *   s = [ LN(f(o))  ,  pool_g(o[:, C-1]) flattened ]      D = D_learned + g²
 * </pre>
 *
 * <p>Why: the JEPA encoder learned here keeps the dot's position (0.2 px) but almost drops the
 * door — moving the door by 6 px changes its latent by a seventh of a 1-px move of the dot — so
 * no predictor can know where the middle wall lets the dot through. The context makes the layout
 * part of the state without labels: it is pixels of the frame, with no parameters, and it never
 * changes along an imagined rollout ({@link ContextPredictor} passes it through). Regularizers and
 * the prediction cost see only the learned part ({@link #contextDim()}).
 */
public final class ContextEncoder implements NormalizedEncoder {
  private final NormalizedEncoder inner;
  private final int grid;
  private final int height;
  private final int width;

  /**
   * Appends the last channel of observations [B, C, height, width], pooled to grid x grid, to the
   * latents of {@code inner}; height and width must be multiples of {@code grid}.
   */
  public ContextEncoder(NormalizedEncoder inner, int grid, int height, int width) {
    Checks.arg(grid >= 1 && height % grid == 0 && width % grid == 0, "context grid %s must divide"
        + " the frame size %sx%s; set model.context_grid to a divisor (e.g. 8 for 32x32)", grid,
        height, width);
    this.inner = inner;
    this.grid = grid;
    this.height = height;
    this.width = width;
  }

  @Override
  public NDArray encode(NDArray observations) {
    NDArray learned = inner.encode(observations); // [B, D_learned]
    return NDArrays.concat(new NDList(learned, context(observations)), 1);
  }

  /** The pooled last channel [B, g²] of observations [B, C, H, W]. */
  public NDArray context(NDArray observations) {
    long b = observations.getShape().get(0);
    long c = observations.getShape().get(1);
    int bh = height / grid;
    int bw = width / grid;
    NDArray walls = observations.get(new NDIndex(":, {}", c - 1)).stopGradient(); // [B, H, W]
    // Mean over the blocks as two single-axis sums (a mean over several axes throws here).
    NDArray blocks = walls.reshape(b, grid, bh, grid, bw).sum(new int[] {4}).sum(new int[] {2});
    return blocks.div((float) (bh * bw)).reshape(b, (long) grid * grid); // [B, g²]
  }

  /** The encoder whose latents come first. */
  public NormalizedEncoder inner() {
    return inner;
  }

  @Override
  public int latentDim() {
    return inner.latentDim() + contextDim();
  }

  @Override
  public int contextDim() {
    return grid * grid;
  }

  @Override
  public Parameters parameters() {
    return inner.parameters();
  }

  /** The learned part's norm (size {@code latentDim() - contextDim()}). */
  @Override
  public LayerNorm outputNorm() {
    return inner.outputNorm();
  }

  @Override
  public long multiplyAddsPerFrame() {
    return inner.multiplyAddsPerFrame();
  }
}
