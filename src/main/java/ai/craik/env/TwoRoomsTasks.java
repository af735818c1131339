package ai.craik.env;

import ai.craik.config.Checks;
import java.util.SplittableRandom;

/**
 * Planning tasks for Two Rooms: start and goal in different rooms, each uniform in its room's free
 * area at least 2σ (twice the dot's width) from every wall; by default a 200-step budget and
 * success when the final distance to the goal is below 4.5 px.
 */
public final class TwoRoomsTasks {
  /** Default step budget of an episode. */
  public static final int DEFAULT_BUDGET = 200;
  /** Default success radius in pixels of the 65 frame. */
  public static final double DEFAULT_SUCCESS_RADIUS = 4.5;

  private TwoRoomsTasks() {}

  /**
   * The task of {@code seed}: the same seed always gives the same task.
   *
   * @param randomLayout draw the layout from the seed (else the fixed layout)
   * @param sigma the dot's width; the margin from the walls is 2σ
   */
  public static TwoRoomsTask sample(long seed, boolean randomLayout, double sigma, int budget,
      double successRadius) {
    Checks.arg(budget >= 1, "task budget %s must be >= 1", budget);
    Checks.arg(successRadius > 0, "success radius %s must be > 0", successRadius);
    SplittableRandom rng = new SplittableRandom(seed);
    Layout layout = randomLayout ? Layout.random(rng) : Layout.fixed();
    int startRoom = rng.nextInt(2);
    double margin = 2 * sigma;
    double[] start = uniformInRoom(layout, startRoom, margin, rng);
    double[] goal = uniformInRoom(layout, 1 - startRoom, margin, rng);
    return new TwoRoomsTask(rng.nextLong(), layout, start, goal, budget, successRadius);
  }

  /** The task of {@code seed} with the default budget and success radius. */
  public static TwoRoomsTask sample(long seed, boolean randomLayout) {
    return sample(seed, randomLayout, TwoRoomsRenderer.DEFAULT_SIGMA, DEFAULT_BUDGET,
        DEFAULT_SUCCESS_RADIUS);
  }

  /** A point uniform in room 0 (left) or 1 (right), at least {@code margin} from every wall. */
  public static double[] uniformInRoom(Layout l, int room, double margin, SplittableRandom rng) {
    double lo = TwoRoomsGeometry.LOW + margin;
    double hi = TwoRoomsGeometry.HIGH - margin;
    double x0 = room == 0 ? lo : l.wallX() + TwoRoomsGeometry.WALL_HALF + margin;
    double x1 = room == 0 ? l.wallX() - TwoRoomsGeometry.WALL_HALF - margin : hi;
    Checks.verify(x0 < x1 && lo < hi, "room %s of %s has no area at margin %s", room, l, margin);
    return new double[] {x0 + rng.nextDouble() * (x1 - x0), lo + rng.nextDouble() * (hi - lo)};
  }
}
