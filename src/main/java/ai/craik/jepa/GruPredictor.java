package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.GruCell;
import ai.craik.nn.LayerNorm;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * A recurrent predictor whose hidden state is the latent itself:
 *
 * <pre>
 *   s_{t+1} = LN(GRUCell(u_t, s_t))
 * </pre>
 *
 * with the {@link GruCell} of Cho et al. 2014 (input u = the encoded action, hidden state s = the
 * latent) followed by a layer norm. Pass the encoder's {@link NormalizedEncoder#outputNorm()} to
 * share it: predictions and encoded targets then go through the same LN object, with the same gain
 * and bias, and live in one space. A shared norm's parameters stay in the encoder's
 * {@link Parameters} (they receive gradients from both paths and are clipped and checkpointed with
 * the encoder); this predictor's {@link #parameters()} hold only the GRU weights {@code gru.ih.*},
 * {@code gru.hh.*}. Without a shared norm the predictor owns one, {@code norm}.
 *
 * <p>Shapes: s [B, D], u [B, U] to [B, D].
 */
public final class GruPredictor implements Predictor {
  private final Parameters params;
  private final GruCell cell;
  private final LayerNorm norm;

  /**
   * Adds the GRU weights (and, if {@code sharedNorm} is null, an own norm) to {@code params}.
   *
   * @param latentDim D, the size of the latent and of the GRU's hidden state
   * @param actionDim U, the size of the encoded action
   * @param sharedNorm the encoder's output norm to apply after the cell, or null for an own norm
   */
  public GruPredictor(Parameters params, int latentDim, int actionDim, LayerNorm sharedNorm,
      SplittableRandom init) {
    Checks.arg(sharedNorm == null || sharedNorm.dim() == latentDim,
        "GRU predictor with latent_dim=%s cannot share a layer norm of size %s", latentDim,
        sharedNorm == null ? 0 : sharedNorm.dim());
    this.params = params;
    this.cell = new GruCell(params, "gru", actionDim, latentDim, init);
    this.norm = sharedNorm != null ? sharedNorm : new LayerNorm(params, "norm", latentDim);
  }

  @Override
  public NDArray next(NDArray state, NDArray encodedAction) {
    return norm.forward(cell.forward(encodedAction, state));
  }

  @Override
  public Parameters parameters() {
    return params;
  }

  /** The layer norm applied to the cell's output (the encoder's when shared). */
  public LayerNorm outputNorm() {
    return norm;
  }
}
