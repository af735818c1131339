package ai.craik.env;

import ai.craik.config.Checks;
import java.util.SplittableRandom;

/**
 * The motion of the dot: the action (a displacement in pixels of the 65 frame) is clipped to the
 * maximum norm, then applied under the {@link CollisionPolicy}. Allocation-free, for fast data
 * generation; the position array is updated in place.
 */
public record TwoRoomsDynamics(double maxStep, CollisionPolicy policy, double contactNoise) {
  public TwoRoomsDynamics {
    Checks.arg(maxStep > 0, "max step %s must be > 0", maxStep);
    Checks.arg(contactNoise >= 0, "contact noise %s must be >= 0", contactNoise);
  }

  /** Dynamics of a config. */
  public static TwoRoomsDynamics of(TwoRoomsConfig c) {
    return new TwoRoomsDynamics(c.maxStep(), c.policy(), c.contactNoise());
  }

  /**
   * Moves {@code pos} (free, world units) by the clipped action (ax, ay).
   *
   * @param rng the stream for CONTACT's back-off noise (unused under STOP)
   * @return true when the move met a wall
   */
  public boolean apply(Layout layout, double[] pos, double ax, double ay, SplittableRandom rng) {
    double norm = StrictMath.hypot(ax, ay);
    if (norm > maxStep) {
      ax *= maxStep / norm;
      ay *= maxStep / norm;
      norm = maxStep;
    }
    double px = pos[0];
    double py = pos[1];
    double qx = px + ax;
    double qy = py + ay;
    double t = TwoRoomsGeometry.contact(layout, px, py, qx, qy);
    if (t >= 1.0 && TwoRoomsGeometry.free(layout, qx, qy)) {
      pos[0] = qx;
      pos[1] = qy;
      return false;
    }
    if (policy == CollisionPolicy.CONTACT && norm > 0) {
      double backOff = 1e-3 + Math.abs(contactNoise * Samplers.normal(rng));
      double tc = Math.max(0.0, Math.min(t, 1.0) - backOff / norm);
      double cx = px + tc * ax;
      double cy = py + tc * ay;
      if (TwoRoomsGeometry.free(layout, cx, cy)) {
        pos[0] = cx;
        pos[1] = cy;
      }
    }
    return true;
  }
}
