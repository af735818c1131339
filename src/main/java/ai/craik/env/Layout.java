package ai.craik.env;

import ai.craik.config.Checks;
import java.util.SplittableRandom;

/**
 * Where the middle wall and its door are, in world units (pixels of the 65×65 frame): the wall
 * occupies columns wallX − 1 … wallX + 1, the door rows doorY − 4 … doorY + 4.
 *
 * <p>Fixed layout: (32, 18). Random layout: wallX uniform in 20…44, doorY uniform in 10…54.
 */
public record Layout(int wallX, int doorY) {
  /** Smallest and largest wall column of a random layout. */
  public static final int MIN_WALL_X = 20;
  public static final int MAX_WALL_X = 44;
  /** Smallest and largest door row of a random layout. */
  public static final int MIN_DOOR_Y = 10;
  public static final int MAX_DOOR_Y = 54;

  public Layout {
    Checks.arg(wallX >= 8 && wallX <= 56, "wall_x=%s must be in 8..56 (inside the arena)", wallX);
    Checks.arg(doorY >= 9 && doorY <= 55, "door_y=%s must be in 9..55 (inside the arena)", doorY);
  }

  /** The standard fixed layout (wall at column 32, door centred on row 18). */
  public static Layout fixed() {
    return new Layout(32, 18);
  }

  /** A random layout: wallX uniform in 20…44, doorY uniform in 10…54. */
  public static Layout random(SplittableRandom rng) {
    return new Layout(rng.nextInt(MIN_WALL_X, MAX_WALL_X + 1),
        rng.nextInt(MIN_DOOR_Y, MAX_DOOR_Y + 1));
  }
}
