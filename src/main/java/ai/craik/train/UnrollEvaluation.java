package ai.craik.train;

import java.util.List;

/**
 * Held-out evaluation of a world model: the position probe's error on encoded frames, and the
 * error of the probe-decoded rollout from the first encoded frame under the true actions, per
 * horizon step (index 0 is the encoded first frame itself), in pixels of the 65 frame.
 *
 * <p>Two references make the rollout error readable: {@code staticErrorPx}, the error of the
 * "nothing moves" prediction (the probe's reading of the first frame at every step), which a
 * model that ignores its actions cannot beat; and {@code latentError}, the mean squared distance
 * per latent dimension between the rolled-out and the encoded latents, the quantity trained.
 *
 * @param unrollErrorPx rollout error per step [H + 1]
 * @param staticErrorPx error of the "nothing moves" prediction per step [H + 1]
 * @param latentError mean squared latent error of the rollout per step [H + 1]
 * @param examples a few rollouts for figures
 */
public record UnrollEvaluation(double probeErrorPx, double[] unrollErrorPx,
    double[] staticErrorPx, double[] latentError, List<Example> examples) {

  /**
   * One held-out window: the layout, the true positions, the probe-decoded rollout under the true
   * actions and under the actions of another window, each [H + 1][2] in world units.
   */
  public record Example(int wallX, int doorY, double[][] truth, double[][] rollout,
      double[][] otherActions) {}

  /** The rollout error at horizon {@code h} (1-based step count). */
  public double atHorizon(int h) {
    return unrollErrorPx[h];
  }
}
