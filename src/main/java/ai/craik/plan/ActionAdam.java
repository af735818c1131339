package ai.craik.plan;

import ai.djl.ndarray.NDManager;

/**
 * Adam on n action sequences at once (Kingma and Ba 2015, arXiv:1412.6980), the gradient from
 * back-propagation through the frozen model ({@link Candidates#costsAndGradient}), the update on
 * the host, each a_t projected onto the norm ball after every step:
 *
 * <pre>
 *   g = d c_i / d x_i                       [n, T, A]  (one batched rollout with a graph)
 *   m = b1 m + (1 - b1) g,   v = b2 v + (1 - b2) g^2
 *   x = P(x - lr (m / (1 - b1^k)) / (sqrt(v / (1 - b2^k)) + eps))
 *   with b1 = 0.9, b2 = 0.999, eps = 1e-8, k the step
 * </pre>
 *
 * Rows stay independent (Adam's moments are per coordinate, the objective is row-separable). The
 * lowest-cost sequence evaluated at any step, including the final one, is kept.
 */
final class ActionAdam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;

  private ActionAdam() {}

  /**
   * @param best the lowest-cost sequence evaluated [T A], {@code bestCost} its cost
   * @param bestCosts per step the lowest cost over the rows before the update [steps]
   * @param meanCosts per step the mean cost over the rows [steps]
   */
  record Result(float[] best, double bestCost, double[] bestCosts, double[] meanCosts) {}

  /** Runs {@code steps} Adam steps from the rows of {@code x} (flat [n, T, A], not modified). */
  static Result run(NDManager call, float[] s0, LatentDynamics model, PlanObjective objective,
      float[] start, int n, int t, int steps, double lr, double maxNorm) {
    int a = model.actionDim();
    int ta = t * a;
    float[] x = start.clone();
    ActionSequences.project(x, a, maxNorm);
    double[] m = new double[x.length];
    double[] v = new double[x.length];
    double[] bestCosts = new double[steps];
    double[] meanCosts = new double[steps];
    float[] best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    for (int k = 0; k < steps; k++) {
      Candidates.Graded g = Candidates.costsAndGradient(call, s0, model, objective, x, n, t);
      int i = Ranking.argmin(g.costs());
      bestCosts[k] = g.costs()[i];
      meanCosts[k] = Ranking.mean(g.costs());
      if (best == null || g.costs()[i] < bestCost) {
        best = ActionSequences.row(x, i, ta);
        bestCost = g.costs()[i];
      }
      double c1 = 1 - StrictMath.pow(BETA1, k + 1);
      double c2 = 1 - StrictMath.pow(BETA2, k + 1);
      float[] grad = g.gradient();
      for (int j = 0; j < x.length; j++) {
        double gj = grad[j];
        if (!Double.isFinite(gj)) {
          continue; // a diverged row keeps its actions; it cannot become the best
        }
        m[j] = BETA1 * m[j] + (1 - BETA1) * gj;
        v[j] = BETA2 * v[j] + (1 - BETA2) * gj * gj;
        x[j] = (float) (x[j] - lr * (m[j] / c1) / (Math.sqrt(v[j] / c2) + EPS));
      }
      ActionSequences.project(x, a, maxNorm);
    }
    double[] last = Candidates.costs(call, s0, model, objective, x, n, t);
    int i = Ranking.argmin(last);
    if (last[i] < bestCost) {
      best = ActionSequences.row(x, i, ta);
      bestCost = last[i];
    }
    return new Result(best, bestCost, bestCosts, meanCosts);
  }
}
