package ai.craik.data;

import java.nio.file.Path;
import java.util.SplittableRandom;

/** Opens the clip source a {@code --data} option of the video JEPA names. */
public final class VideoData {
  private VideoData() {}

  /**
   * {@code moving-shapes} ({@link MovingShapes#standard()}), {@code moving-digits:DIR} (Moving
   * MNIST from the MNIST training images in DIR) or {@code moving-digits} (the same construction
   * with shape sprites generated from {@code seed}).
   *
   * @throws DatasetException for an unknown name or missing or malformed MNIST files
   */
  public static ClipSource open(String spec, long seed) {
    if (spec.equals("moving-shapes")) {
      return MovingShapes.standard();
    }
    if (spec.equals("moving-digits")) {
      return new MovingDigits(MovingDigits.shapeSprites(1000, 28, new SplittableRandom(seed)), 64,
          2, 2, 4);
    }
    if (spec.startsWith("moving-digits:") && spec.length() > "moving-digits:".length()) {
      Mnist m = Mnist.open(Path.of(spec.substring("moving-digits:".length())));
      return new MovingDigits(m.train(), 64, 2, 2, 4);
    }
    throw new DatasetException("unknown video data '" + spec + "'; use moving-shapes,"
        + " moving-digits:DIR (Moving MNIST from the MNIST files in DIR) or moving-digits"
        + " (the same with generated shape sprites)");
  }
}
