package ai.craik.agent;

import ai.craik.plan.ControlledSystem;
import ai.craik.plan.LatentDynamics;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A toy world for agent tests: the state is a point of the plane, observed exactly (the latent is
 * the observation), and an action moves it, s_{t+1} = s_t + a_t (D = A = 2).
 */
final class PointWorld implements LatentDynamics {
  static final int D = 2;

  @Override
  public NDArray rollout(NDArray s0, NDArray actions) {
    long n = actions.getShape().get(0);
    NDArray start = s0.reshape(1, 1, D).broadcast(new Shape(n, 1, D));
    NDArray path = actions.cumSum(1).add(start); // [N, T, D]
    return start.concat(path, 1);
  }

  @Override
  public int latentDim() {
    return D;
  }

  @Override
  public int actionDim() {
    return D;
  }

  /** Perception of the point: its coordinates. */
  static Perception<float[]> perception() {
    return new Perception<>((o, scope) -> scope.create(o), D);
  }

  /** An episode's system from {@code start}. */
  static ControlledSystem<float[]> system(float[] start) {
    return new ControlledSystem<>() {
      private float[] at = start.clone();

      @Override
      public float[] observe() {
        return at.clone();
      }

      @Override
      public float[] act(float[] a) {
        at = new float[] {at[0] + a[0], at[1] + a[1]};
        return at.clone();
      }
    };
  }

  /** The squared distance cost to {@code goal} as the configurator would build it. */
  static IntrinsicCost cost(float[] goal, double actionWeight, double curiosity) {
    return new IntrinsicCost(java.util.Map.of("goal", 1.0, "action", actionWeight, "curiosity",
        curiosity), goal, new ai.craik.plan.GoalDistance(goal), null,
        new WorldModel(new PointWorld()));
  }

  static NDArray states(NDManager m, float[]... points) {
    float[] flat = new float[points.length * D];
    for (int i = 0; i < points.length; i++) {
      System.arraycopy(points[i], 0, flat, i * D, D);
    }
    return m.create(flat, new Shape(1, points.length, D));
  }
}
