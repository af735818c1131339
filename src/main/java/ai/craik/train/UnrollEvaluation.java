package ai.craik.train;

import java.util.List;

/**
 * Held-out evaluation of a world model: the position probe's error on encoded frames, and the
 * error of the probe-decoded rollout from the first encoded frame under the true actions, per
 * horizon step (index 0 is the encoded first frame itself), in pixels of the 65 frame.
 *
 * @param examples a few rollouts for figures
 */
public record UnrollEvaluation(double probeErrorPx, double[] unrollErrorPx,
    List<Example> examples) {

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
