package ai.craik.plan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * A 5 x 5 grid world as latent dynamics: s_{t+1} = clip(s_t + a_t, 0, 4) per coordinate, D = A =
 * 2, with the moves stay, right, up, left, down. Finitely many states, deterministic, exact in
 * float: the setting in which dynamic programming must equal exhaustive search.
 */
final class GridWorld implements LatentDynamics {
  static final DiscreteActions MOVES = new DiscreteActions(new float[][] {
      {0, 0}, {1, 0}, {0, 1}, {-1, 0}, {0, -1}});

  @Override
  public NDArray rollout(NDArray s0, NDArray actions) {
    long n = actions.getShape().get(0);
    int t = (int) actions.getShape().get(1);
    NDArray s = s0.reshape(1, 2).broadcast(new Shape(n, 2));
    NDList states = new NDList(s);
    for (int i = 0; i < t; i++) {
      s = s.add(actions.get(new NDIndex(":, {}", i))).clip(0, 4);
      states.add(s);
    }
    return NDArrays.stack(states, 1);
  }

  @Override
  public int latentDim() {
    return 2;
  }

  @Override
  public int actionDim() {
    return 2;
  }
}
