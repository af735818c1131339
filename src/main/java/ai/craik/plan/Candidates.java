package ai.craik.plan;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * Evaluates n candidate sequences (host, flat [n, T, A]) in one batched rollout, in a child
 * manager of {@code parent} that is closed before returning: only host values leave.
 *
 * <pre>
 *   states = model.rollout(s0, actions)     [n, T + 1, D]
 *   c      = objective.cost(states, actions)   [n]
 *   gradient (with a collector): d (sum_i c_i) / d actions   [n, T, A]   (row i is dc_i / da_i)
 * </pre>
 *
 * NaN costs become +infinity (never chosen); a batch with no finite cost is an error.
 */
final class Candidates {
  private Candidates() {}

  /** Costs of the candidates, and their last imagined states [n D] when asked for. */
  record Evaluated(double[] costs, float[] lastStates) {}

  /** Costs and the gradient of each cost with respect to its own actions [n T A]. */
  record Graded(double[] costs, float[] gradient) {}

  /** Costs [n] of the candidates, with grad mode off. */
  static double[] costs(NDManager parent, float[] s0, LatentDynamics model,
      PlanObjective objective, float[] actions, int n, int t) {
    return evaluate(parent, s0, model, objective, actions, n, t, false).costs();
  }

  /** Costs [n] and, if {@code lastStates}, the states s_T [n, D], with grad mode off. */
  static Evaluated evaluate(NDManager parent, float[] s0, LatentDynamics model,
      PlanObjective objective, float[] actions, int n, int t, boolean lastStates) {
    return GradMode.disabled(() -> {
      try (NDManager scope = parent.newSubManager()) {
        NDArray a = scope.create(actions, new Shape(n, t, model.actionDim()));
        NDArray states = rollout(scope, s0, model, a);
        double[] costs = hostCosts(objective.cost(states, a), n);
        float[] last = lastStates ? states.get(new NDIndex(":, -1"))
            .toType(DataType.FLOAT32, false).toFloatArray() : null; // [n, D]
        return new Evaluated(costs, last);
      }
    });
  }

  /**
   * Costs [n] and d c_i / d a_i [n, T, A] by back-propagation through the frozen model, in a
   * collector of its own (none may be open). The backward also adds into the gradients of the
   * model's parameters; trainers zero those before their own backward.
   */
  static Graded costsAndGradient(NDManager parent, float[] s0, LatentDynamics model,
      PlanObjective objective, float[] actions, int n, int t) {
    // grad mode is restored afterwards even if opening the collector fails half-way
    return GradMode.disabled(() -> {
      try (NDManager scope = parent.newSubManager()) {
        NDArray a = scope.create(actions, new Shape(n, t, model.actionDim()));
        a.setRequiresGradient(true);
        NDArray c;
        try (GradientCollector gc = open(parent)) {
          c = objective.cost(rollout(scope, s0, model, a), a);
          checkCosts(c, n);
          gc.backward(c.sum());
        }
        NDArray g = a.getGradient();
        g.attach(scope);
        return new Graded(hostCosts(c, n), g.toType(DataType.FLOAT32, false).toFloatArray());
      }
    });
  }

  private static NDArray rollout(NDManager scope, float[] s0, LatentDynamics model,
      NDArray actions) {
    NDArray start = scope.create(s0); // [D], in the scope: broadcasts of it land here too
    NDArray states = model.rollout(start, actions);
    Shape as = actions.getShape();
    Shape expected = new Shape(as.get(0), as.get(1) + 1, model.latentDim());
    Checks.arg(states.getShape().equals(expected), "the world model returned states %s for"
        + " actions %s; a LatentDynamics must return [N, T + 1, D] = %s", states.getShape(), as,
        expected);
    return states;
  }

  private static void checkCosts(NDArray c, int n) {
    Checks.arg(c.getShape().equals(new Shape(n)), "the objective returned costs %s for %s"
        + " candidates; a PlanObjective must return one cost per candidate [N]", c.getShape(), n);
  }

  private static double[] hostCosts(NDArray c, int n) {
    checkCosts(c, n);
    float[] f = c.toType(DataType.FLOAT32, false).toFloatArray();
    double[] out = new double[n];
    boolean anyFinite = false;
    for (int i = 0; i < n; i++) {
      out[i] = Float.isNaN(f[i]) ? Double.POSITIVE_INFINITY : f[i];
      anyFinite |= Double.isFinite(out[i]);
    }
    Checks.state(anyFinite, "all %s candidate costs are NaN or infinite; check the objective and"
        + " the world model (its latents may have diverged)", n);
    return out;
  }

  private static GradientCollector open(NDManager manager) {
    try {
      return manager.getEngine().newGradientCollector();
    } catch (IllegalStateException e) {
      throw new IllegalStateException("gradient planning opens its own GradientCollector but one"
          + " is already open; close yours before planning (only one may be open per JVM)", e);
    }
  }
}
