package ai.craik.agent;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.craik.plan.LatentDynamics;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The world-model module: the frozen predictor, imagining latent trajectories for batches of action
 * sequences ({@link #imagine}: s_0 [D], actions [N, T, A] to states [N, T + 1, D]) and one step at
 * a time ({@link #predict}), and measuring its own surprise on an observed transition,
 *
 * <pre>
 *   surprise(s_t, a_t, s_{t+1}) = ||f(s_t, a_t) - s_{t+1}||^2
 * </pre>
 *
 * which the intrinsic cost's curiosity term reads.
 */
public final class WorldModel {
  private final LatentDynamics dynamics;

  /** The module around {@code dynamics}. */
  public WorldModel(LatentDynamics dynamics) {
    Checks.arg(dynamics != null, "world model needs dynamics, got null");
    this.dynamics = dynamics;
  }

  /** The dynamics as planners see them. */
  public LatentDynamics dynamics() {
    return dynamics;
  }

  public int latentDim() {
    return dynamics.latentDim();
  }

  public int actionDim() {
    return dynamics.actionDim();
  }

  /** Imagined states [N, T + 1, D] of candidate actions [N, T, A] from s0 [D]. */
  public NDArray imagine(NDArray s0, NDArray actions) {
    return dynamics.rollout(s0, actions);
  }

  /** The next state f(s, a) [N, D] of states s [N, D] under actions a [N, A] (no graph). */
  public NDArray predict(NDArray states, NDArray actions) {
    long n = states.getShape().get(0);
    Checks.arg(actions.getShape().equals(new Shape(n, actionDim())),
        "predict expects actions [%s, %s], got %s", n, actionDim(), actions.getShape());
    return GradMode.disabled(() -> {
      NDArray out = null;
      for (long i = 0; i < n; i++) { // the dynamics take one start; N is small (1 or 2 here)
        NDArray next = dynamics.rollout(states.get(i), actions.get(i).reshape(1, 1, actionDim()))
            .get(new NDIndex("0, 1")).expandDims(0); // [1, D]
        out = out == null ? next : out.concat(next, 0);
      }
      return out;
    });
  }

  /** ||f(s, a) - next||^2 of one observed transition, on the host. */
  public double surprise(float[] s, float[] a, float[] next, NDManager manager) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray predicted = predict(scope.create(s).reshape(1, s.length),
          scope.create(a).reshape(1, a.length));
      return predicted.sub(scope.create(next).reshape(1, next.length)).square().sum()
          .toType(DataType.FLOAT32, false).getFloat();
    }
  }
}
