package ai.craik.env;

import java.util.SplittableRandom;

/**
 * Random play in Two Rooms for offline data, under the STOP collision policy.
 *
 * <p>A walk keeps a heading θ: each step θ ← θ + VM(0, κ), a length ℓ ~ N(μ, s²) truncated to
 * [ℓmin, ℓmax], and the action ℓ (cos θ, sin θ). A blocked move leaves the dot in place (STOP) and
 * draws a new uniform heading, so walks do not press against a wall for long — unless
 * {@link ExplorationConfig#wallStick()} keeps the heading, which shows a world model more pushes
 * against walls (what a planner will try). Starts are uniform in
 * free space.
 *
 * <p>A fraction of trajectories is built to pass through the door: a point d in the door opening
 * and a split k (uniform in [T/4, 3T/4], so both parts are long enough to leave the door) are drawn; a walk of k steps leaves d into one room and is reversed (positions in
 * reverse order, actions negated — legal because that walk is drawn without blocked moves), then a
 * walk of T − k steps leaves d into the other room. The result is one trajectory that crosses the
 * door at step k. Random walks of 90 steps otherwise rarely find the 9-pixel door.
 *
 * <p>A fraction {@link ExplorationConfig#wallFraction()} of the other trajectories are wall probes:
 * they start within a few pixels of the middle wall, heading into it, and then walk as usual.
 */
public final class TrajectoryGenerator {
  private static final int MAX_RETRIES = 32;
  /** Concentration of a wall probe's first heading around the normal into the middle wall. */
  private static final double PROBE_KAPPA = 2.0;
  /** Wall probes start this far (at most) from the middle wall's face, in pixels. */
  private static final double PROBE_REACH = 6.0;
  private final ExplorationConfig exploration;
  private final TwoRoomsDynamics dynamics;

  /** A generator with the given exploration policy and maximum step (STOP collisions). */
  public TrajectoryGenerator(ExplorationConfig exploration, double maxStep) {
    this.exploration = exploration;
    this.dynamics = new TwoRoomsDynamics(maxStep, CollisionPolicy.STOP, 0.0);
  }

  /** One trajectory of {@code length} steps in {@code layout}, all randomness from {@code rng}. */
  public Trajectory generate(Layout layout, int length, SplittableRandom rng) {
    ai.craik.config.Checks.arg(length >= 1, "trajectory length %s must be >= 1", length);
    // One draw picks the kind (as before wall probes existed: none for one-step trajectories).
    double kind = length >= 2 || exploration.wallFraction() > 0 ? rng.nextDouble() : 1.0;
    boolean door = length >= 2 && kind < exploration.doorFraction();
    // With wall_fraction 0 no extra draw is made, so such trajectories stay as they were.
    boolean probe = !door && exploration.wallFraction() > 0
        && kind < exploration.doorFraction() + exploration.wallFraction();
    float[] actions = new float[2 * length];
    float[] positions = new float[2 * (length + 1)];
    if (probe) {
      int side = rng.nextBoolean() ? 1 : -1; // the room the probe starts in (-1 left, +1 right)
      double[] start = besideWall(layout, side, rng);
      double into = side < 0 ? 0.0 : Math.PI;
      walk(layout, start, into + Samplers.vonMises(rng, 0.0, PROBE_KAPPA), 0, length, actions,
          positions, rng);
      return new Trajectory(layout, actions, positions, false);
    }
    if (!door) {
      double[] start = uniformFree(layout, rng);
      walk(layout, start, rng.nextDouble() * 2 * Math.PI, 0, length, actions, positions, rng);
      return new Trajectory(layout, actions, positions, false);
    }
    double[] d = {layout.wallX() + (rng.nextDouble() * 2 - 1) * TwoRoomsGeometry.WALL_HALF,
        layout.doorY() + (rng.nextDouble() * 2 - 1) * (TwoRoomsGeometry.DOOR_HALF - 1.0)};
    int margin = Math.max(1, length / 4); // both parts long enough to leave the door
    int k = rng.nextInt(margin, length - margin + 1);
    boolean startLeft = rng.nextBoolean();
    double intoStart = startLeft ? Math.PI : 0.0;
    // Backward part: k steps from d into the start room, without blocked moves.
    float[] backActions = new float[2 * k];
    float[] backPositions = new float[2 * (k + 1)];
    int startSide = startLeft ? -1 : 1;
    walkUnblocked(layout, d, intoStart, 0, k, startSide, false, backActions, backPositions, rng);
    for (int t = 0; t <= k; t++) { // positions[t] = back[k - t]
      positions[2 * t] = backPositions[2 * (k - t)];
      positions[2 * t + 1] = backPositions[2 * (k - t) + 1];
    }
    for (int t = 0; t < k; t++) { // action t takes back[k - t] to back[k - t - 1]
      actions[2 * t] = -backActions[2 * (k - t - 1)];
      actions[2 * t + 1] = -backActions[2 * (k - t - 1) + 1];
    }
    // Forward part: length − k steps from d into the other room; unblocked until out of the door.
    int out = walkUnblocked(layout, d, intoStart + Math.PI, k, length, -startSide, true, actions,
        positions, rng);
    if (out < length) {
      double[] from = {positions[2 * out], positions[2 * out + 1]};
      walk(layout, from, intoStart + Math.PI, out, length, actions, positions, rng);
    }
    return new Trajectory(layout, actions, positions, true);
  }

  /** Steps from → to of a walk starting at {@code start} (written at positions[from]). */
  private void walk(Layout layout, double[] start, double heading, int from, int to,
      float[] actions, float[] positions, SplittableRandom rng) {
    double[] pos = start.clone();
    positions[2 * from] = (float) pos[0];
    positions[2 * from + 1] = (float) pos[1];
    for (int t = from; t < to; t++) {
      heading += Samplers.vonMises(rng, 0.0, exploration.kappa());
      double len = stepLength(rng);
      double ax = len * StrictMath.cos(heading);
      double ay = len * StrictMath.sin(heading);
      // Positions are stored as float: move from the stored value so replays match exactly.
      pos[0] = positions[2 * t];
      pos[1] = positions[2 * t + 1];
      boolean blocked = dynamics.apply(layout, pos, (float) ax, (float) ay, rng);
      // With wall_stick 0 no extra draw is made, so such trajectories stay as they were.
      boolean stick = blocked && exploration.wallStick() > 0
          && rng.nextDouble() < exploration.wallStick();
      if (blocked && !stick) {
        heading = rng.nextDouble() * 2 * Math.PI;
      }
      actions[2 * t] = (float) ax;
      actions[2 * t + 1] = (float) ay;
      positions[2 * t + 2] = (float) pos[0];
      positions[2 * t + 3] = (float) pos[1];
    }
  }

  /**
   * Steps from → to of a walk from {@code start} in which every move succeeds (a blocked draw is
   * redrawn). With {@code side} = ±1 the walk heads into that room (−1 left, +1 right), redrawing
   * around that direction, until it is out of the wall slab on that side; then it plays freely
   * (still unblocked), or returns if {@code stopAtExit}. Returns the step index it stopped at.
   */
  private int walkUnblocked(Layout layout, double[] start, double heading, int from, int to,
      int side, boolean stopAtExit, float[] actions, float[] positions, SplittableRandom rng) {
    positions[2 * from] = (float) start[0];
    positions[2 * from + 1] = (float) start[1];
    double into = side < 0 ? Math.PI : 0.0;
    for (int t = from; t < to; t++) {
      double px = positions[2 * t];
      double py = positions[2 * t + 1];
      float ax = 0;
      float ay = 0;
      for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
        // Leaving the door, each step's heading is drawn around the room direction (no drift).
        double h = (side != 0 ? into : heading) + Samplers.vonMises(rng, 0.0, exploration.kappa());
        double len = stepLength(rng);
        float cx = (float) (len * StrictMath.cos(h));
        float cy = (float) (len * StrictMath.sin(h));
        double qx = (float) (px + cx);
        double qy = (float) (py + cy);
        if (TwoRoomsGeometry.contact(layout, px, py, qx, qy) >= 1.0
            && TwoRoomsGeometry.free(layout, qx, qy)) {
          ax = cx;
          ay = cy;
          heading = h;
          break;
        }
        heading = side != 0 ? into : rng.nextDouble() * 2 * Math.PI;
      }
      actions[2 * t] = ax;
      actions[2 * t + 1] = ay;
      positions[2 * t + 2] = (float) (px + ax);
      positions[2 * t + 3] = (float) (py + ay);
      double x = positions[2 * t + 2];
      if (side != 0 && side * (x - layout.wallX()) > TwoRoomsGeometry.WALL_HALF) {
        if (stopAtExit) {
          return t + 1;
        }
        side = 0; // out of the door on the wanted side: free play from here
      }
    }
    return to;
  }

  private double stepLength(SplittableRandom rng) {
    return Samplers.truncatedNormal(rng, exploration.stepMean(), exploration.stepStd(),
        exploration.stepMin(), exploration.stepMax());
  }

  /**
   * A free point within {@link #PROBE_REACH} pixels of the middle wall's face on {@code side}
   * (−1 left, +1 right), at a height uniform over the room (door rows included).
   */
  static double[] besideWall(Layout layout, int side, SplittableRandom rng) {
    while (true) {
      double gap = 0.05 + rng.nextDouble() * (PROBE_REACH - 0.05);
      double x = layout.wallX() + side * (TwoRoomsGeometry.WALL_HALF + gap);
      double y = TwoRoomsGeometry.LOW + rng.nextDouble() * (TwoRoomsGeometry.HIGH - TwoRoomsGeometry.LOW);
      if (TwoRoomsGeometry.free(layout, x, y)) {
        return new double[] {x, y};
      }
    }
  }

  /** A point uniform in the free space of {@code layout}. */
  public static double[] uniformFree(Layout layout, SplittableRandom rng) {
    while (true) {
      double x = TwoRoomsGeometry.LOW + rng.nextDouble() * (TwoRoomsGeometry.HIGH - TwoRoomsGeometry.LOW);
      double y = TwoRoomsGeometry.LOW + rng.nextDouble() * (TwoRoomsGeometry.HIGH - TwoRoomsGeometry.LOW);
      if (TwoRoomsGeometry.free(layout, x, y)) {
        return new double[] {x, y};
      }
    }
  }
}
