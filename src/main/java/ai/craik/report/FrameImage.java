package ai.craik.report;

import ai.craik.config.Checks;
import java.awt.image.BufferedImage;

/**
 * A picture of a float frame [C, H, W] in [0, 1] (C = 1: grey, C = 3: RGB), channel-major,
 * enlarged by an integer factor with nearest-neighbour; values outside [0, 1] are clipped.
 */
public final class FrameImage {
  private FrameImage() {}

  /** The frame starting at {@code offset} in {@code values}, each pixel a k x k block. */
  public static BufferedImage of(float[] values, int offset, int channels, int height, int width,
      int scale) {
    Checks.arg(channels == 1 || channels == 3, "a frame picture needs 1 or 3 channels, got %s",
        channels);
    Checks.arg(scale >= 1 && offset >= 0
        && offset + (long) channels * height * width <= values.length,
        "frame [%s, %s, %s] at %s does not fit in %s values (scale %s)", channels, height, width,
        offset, values.length, scale);
    Headless.ensure();
    BufferedImage img = new BufferedImage(width * scale, height * scale,
        BufferedImage.TYPE_INT_RGB);
    int plane = height * width;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = offset + y * width + x;
        int r = level(values[p]);
        int g = channels == 3 ? level(values[p + plane]) : r;
        int b = channels == 3 ? level(values[p + 2 * plane]) : r;
        int rgb = (r << 16) | (g << 8) | b;
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            img.setRGB(x * scale + dx, y * scale + dy, rgb);
          }
        }
      }
    }
    return img;
  }

  private static int level(float v) {
    return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
  }
}
