package ai.craik.data;

import ai.craik.config.Checks;
import java.util.SplittableRandom;

/**
 * The Moving MNIST construction (Srivastava, Mansimov and Salakhutdinov, "Unsupervised Learning of
 * Video Representations using LSTMs", ICML 2015, arXiv:1502.04681): {@code objects} grey sprites
 * (MNIST digits, 28 x 28) drawn at random from a set move on a black one-channel frame in straight
 * lines at a constant speed, bouncing off the borders so that they stay whole; overlapping sprites
 * combine by the pixel-wise maximum. A sprite's centre is its top-left corner plus half its side.
 *
 * @param sprites the sprite images (one channel), e.g. the MNIST training split
 * @param size the side of a frame (64 in the standard setting)
 * @param objects sprites per clip
 * @param minSpeed least speed in pixels per frame
 * @param maxSpeed largest speed in pixels per frame
 */
public record MovingDigits(LabelledImages sprites, int size, int objects, double minSpeed,
    double maxSpeed) implements ClipSource {
  public MovingDigits {
    Checks.arg(sprites.channels() == 1 && sprites.rows() == sprites.cols(),
        "moving-digits needs square one-channel sprites, got [%s, %s, %s]", sprites.channels(),
        sprites.rows(), sprites.cols());
    Checks.arg(sprites.size() >= 1, "moving-digits needs at least one sprite");
    Checks.arg(sprites.rows() < size, "sprites of %s px do not fit in %s px frames",
        sprites.rows(), size);
    Checks.arg(objects >= 1, "moving-digits needs at least one object, got %s", objects);
    Checks.arg(minSpeed >= 0 && maxSpeed >= minSpeed && maxSpeed < size - sprites.rows(),
        "moving-digits speeds [%s, %s] must be >= 0 and below the free width", minSpeed,
        maxSpeed);
  }

  /**
   * Grey sprites of the {@link Shapes} classes when no MNIST files are given: n white shapes of
   * circumradius 9-13 px on black, {@code side} px square, from {@code rng}.
   */
  public static LabelledImages shapeSprites(int n, int side, SplittableRandom rng) {
    byte[] px = new byte[n * side * side];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      int label = rng.nextInt(Shapes.CLASSES.size());
      double radius = (0.32 + 0.14 * rng.nextDouble()) * side;
      float[] canvas = new float[side * side];
      Shapes.paint(canvas, 1, side, label, side / 2.0, side / 2.0, radius,
          rng.nextDouble() * 2 * StrictMath.PI, new float[] {1f});
      for (int j = 0; j < canvas.length; j++) {
        px[i * side * side + j] = (byte) Math.round(canvas[j] * 255);
      }
      labels[i] = (byte) label;
    }
    return new LabelledImages(px, labels, 1, side, side);
  }

  @Override
  public Clip sample(int length, SplittableRandom rng) {
    Checks.arg(length >= 1, "a clip needs at least one frame, got %s", length);
    int side = sprites.rows();
    int plane = size * size;
    float[] frames = new float[length * plane];
    float[] centres = new float[2 * length * objects];
    for (int o = 0; o < objects; o++) {
      float[] sprite = sprites.image(rng.nextInt(sprites.size()));
      double[][] path = Bounce.trajectory(length, 0, size - side, minSpeed, maxSpeed, rng);
      for (int t = 0; t < length; t++) {
        int x0 = (int) Math.round(path[t][0]);
        int y0 = (int) Math.round(path[t][1]);
        for (int y = 0; y < side; y++) {
          for (int x = 0; x < side; x++) {
            int k = t * plane + (y0 + y) * size + x0 + x;
            frames[k] = Math.max(frames[k], sprite[y * side + x]);
          }
        }
        centres[(t * objects + o) * 2] = (float) (x0 + side / 2.0);
        centres[(t * objects + o) * 2 + 1] = (float) (y0 + side / 2.0);
      }
    }
    return new Clip(frames, centres, length, 1, size, objects);
  }

  @Override
  public int channels() {
    return 1;
  }
}
