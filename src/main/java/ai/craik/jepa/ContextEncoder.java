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
 * average-pooled to a (g s) x (g s) map and laid out as s² channels of a g x g grid (space to
 * depth; s = {@code subgrid}, 1 for a plain g x g pooling), appended to the learned latent,
 *
 * <pre>
 *   P = pool_{gs}(o[:, C-1])                        [B, g s, g s]
 *   c[k = i s + j, Y, X] = P[Y s + i, X s + j]      [B, s², g, g], flattened channel-major
 *   s = [ LN(f(o))  ,  c ]                           D = D_learned + s² g²
 * </pre>
 *
 * The channel-major layout is what a {@link ConvPredictor} reads as s² map channels beside a g x g
 * latent map, so each cell sees its own block of wall pixels at (g s)² resolution.
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
  private final int subgrid;
  private final int height;
  private final int width;

  /** {@link #ContextEncoder(NormalizedEncoder, int, int, int, int)} with subgrid 1. */
  public ContextEncoder(NormalizedEncoder inner, int grid, int height, int width) {
    this(inner, grid, 1, height, width);
  }

  /**
   * Appends the last channel of observations [B, C, height, width], pooled to (grid subgrid)² and
   * laid out as subgrid² channels of grid x grid, to the latents of {@code inner}; height and
   * width must be multiples of grid x subgrid.
   */
  public ContextEncoder(NormalizedEncoder inner, int grid, int subgrid, int height, int width) {
    int n = grid * subgrid;
    Checks.arg(grid >= 1 && subgrid >= 1 && height % n == 0 && width % n == 0, "context grid %s"
        + " x subgrid %s = %s must divide the frame size %sx%s; set model.context_grid and"
        + " model.context_subgrid so (e.g. 8 and 1, 2 or 4 for 32x32)", grid, subgrid, n, height,
        width);
    this.inner = inner;
    this.grid = grid;
    this.subgrid = subgrid;
    this.height = height;
    this.width = width;
  }

  @Override
  public NDArray encode(NDArray observations) {
    NDArray learned = inner.encode(observations); // [B, D_learned]
    return NDArrays.concat(new NDList(learned, context(observations)), 1);
  }

  /** The context [B, s² g²] of observations [B, C, H, W] (channel-major, see above). */
  public NDArray context(NDArray observations) {
    long b = observations.getShape().get(0);
    long c = observations.getShape().get(1);
    int n = grid * subgrid;
    int bh = height / n;
    int bw = width / n;
    NDArray walls = observations.get(new NDIndex(":, {}", c - 1)).stopGradient(); // [B, H, W]
    // Mean over the blocks as two single-axis sums (a mean over several axes throws here).
    NDArray pooled = walls.reshape(b, n, bh, n, bw).sum(new int[] {4}).sum(new int[] {2})
        .div((float) (bh * bw)); // [B, g s, g s]
    if (subgrid == 1) {
      return pooled.reshape(b, (long) grid * grid); // [B, g²]
    }
    return pooled.reshape(b, grid, subgrid, grid, subgrid).transpose(0, 2, 4, 1, 3)
        .reshape(b, (long) subgrid * subgrid * grid * grid); // [B, s² g²]
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
    return subgrid * subgrid * grid * grid;
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
