package ai.craik.env;

/**
 * The walls of Two Rooms in world units (pixels of the 65×65 frame; pixel k covers [k − ½, k + ½]).
 *
 * <pre>
 *   border     lines 4 and 60 of both axes: free space is the open box (4.5, 59.5)²
 *   middle     |x − wallX| ≤ 1.5 (columns wallX − 1 … wallX + 1), except the door
 *   door       rows doorY − 4 … doorY + 4: open for doorY − 4.5 &lt; y &lt; doorY + 4.5
 * </pre>
 *
 * <p>The dot is a point. A move from p to q is legal when the whole segment stays in free space;
 * {@link #contact} gives the fraction of the segment that can be travelled (Liang–Barsky clipping of
 * the segment against each wall slab), so a move can never tunnel through a wall, however long.
 */
public final class TwoRoomsGeometry {
  /** Inner faces of the border walls. */
  public static final double LOW = 4.5;
  public static final double HIGH = 59.5;
  /** Half the middle wall's width (3 px). */
  public static final double WALL_HALF = 1.5;
  /** Half the door's height (9 px). */
  public static final double DOOR_HALF = 4.5;

  private TwoRoomsGeometry() {}

  /** True when (x, y) is in free space (not in a wall, inside the arena). */
  public static boolean free(Layout l, double x, double y) {
    if (!(x > LOW && x < HIGH && y > LOW && y < HIGH)) {
      return false;
    }
    boolean inWallSlab = Math.abs(x - l.wallX()) <= WALL_HALF;
    boolean inDoor = y > l.doorY() - DOOR_HALF && y < l.doorY() + DOOR_HALF;
    return !inWallSlab || inDoor;
  }

  /** 0 for the left room (x &lt; wallX), 1 for the right room. */
  public static int room(Layout l, double x) {
    return x < l.wallX() ? 0 : 1;
  }

  /**
   * The largest t in [0, 1] such that p + s (q − p) is free for all s in [0, t): 1 when the whole
   * move is legal, less when it meets a wall at parameter t. The start p must be free.
   */
  public static double contact(Layout l, double px, double py, double qx, double qy) {
    double dx = qx - px;
    double dy = qy - py;
    double t = 1.0;
    // Border: the segment must stay inside the open box; t is where it first leaves it.
    t = Math.min(t, exit(px, dx, LOW, HIGH));
    t = Math.min(t, exit(py, dy, LOW, HIGH));
    // Middle wall: two closed rectangles, below and above the door.
    double x0 = l.wallX() - WALL_HALF;
    double x1 = l.wallX() + WALL_HALF;
    t = Math.min(t, entry(px, py, dx, dy, x0, x1, Double.NEGATIVE_INFINITY, l.doorY() - DOOR_HALF));
    t = Math.min(t, entry(px, py, dx, dy, x0, x1, l.doorY() + DOOR_HALF, Double.POSITIVE_INFINITY));
    return Math.max(0.0, t);
  }

  /** Where p + t d leaves the open interval (lo, hi) along one axis, for t >= 0; +inf if never. */
  private static double exit(double p, double d, double lo, double hi) {
    if (d > 0) {
      return (hi - p) / d;
    }
    if (d < 0) {
      return (lo - p) / d;
    }
    return Double.POSITIVE_INFINITY;
  }

  /**
   * Smallest t in [0, 1] at which p + t d enters the closed box [x0, x1] × [y0, y1]; +inf if the
   * segment misses it (Liang–Barsky).
   */
  private static double entry(double px, double py, double dx, double dy, double x0, double x1,
      double y0, double y1) {
    double tEnter = 0.0;
    double tLeave = 1.0;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {px - x0, x1 - px, py - y0, y1 - py};
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] < 0) {
          return Double.POSITIVE_INFINITY; // parallel and outside this slab
        }
      } else {
        double r = q[i] / p[i];
        if (p[i] < 0) {
          tEnter = Math.max(tEnter, r);
        } else {
          tLeave = Math.min(tLeave, r);
        }
      }
    }
    return tEnter <= tLeave ? tEnter : Double.POSITIVE_INFINITY;
  }
}
