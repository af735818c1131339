package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.Mlp;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * An MLP action encoder, u = MLP(a), with SiLU between layers (smooth, for gradient-based
 * planning).
 *
 * <p>Shapes: actions [B, A] to [B, U]; any leading axes are kept ([B, T, A] to [B, T, U]).
 * Parameters {@code mlp.w<i>}, {@code mlp.b<i>} (see {@link Mlp}).
 */
public final class MlpActionEncoder implements ActionEncoder {
  private final Parameters params;
  private final Mlp mlp;

  /**
   * Adds the MLP with widths A, hidden..., U to {@code params}.
   *
   * @param hidden widths of the hidden layers (may be empty: one linear layer)
   */
  public MlpActionEncoder(Parameters params, int actionDim, int[] hidden, int encodedDim,
      SplittableRandom init) {
    Checks.arg(actionDim > 0 && encodedDim > 0,
        "MLP action encoder needs positive sizes, got action_dim=%s, dim=%s", actionDim,
        encodedDim);
    int[] widths = IntStream.concat(IntStream.concat(IntStream.of(actionDim), IntStream.of(hidden)),
        IntStream.of(encodedDim)).toArray();
    this.params = params;
    this.mlp = new Mlp(params, "mlp", widths, Activation.SILU, init);
  }

  @Override
  public NDArray encode(NDArray actions) {
    Shape s = actions.getShape();
    Checks.arg(s.dimension() >= 1 && s.get(s.dimension() - 1) == mlp.inputs(),
        "MLP action encoder expects actions [B, %s], got %s", mlp.inputs(), s);
    if (s.dimension() == 2) {
      return mlp.forward(actions);
    }
    NDArray u = mlp.forward(actions.reshape(-1, mlp.inputs())); // [prod(leading), U]
    return u.reshape(s.slice(0, s.dimension() - 1).add(mlp.outputs()));
  }

  @Override
  public int encodedDim() {
    return mlp.outputs();
  }

  @Override
  public Parameters parameters() {
    return params;
  }
}
