package ai.craik.plan;

import ai.craik.config.Checks;
import ai.craik.jepa.Jepa;
import ai.djl.ndarray.NDArray;

/**
 * A {@link Jepa} world model as {@link LatentDynamics}: {@link Jepa#unrollCandidates}, the same
 * unroll the model was trained with (s_{t+1} = Pred(s_t, AEnc(a_t))), one start latent s0 [D] or
 * [1, D] broadcast to N candidates [N, T, A], giving states [N, T + 1, D].
 *
 * <p>The JEPA does not record the raw action size (its action encoder may be an MLP), so it is
 * passed here and checked on every call. Gradients flow to the actions when a collector is open;
 * they also accumulate in the model's parameters (see {@link GradientPlanner}).
 */
public final class JepaDynamics implements LatentDynamics {
  private final Jepa jepa;
  private final int actionDim;

  /** The dynamics of {@code jepa}, whose action encoder takes actions of size {@code actionDim}. */
  public JepaDynamics(Jepa jepa, int actionDim) {
    Checks.arg(jepa != null, "JepaDynamics needs a Jepa, got null");
    Checks.arg(actionDim > 0, "JepaDynamics needs action_dim > 0, got %s", actionDim);
    this.jepa = jepa;
    this.actionDim = actionDim;
  }

  /** The wrapped model. */
  public Jepa jepa() {
    return jepa;
  }

  @Override
  public NDArray rollout(NDArray s0, NDArray actions) {
    Checks.arg(actions.getShape().dimension() == 3 && actions.getShape().get(2) == actionDim,
        "JepaDynamics expects candidate actions [N, T, %s], got %s", actionDim,
        actions.getShape());
    return jepa.unrollCandidates(s0, actions).states(); // [N, T+1, D]
  }

  @Override
  public int latentDim() {
    return jepa.latentDim();
  }

  @Override
  public int actionDim() {
    return actionDim;
  }
}
