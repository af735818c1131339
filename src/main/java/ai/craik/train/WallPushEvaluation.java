package ai.craik.train;

import ai.craik.data.ObservationScaling;
import ai.craik.engine.GradMode;
import ai.craik.env.TwoRoomsRenderer;
import ai.craik.jepa.Jepa;
import ai.craik.jepa.PositionProbe;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Does the world model know the middle wall? From a frame a few pixels beside the wall (away from
 * the door), the model imagines {@code steps} moves of length {@code push} straight into the wall;
 * under STOP dynamics the dot would not move. The probe decodes the last imagined latent:
 *
 * <pre>
 *   penetration = mean over cases of max(0, side * (x_T - face)),  face = the wall face the dot is at
 *   crossed     = fraction of cases with x_T beyond the wall's far face
 * </pre>
 *
 * in pixels of the 65 frame. A model that ignores the wall moves the dot straight through it
 * (penetration about steps * push minus the gap); a planner through such a model imagines the
 * shortcut and presses against the real wall. The unroll error on random play hides this because
 * random play rarely pushes against a wall for long.
 *
 * @param penetrationPx mean imagined penetration past the near face of the middle wall
 * @param crossedFraction fraction of cases imagined beyond the far face
 * @param cases how many start frames were tried
 */
public record WallPushEvaluation(double penetrationPx, double crossedFraction, int cases) {

  /**
   * Runs {@code cases} pushes of {@code steps} moves of length {@code push} (world units) with
   * layouts from {@code rng} (random, or the fixed layout), frames rendered by {@code renderer}
   * and scaled by {@code scaling} as the training batches are.
   */
  public static WallPushEvaluation run(Jepa jepa, PositionProbe probe, TwoRoomsRenderer renderer,
      ObservationScaling scaling, boolean randomLayout, int cases, int steps, double push,
      SplittableRandom rng, NDManager parent) {
    ai.craik.config.Checks.arg(cases >= 1 && steps >= 1 && push > 0,
        "wall push needs cases >= 1, steps >= 1 and push > 0, got %s, %s, %s", cases, steps, push);
    int r = renderer.size();
    int frame = 2 * r * r;
    float[] frames = new float[cases * frame];
    float[] actions = new float[cases * steps * 2];
    double[] near = new double[cases];
    double[] far = new double[cases];
    double[] side = new double[cases];
    double margin = 2 * renderer.sigmaPixels() / renderer.scale(); // 2σ in world units
    for (int i = 0; i < cases; i++) {
      WallApproach c = WallApproach.sample(rng, randomLayout, margin);
      double s = c.side();
      double x = c.nearFace() - s * (margin + rng.nextDouble() * 3);
      System.arraycopy(scaling.apply(renderer.render(c.layout(), x, c.y())), 0, frames,
          i * frame, frame);
      for (int t = 0; t < steps; t++) {
        actions[2 * (i * steps + t)] = (float) (s * push);
      }
      side[i] = s;
      near[i] = c.nearFace();
      far[i] = c.farFace();
    }
    float[] last = GradMode.disabled(() -> {
      try (NDManager scope = parent.newSubManager()) {
        NDArray obs = scope.create(frames, new Shape(cases, 2, r, r));
        NDArray z = jepa.encode(obs); // [cases, D]
        NDArray states = jepa.unroll(z, scope.create(actions, new Shape(cases, steps, 2)))
            .states(); // [cases, steps + 1, D]
        return probe.predict(states.get(new NDIndex(":, -1"))).toFloatArray();
      }
    });
    double penetration = 0;
    int crossed = 0;
    for (int i = 0; i < cases; i++) {
      double x = last[2 * i];
      penetration += Math.max(0, side[i] * (x - near[i])) / cases;
      if (side[i] * (x - far[i]) > 0) {
        crossed++;
      }
    }
    return new WallPushEvaluation(penetration, crossed / (double) cases, cases);
  }
}
