package ai.craik.env;

import ai.craik.config.ConfigChecks;

/**
 * The random-play policy that generates offline data; YAML section {@code exploration}.
 *
 * @param kappa concentration of the von Mises heading change per step (5: mostly straight)
 * @param stepMean mean step length (pixels of the 65 frame) before truncation
 * @param stepStd standard deviation of the step length before truncation
 * @param stepMin lower truncation of the step length
 * @param stepMax upper truncation of the step length
 * @param doorFraction fraction of trajectories built to pass through the door
 * @param wallStick probability that a walk keeps its heading after a blocked move (and pushes
 *     against the wall again) instead of drawing a new uniform heading; 0 (the default) never
 * @param wallFraction fraction of trajectories that start beside the middle wall heading into it
 *     (wall probes): random play alone rarely meets the middle wall (1.8% of moves), so a world
 *     model sees too few blocked moves to learn that the wall stops the dot
 */
public record ExplorationConfig(double kappa, double stepMean, double stepStd, double stepMin,
    double stepMax, double doorFraction, double wallStick, double wallFraction) {
  public ExplorationConfig {
    ConfigChecks.nonNegative("kappa", kappa);
    ConfigChecks.positive("step_std", stepStd);
    ConfigChecks.positive("step_min", stepMin);
    ConfigChecks.positive("step_max", stepMax);
    if (stepMin >= stepMax) {
      throw new ai.craik.config.ConfigValueException("step_min", stepMin,
          "must be below step_max=" + stepMax);
    }
    ConfigChecks.inRange("door_fraction", doorFraction, 0.0, 1.0);
    ConfigChecks.inRange("wall_stick", wallStick, 0.0, 1.0);
    ConfigChecks.inRange("wall_fraction", wallFraction, 0.0, 1.0);
    if (doorFraction + wallFraction > 1.0) {
      throw new ai.craik.config.ConfigValueException("wall_fraction", wallFraction,
          "plus door_fraction=" + doorFraction + " must be at most 1");
    }
  }

  /** The same policy with walks that keep their heading after a blocked move with {@code p}. */
  public ExplorationConfig withWallStick(double p) {
    return new ExplorationConfig(kappa, stepMean, stepStd, stepMin, stepMax, doorFraction, p,
        wallFraction);
  }

  /** The same policy with a fraction {@code f} of wall-probe trajectories. */
  public ExplorationConfig withWallFraction(double f) {
    return new ExplorationConfig(kappa, stepMean, stepStd, stepMin, stepMax, doorFraction,
        wallStick, f);
  }

  /**
   * κ = 5, step N(1.0, 0.4) truncated to [0.2, 1.8], 35% of trajectories through the door, a new
   * heading after every blocked move, no wall probes.
   */
  public static ExplorationConfig defaults() {
    return new ExplorationConfig(5.0, 1.0, 0.4, 0.2, 1.8, 0.35, 0.0, 0.0);
  }
}
