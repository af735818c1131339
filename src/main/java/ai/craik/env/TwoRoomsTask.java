package ai.craik.env;

/**
 * A planning task: reach {@code goal} from {@code start} (world units, in different rooms) within
 * {@code budget} steps; success is a final distance to the goal below {@code successRadius}.
 * {@code seed} seeds the episode's own noise (contact back-off), so an episode replays exactly.
 */
public record TwoRoomsTask(long seed, Layout layout, double[] start, double[] goal, int budget,
    double successRadius) {

  /** Distance from (x, y) to the goal. */
  public double distanceToGoal(double[] position) {
    return StrictMath.hypot(position[0] - goal[0], position[1] - goal[1]);
  }

  /** True when {@code position} is within the success radius of the goal. */
  public boolean reached(double[] position) {
    return distanceToGoal(position) < successRadius;
  }

  /** The goal observation the agent is given, rendered by {@code renderer}. */
  public byte[] goalImage(TwoRoomsRenderer renderer) {
    return renderer.render(layout, goal[0], goal[1]);
  }
}
