package ai.craik.data;

import ai.craik.config.Checks;
import java.util.SplittableRandom;

/**
 * The procedural {@code moving-shapes} videos: {@code objects} {@link Shapes} (random class,
 * rotation, bright colour, circumradius U(minRadius, maxRadius)) on a black RGB frame, each moving
 * in a straight line at a constant speed and bouncing off the borders (its whole circumcircle
 * stays inside). Later objects are painted over earlier ones. Centres are exact.
 *
 * @param size the side of a frame (64 in the standard setting)
 * @param objects objects per clip, at least 1
 * @param minRadius least circumradius in pixels
 * @param maxRadius largest circumradius in pixels
 * @param minSpeed least speed in pixels per frame
 * @param maxSpeed largest speed in pixels per frame
 */
public record MovingShapes(int size, int objects, double minRadius, double maxRadius,
    double minSpeed, double maxSpeed) implements ClipSource {
  public MovingShapes {
    Checks.arg(objects >= 1, "moving-shapes needs at least one object, got %s", objects);
    Checks.arg(minRadius >= 1 && maxRadius >= minRadius && 2 * maxRadius < size,
        "moving-shapes radii [%s, %s] must be >= 1 and fit in %s px", minRadius, maxRadius, size);
    Checks.arg(minSpeed >= 0 && maxSpeed >= minSpeed && maxSpeed < size - 2 * maxRadius,
        "moving-shapes speeds [%s, %s] must be >= 0 and below the free width", minSpeed,
        maxSpeed);
  }

  /** The standard setting: 64 px, two objects of radius 6-9 px moving 2-4 px per frame. */
  public static MovingShapes standard() {
    return new MovingShapes(64, 2, 6, 9, 2, 4);
  }

  @Override
  public Clip sample(int length, SplittableRandom rng) {
    Checks.arg(length >= 1, "a clip needs at least one frame, got %s", length);
    int values = 3 * size * size;
    float[] frames = new float[length * values];
    float[] centres = new float[2 * length * objects];
    for (int o = 0; o < objects; o++) {
      int label = rng.nextInt(Shapes.CLASSES.size());
      double radius = minRadius + rng.nextDouble() * (maxRadius - minRadius);
      double rotation = rng.nextDouble() * 2 * StrictMath.PI;
      float[] color = brightColor(rng);
      double[][] path = Bounce.trajectory(length, radius, size - radius, minSpeed, maxSpeed, rng);
      for (int t = 0; t < length; t++) {
        float[] frame = new float[values];
        System.arraycopy(frames, t * values, frame, 0, values);
        Shapes.paint(frame, 3, size, label, path[t][0], path[t][1], radius, rotation, color);
        System.arraycopy(frame, 0, frames, t * values, values);
        centres[(t * objects + o) * 2] = (float) path[t][0];
        centres[(t * objects + o) * 2 + 1] = (float) path[t][1];
      }
    }
    return new Clip(frames, centres, length, 3, size, objects);
  }

  /** A random colour whose brightest channel is at least 0.6, so it stands out from black. */
  private static float[] brightColor(SplittableRandom rng) {
    float[] c = new float[3];
    for (int k = 0; k < 3; k++) {
      c[k] = (float) rng.nextDouble();
    }
    c[rng.nextInt(3)] = (float) (0.6 + 0.4 * rng.nextDouble());
    return c;
  }

  @Override
  public int channels() {
    return 3;
  }
}
