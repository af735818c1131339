package ai.craik.data;

import java.util.SplittableRandom;

/**
 * Straight motion with elastic bounces off the borders of an interval, per axis: a coordinate p in
 * [lo, hi] moves by v each frame, and a step past a border is reflected back from it with v
 * reversed.
 */
final class Bounce {
  private Bounce() {}

  /**
   * Trajectories of one object: (x, y) for {@code length} frames, starting uniformly in
   * [lo, hi]^2 and moving at a speed drawn uniformly from [minSpeed, maxSpeed] in a uniform
   * direction.
   */
  static double[][] trajectory(int length, double lo, double hi, double minSpeed,
      double maxSpeed, SplittableRandom rng) {
    double x = lo + rng.nextDouble() * (hi - lo);
    double y = lo + rng.nextDouble() * (hi - lo);
    double speed = minSpeed + rng.nextDouble() * (maxSpeed - minSpeed);
    double angle = rng.nextDouble() * 2 * StrictMath.PI;
    double vx = speed * StrictMath.cos(angle);
    double vy = speed * StrictMath.sin(angle);
    double[][] out = new double[length][];
    for (int t = 0; t < length; t++) {
      out[t] = new double[] {x, y};
      double[] nx = step(x, vx, lo, hi);
      double[] ny = step(y, vy, lo, hi);
      x = nx[0];
      vx = nx[1];
      y = ny[0];
      vy = ny[1];
    }
    return out;
  }

  /** One step of p at velocity v inside [lo, hi]: the new position and velocity. */
  static double[] step(double p, double v, double lo, double hi) {
    double q = p + v;
    if (q < lo) {
      return new double[] {Math.min(hi, 2 * lo - q), -v};
    }
    if (q > hi) {
      return new double[] {Math.max(lo, 2 * hi - q), -v};
    }
    return new double[] {q, v};
  }
}
