package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.Conv2d;
import ai.craik.nn.LayerNorm;
import ai.craik.nn.Parameters;
import ai.craik.nn.WeightInit;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * A residual convolutional predictor on spatial latents ({@link SpatialEncoder}), as in PLDM:
 *
 * <pre>
 *   x = [reshape(s, C, h, w), broadcast(u, U, h, w)]              [B, C + U, h, w]
 *   Delta = conv_out(silu(conv_L(... silu(conv_1(x)) ...)))         [B, C, h, w]
 *   s' = LN(s + flatten(Delta))                                     [B, D],  D = C h w
 * </pre>
 *
 * All convolutions are 3 x 3, stride 1, padding 1, so each step of the dynamics is local: a cell of
 * the map changes from its neighbourhood (L + 1 cells in each direction) and the action, which is
 * where a dot meets a wall. SiLU keeps gradients with respect to planned actions smooth. Pass the
 * encoder's {@link NormalizedEncoder#outputNorm()} to share its layer norm; with null the
 * predictor owns a norm, {@code norm}. Parameters: {@code conv<i>}, {@code out}.
 *
 * <p>Shapes: s [B, C h w], u [B, U] to [B, C h w]. With {@code contextChannels} K &gt; 0 the
 * encoded action carries K maps after its U values, u = [a (U), c (K h w)] (a
 * {@link ContextPredictor} passing a {@link ContextEncoder}'s pooled walls at the map's size), and
 * the maps join the input cell by cell, x = [s, broadcast(a), c], so the walls sit beside the dot's
 * features in each cell and one 3 x 3 rule serves every position.
 *
 * <p>Sobal et al. 2025 (PLDM), arXiv:2502.14819; facebookresearch/eb_jepa (conv predictor with the
 * action as extra channels).
 */
public final class ConvPredictor implements Predictor {
  private static final WeightInit INIT = WeightInit.FAN_IN_UNIFORM;

  private final Parameters params;
  private final Conv2d[] convs;
  private final Conv2d out;
  private final LayerNorm norm;
  private final int mapChannels;
  private final int mapHeight;
  private final int mapWidth;
  private final int actionDim;
  private final int contextChannels;

  /** {@link #ConvPredictor(Parameters, int, int, int, int, int, int, int, LayerNorm,
   * SplittableRandom)} without context maps. */
  public ConvPredictor(Parameters params, int mapChannels, int mapHeight, int mapWidth,
      int actionDim, int hidden, int layers, LayerNorm sharedNorm, SplittableRandom init) {
    this(params, mapChannels, mapHeight, mapWidth, actionDim, 0, hidden, layers, sharedNorm,
        init);
  }

  /**
   * Adds the convolutions (and, if {@code sharedNorm} is null, an own norm) to {@code params}.
   *
   * @param contextChannels maps of the map's size that follow the action in the encoded action
   * @param hidden channels of the hidden convolutions
   * @param layers number of hidden convolutions (each followed by SiLU), at least 1
   * @param sharedNorm the encoder's output norm (size C h w), or null for an own norm
   */
  public ConvPredictor(Parameters params, int mapChannels, int mapHeight, int mapWidth,
      int actionDim, int contextChannels, int hidden, int layers, LayerNorm sharedNorm,
      SplittableRandom init) {
    Checks.arg(contextChannels >= 0, "context channels must be >= 0, got %s", contextChannels);
    Checks.arg(mapChannels > 0 && mapHeight > 0 && mapWidth > 0 && actionDim > 0,
        "conv predictor needs positive sizes, got map [%s, %s, %s], action_dim=%s", mapChannels,
        mapHeight, mapWidth, actionDim);
    Checks.arg(hidden > 0 && layers > 0,
        "conv predictor needs hidden > 0 and layers > 0, got %s and %s", hidden, layers);
    int d = mapChannels * mapHeight * mapWidth;
    Checks.arg(sharedNorm == null || sharedNorm.dim() == d,
        "conv predictor with latent map %sx%sx%s = %s cannot share a layer norm of size %s",
        mapChannels, mapHeight, mapWidth, d, sharedNorm == null ? 0 : sharedNorm.dim());
    this.params = params;
    this.mapChannels = mapChannels;
    this.mapHeight = mapHeight;
    this.mapWidth = mapWidth;
    this.actionDim = actionDim;
    this.contextChannels = contextChannels;
    this.convs = new Conv2d[layers];
    int c = mapChannels + actionDim + contextChannels;
    for (int i = 0; i < layers; i++) {
      convs[i] = new Conv2d(params, "conv" + i, c, hidden, 3, 1, 1, INIT, init);
      c = hidden;
    }
    this.out = new Conv2d(params, "out", c, mapChannels, 3, 1, 1, INIT, init);
    this.norm = sharedNorm != null ? sharedNorm : new LayerNorm(params, "norm", d);
  }

  @Override
  public NDArray next(NDArray state, NDArray encodedAction) {
    int d = mapChannels * mapHeight * mapWidth;
    int cells = mapHeight * mapWidth;
    int inputs = actionDim + contextChannels * cells;
    Checks.arg(state.getShape().dimension() == 2 && encodedAction.getShape().dimension() == 2
            && state.getShape().get(0) == encodedAction.getShape().get(0)
            && state.getShape().get(1) == d && encodedAction.getShape().get(1) == inputs,
        "conv predictor expects s [B, %s] and u [B, %s], got %s and %s", d, inputs,
        state.getShape(), encodedAction.getShape());
    long b = state.getShape().get(0);
    NDArray map = state.reshape(b, mapChannels, mapHeight, mapWidth); // [B, C, h, w]
    NDArray a = contextChannels == 0 ? encodedAction
        : encodedAction.get(new NDIndex(":, :{}", actionDim)); // [B, U]
    NDArray u = a.reshape(b, actionDim, 1, 1)
        .broadcast(new Shape(b, actionDim, mapHeight, mapWidth)); // [B, U, h, w]
    NDArray x = map.concat(u, 1); // [B, C + U, h, w]
    if (contextChannels > 0) {
      NDArray c = encodedAction.get(new NDIndex(":, {}:", actionDim))
          .reshape(b, contextChannels, mapHeight, mapWidth); // [B, K, h, w]
      x = x.concat(c, 1); // [B, C + U + K, h, w]
    }
    for (Conv2d conv : convs) {
      x = Activation.SILU.apply(conv.forward(x));
    }
    NDArray delta = out.forward(x).reshape(b, d); // [B, C h w]
    return norm.forward(state.add(delta));
  }

  @Override
  public Parameters parameters() {
    return params;
  }

  /** The layer norm applied to the residual sum (the encoder's when shared). */
  public LayerNorm outputNorm() {
    return norm;
  }
}
