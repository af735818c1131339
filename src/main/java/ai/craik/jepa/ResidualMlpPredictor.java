package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.LayerNorm;
import ai.craik.nn.Mlp;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A residual MLP predictor:
 *
 * <pre>
 *   s_{t+1} = LN(s_t + MLP([s_t, u_t]))
 * </pre>
 *
 * where [s, u] is the concatenation along the feature axis and the MLP ({@code mlp.w<i>},
 * {@code mlp.b<i>}, widths D + U, hidden..., D) uses SiLU between layers, smooth so that gradients
 * with respect to planned actions are smooth. Pass the encoder's
 * {@link NormalizedEncoder#outputNorm()} to share its layer norm (its parameters stay in the
 * encoder's {@link Parameters}); with null the predictor owns a norm, {@code norm}.
 *
 * <p>Shapes: s [B, D], u [B, U] to [B, D].
 */
public final class ResidualMlpPredictor implements Predictor {
  private final Parameters params;
  private final Mlp mlp;
  private final LayerNorm norm;
  private final int latentDim;
  private final int actionDim;

  /**
   * Adds the MLP (and, if {@code sharedNorm} is null, an own norm) to {@code params}.
   *
   * @param hidden widths of the MLP's hidden layers (may be empty: one linear layer)
   * @param sharedNorm the encoder's output norm, or null for an own norm
   */
  public ResidualMlpPredictor(Parameters params, int latentDim, int actionDim, int[] hidden,
      LayerNorm sharedNorm, SplittableRandom init) {
    Checks.arg(latentDim > 0 && actionDim > 0,
        "residual MLP predictor needs positive sizes, got latent_dim=%s, action_dim=%s",
        latentDim, actionDim);
    Checks.arg(sharedNorm == null || sharedNorm.dim() == latentDim,
        "residual MLP predictor with latent_dim=%s cannot share a layer norm of size %s",
        latentDim, sharedNorm == null ? 0 : sharedNorm.dim());
    int[] widths = IntStream.concat(
        IntStream.concat(IntStream.of(latentDim + actionDim), IntStream.of(hidden)),
        IntStream.of(latentDim)).toArray();
    this.params = params;
    this.latentDim = latentDim;
    this.actionDim = actionDim;
    this.mlp = new Mlp(params, "mlp", widths, Activation.SILU, init);
    this.norm = sharedNorm != null ? sharedNorm : new LayerNorm(params, "norm", latentDim);
  }

  @Override
  public NDArray next(NDArray state, NDArray encodedAction) {
    Checks.arg(state.getShape().dimension() == 2 && encodedAction.getShape().dimension() == 2
            && state.getShape().get(0) == encodedAction.getShape().get(0)
            && state.getShape().get(1) == latentDim && encodedAction.getShape().get(1) == actionDim,
        "residual MLP predictor expects s [B, %s] and u [B, %s], got %s and %s", latentDim,
        actionDim, state.getShape(), encodedAction.getShape());
    NDArray su = state.concat(encodedAction, 1); // [B, D + U]
    return norm.forward(state.add(mlp.forward(su)));
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
