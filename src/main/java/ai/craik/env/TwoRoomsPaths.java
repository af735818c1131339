package ai.craik.env;

import ai.craik.config.Checks;

/**
 * Exact shortest paths in Two Rooms: the length (world units, pixels of the 65 frame) of the
 * shortest curve in free space between two free points, the geodesic distance that a wall-aware
 * cost should rank like.
 *
 * <p>The obstacles are the two closed rectangles of the middle wall, below and above the door,
 *
 * <pre>
 *   lower  [wallX − 1.5, wallX + 1.5] × (−∞, doorY − 4.5]
 *   upper  [wallX − 1.5, wallX + 1.5] × [doorY + 4.5, +∞)
 * </pre>
 *
 * inside the convex arena (the border never bends a path between two points inside it). A
 * shortest path among polygonal obstacles is a polyline whose inner vertices are obstacle corners
 * (Lozano-Pérez and Wesley 1979, the visibility graph); the only reachable corners here are the
 * four corners of the door opening, (wallX ± 1.5, doorY ± 4.5). So the distance is Dijkstra's on
 * six nodes (the two points and the four corners), an edge joining two nodes when the segment
 * between them does not enter the open interior of a wall rectangle (grazing a face or a corner
 * is allowed: the distance is the infimum over free paths, which may run arbitrarily close to a
 * wall). Two points that see each other are at their straight-line distance; otherwise the path
 * bends round one or two door corners.
 */
public final class TwoRoomsPaths {
  private static final double EPS = 1e-9;
  private static final double FAR = 1e6; // the wall rectangles extend beyond the arena

  private TwoRoomsPaths() {}

  /**
   * The shortest free-space path length from (ax, ay) to (bx, by) in {@code layout}; both points
   * must be free ({@link TwoRoomsGeometry#free}).
   */
  public static double shortestPath(Layout layout, double ax, double ay, double bx, double by) {
    Checks.arg(TwoRoomsGeometry.free(layout, ax, ay) && TwoRoomsGeometry.free(layout, bx, by),
        "shortest path needs two free points; (%s, %s) or (%s, %s) is in a wall of %s or outside"
            + " the arena (4.5, 59.5)^2", ax, ay, bx, by, layout);
    if (visible(layout, ax, ay, bx, by)) {
      return StrictMath.hypot(bx - ax, by - ay);
    }
    double x0 = layout.wallX() - TwoRoomsGeometry.WALL_HALF;
    double x1 = layout.wallX() + TwoRoomsGeometry.WALL_HALF;
    double y0 = layout.doorY() - TwoRoomsGeometry.DOOR_HALF;
    double y1 = layout.doorY() + TwoRoomsGeometry.DOOR_HALF;
    double[][] nodes = {{ax, ay}, {bx, by}, {x0, y0}, {x1, y0}, {x0, y1}, {x1, y1}};
    int n = nodes.length;
    double[] dist = new double[n];
    boolean[] done = new boolean[n];
    java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
    dist[0] = 0;
    for (int round = 0; round < n; round++) {
      int u = -1;
      for (int i = 0; i < n; i++) {
        if (!done[i] && (u < 0 || dist[i] < dist[u])) {
          u = i;
        }
      }
      if (u == 1 || Double.isInfinite(dist[u])) {
        break;
      }
      done[u] = true;
      for (int v = 0; v < n; v++) {
        if (!done[v] && visible(layout, nodes[u][0], nodes[u][1], nodes[v][0], nodes[v][1])) {
          double d = dist[u] + StrictMath.hypot(nodes[v][0] - nodes[u][0],
              nodes[v][1] - nodes[u][1]);
          if (d < dist[v]) {
            dist[v] = d;
          }
        }
      }
    }
    Checks.verify(Double.isFinite(dist[1]), "no path from (%s, %s) to (%s, %s) in %s", ax, ay, bx,
        by, layout);
    return dist[1];
  }

  /**
   * True when the segment from (ax, ay) to (bx, by) does not enter the open interior of either
   * wall rectangle (touching a face or a corner is allowed).
   */
  public static boolean visible(Layout layout, double ax, double ay, double bx, double by) {
    double x0 = layout.wallX() - TwoRoomsGeometry.WALL_HALF;
    double x1 = layout.wallX() + TwoRoomsGeometry.WALL_HALF;
    double y0 = layout.doorY() - TwoRoomsGeometry.DOOR_HALF;
    double y1 = layout.doorY() + TwoRoomsGeometry.DOOR_HALF;
    return !entersInterior(ax, ay, bx, by, x0, x1, -FAR, y0)
        && !entersInterior(ax, ay, bx, by, x0, x1, y1, FAR);
  }

  /**
   * Whether the segment meets the open box (x0, x1) × (y0, y1): its intersection with the closed
   * box is a sub-segment [tE, tL] (Liang–Barsky); for a convex box, a chord with an interior
   * point has all its inner points interior, so testing the chord's midpoint decides.
   */
  private static boolean entersInterior(double ax, double ay, double bx, double by, double x0,
      double x1, double y0, double y1) {
    double dx = bx - ax;
    double dy = by - ay;
    double tEnter = 0.0;
    double tLeave = 1.0;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {ax - x0, x1 - ax, ay - y0, y1 - ay};
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] < 0) {
          return false; // parallel to this side and outside it
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
    if (tEnter > tLeave) {
      return false;
    }
    double t = (tEnter + tLeave) / 2;
    double mx = ax + t * dx;
    double my = ay + t * dy;
    return mx > x0 + EPS && mx < x1 - EPS && my > y0 + EPS && my < y1 - EPS;
  }
}
