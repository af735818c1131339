package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Input checks shared by the encoders. */
final class Observations {
  private Observations() {}

  /** Requires observations [B, channels, height, width]. */
  static void checkImages(String encoder, NDArray o, int channels, int height, int width) {
    Shape s = o.getShape();
    Checks.arg(s.dimension() == 4 && s.get(1) == channels && s.get(2) == height
            && s.get(3) == width,
        "%s expects observations [B, %s, %s, %s], got %s; build the encoder for this image size",
        encoder, channels, height, width, s);
  }
}
