package ai.craik.plan;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.SplittableRandom;

/** Checks of {@link Planner#plan}'s arguments shared by the planners, and the start values. */
final class PlanArgs {
  private PlanArgs() {}

  /** Checks the arguments; returns the start latent on the host [D]. */
  static float[] check(NDArray s0, LatentDynamics model, PlanObjective objective, int horizon,
      float[][] warmStart, int iterations, SplittableRandom rng) {
    Checks.arg(model != null, "planning needs a world model (LatentDynamics), got null");
    Checks.arg(objective != null, "planning needs an objective, got null");
    Checks.arg(rng != null, "planning needs a random stream, got null; pass e.g."
        + " streams.stream(\"plan\", step)");
    Checks.arg(horizon >= 1, "planning horizon=%s must be at least 1", horizon);
    Checks.arg(iterations >= 1, "planning iterations=%s must be at least 1", iterations);
    Checks.arg(s0 != null, "planning needs a start latent s0, got null");
    int rank = s0.getShape().dimension();
    Checks.arg(s0.size() == model.latentDim() && (rank == 1 || rank == 2),
        "planning expects one start latent [D] or [1, D] with D = %s, got %s", model.latentDim(),
        s0.getShape());
    if (warmStart != null) {
      ActionSequences.checkShape(warmStart, horizon, model.actionDim(), "warm start");
    }
    return s0.toType(DataType.FLOAT32, false).toFloatArray();
  }

  /** The warm start flattened [T A] and projected onto the norm ball, or zeros. */
  static float[] initialMean(float[][] warmStart, int t, int a, double maxNorm) {
    if (warmStart == null) {
      return new float[t * a];
    }
    float[] mean = ActionSequences.flatten(warmStart, t, a);
    ActionSequences.project(mean, a, maxNorm);
    return mean;
  }

  /** Seconds since {@code startNanos}. */
  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
