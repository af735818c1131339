package ai.craik.plan;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;

/**
 * Action energy: c_i = sum_{t=0..T-1} ||a_{i,t}||^2, a step-additive penalty on large or jittery
 * plans. Shapes: actions [N, T, A] to cost [N]; states unused.
 */
public record ActionMagnitude() implements PlanObjective {
  @Override
  public NDArray cost(NDArray states, NDArray actions) {
    Checks.arg(actions.getShape().dimension() == 3,
        "action magnitude expects actions [N, T, A], got %s", actions.getShape());
    return actions.square().sum(new int[] {1, 2}); // [N]
  }
}
