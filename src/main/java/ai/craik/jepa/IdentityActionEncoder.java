package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;

/** The identity action encoder, u = a: [B, A] to [B, A]; no parameters. */
public final class IdentityActionEncoder implements ActionEncoder {
  private final Parameters params;
  private final int actionDim;

  /**
   * @param params an empty parameter set, returned by {@link #parameters()} so that every module
   *     has one
   * @param actionDim A
   */
  public IdentityActionEncoder(Parameters params, int actionDim) {
    Checks.arg(actionDim > 0, "identity action encoder needs action_dim > 0, got %s", actionDim);
    this.params = params;
    this.actionDim = actionDim;
  }

  /** Returns {@code actions} [..., A] itself. */
  @Override
  public NDArray encode(NDArray actions) {
    Checks.arg(actions.getShape().dimension() >= 1
            && actions.getShape().get(actions.getShape().dimension() - 1) == actionDim,
        "identity action encoder expects actions [B, %s], got %s", actionDim, actions.getShape());
    return actions;
  }

  @Override
  public int encodedDim() {
    return actionDim;
  }

  @Override
  public Parameters parameters() {
    return params;
  }
}
