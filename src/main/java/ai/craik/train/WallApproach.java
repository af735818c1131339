package ai.craik.train;

import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsGeometry;
import java.util.SplittableRandom;

/**
 * One case of the wall tests ({@link WallPushEvaluation}, {@link BlockedMoveEvaluation}): a layout,
 * the side the dot approaches the middle wall from, and a row at least {@code margin} beyond the
 * door's edges (so the wall, not the door, is ahead).
 *
 * @param side +1 for the left room, pushing right; -1 for the right room, pushing left
 */
record WallApproach(Layout layout, double side, double y) {

  /** Draws the layout (random, or the fixed one), the side and the row, in that order. */
  static WallApproach sample(SplittableRandom rng, boolean randomLayout, double margin) {
    Layout l = randomLayout ? Layout.random(rng) : Layout.fixed();
    double side = rng.nextBoolean() ? 1 : -1;
    double y;
    do {
      y = TwoRoomsGeometry.LOW + margin
          + rng.nextDouble() * (TwoRoomsGeometry.HIGH - TwoRoomsGeometry.LOW - 2 * margin);
    } while (Math.abs(y - l.doorY()) < TwoRoomsGeometry.DOOR_HALF + margin);
    return new WallApproach(l, side, y);
  }

  /** The x of the wall face the dot meets. */
  double nearFace() {
    return layout.wallX() - side * TwoRoomsGeometry.WALL_HALF;
  }

  /** The x of the wall's other face. */
  double farFace() {
    return layout.wallX() + side * TwoRoomsGeometry.WALL_HALF;
  }
}
