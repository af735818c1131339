package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.LayerNorm;
import ai.craik.nn.Mlp;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A residual MLP predictor, plain or gated:
 *
 * <pre>
 *   plain   s_{t+1} = LN(s_t + MLP([s_t, u_t]))
 *   gated   [Δ, l] = MLP([s_t, u_t])  (2 D outputs),   g = sigmoid(l + 2)
 *           s_{t+1} = (1 − g) ⊙ s_t + g ⊙ LN(s_t + Δ)
 * </pre>
 *
 * <p>The gate gives the dynamics an exact fixed point where nothing should move: a move into a
 * wall is learned as a closed gate (a saturating sigmoid near 0), so s_{t+1} = s_t and pushing
 * again from there leaves it there, where a plain residual must cancel the move exactly (through
 * the norm) and a small error accumulates over repeated pushes into a state no frame shows. It is
 * the GRU's update gate around the residual step (Cho et al. 2014; highway layers, Srivastava et
 * al. 2015). The offset 2 opens the gate at the start (0.88).
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
  private final boolean gated;

  /**
   * Adds the MLP (and, if {@code sharedNorm} is null, an own norm) to {@code params}.
   *
   * @param hidden widths of the MLP's hidden layers (may be empty: one linear layer)
   * @param gated whether the residual is gated (the MLP then has 2 D outputs)
   * @param sharedNorm the encoder's output norm, or null for an own norm
   */
  public ResidualMlpPredictor(Parameters params, int latentDim, int actionDim, int[] hidden,
      boolean gated, LayerNorm sharedNorm, SplittableRandom init) {
    Checks.arg(latentDim > 0 && actionDim > 0,
        "residual MLP predictor needs positive sizes, got latent_dim=%s, action_dim=%s",
        latentDim, actionDim);
    Checks.arg(sharedNorm == null || sharedNorm.dim() == latentDim,
        "residual MLP predictor with latent_dim=%s cannot share a layer norm of size %s",
        latentDim, sharedNorm == null ? 0 : sharedNorm.dim());
    int[] widths = IntStream.concat(
        IntStream.concat(IntStream.of(latentDim + actionDim), IntStream.of(hidden)),
        IntStream.of(gated ? 2 * latentDim : latentDim)).toArray();
    this.params = params;
    this.latentDim = latentDim;
    this.actionDim = actionDim;
    this.gated = gated;
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
    NDArray out = mlp.forward(su); // [B, D] or [B, 2 D]
    if (!gated) {
      return norm.forward(state.add(out));
    }
    NDArray delta = out.get(new NDIndex(":, :{}", latentDim));
    NDArray gate = out.get(new NDIndex(":, {}:", latentDim)).add(2f).getNDArrayInternal()
        .sigmoid(); // [B, D]
    NDArray moved = norm.forward(state.add(delta)); // [B, D]
    return state.add(gate.mul(moved.sub(state)));
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
