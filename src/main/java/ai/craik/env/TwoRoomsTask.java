package ai.craik.env;

import ai.craik.config.Checks;
import java.util.List;

/**
 * A planning task: reach {@code goal} from {@code start} (world units, in different rooms) within
 * {@code budget} steps; success is a final distance to the goal below {@code successRadius}.
 * {@code seed} seeds the episode's own noise (contact back-off), so an episode replays exactly.
 */
public record TwoRoomsTask(long seed, Layout layout, double[] start, double[] goal, int budget,
    double successRadius) {
  /** The rooms of {@link #pointInRoom}. */
  public static final List<String> ROOMS = List.of("left", "right", "arena");

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
    return imageWithDotAt(renderer, goal[0], goal[1]);
  }

  /**
   * The observation of the dot at world (x, y) in this task's layout, rendered by {@code renderer}:
   * the goal image of a goal the task puts at (x, y).
   */
  public byte[] imageWithDotAt(TwoRoomsRenderer renderer, double x, double y) {
    return renderer.render(layout, x, y);
  }

  /** True when world (x, y) is in free space of this task's layout. */
  public boolean isFree(double x, double y) {
    return TwoRoomsGeometry.free(layout, x, y);
  }

  /**
   * A point of this task's arena given in a room, free whatever the layout: [u, v] in [0, 1]^2 are
   * fractions of the room's free box kept {@code margin} pixels from its walls (left: from the left
   * border to the middle wall, right: from the middle wall to the right border, arena: the whole
   * arena).
   *
   * @param room left, right or arena
   * @return [x, y] in world units
   */
  public double[] pointInRoom(String room, double u, double v, double margin) {
    Checks.arg(ROOMS.contains(room), "room '%s' is not one of %s", room, ROOMS);
    double lo = TwoRoomsGeometry.LOW + margin;
    double hi = TwoRoomsGeometry.HIGH - margin;
    double x0 = room.equals("right") ? layout.wallX() + TwoRoomsGeometry.WALL_HALF + margin : lo;
    double x1 = room.equals("left") ? layout.wallX() - TwoRoomsGeometry.WALL_HALF - margin : hi;
    return new double[] {x0 + u * (x1 - x0), lo + v * (hi - lo)};
  }
}
