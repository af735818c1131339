package ai.craik.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;

/** Pixel helpers for figure tests. */
final class Pixels {
  private Pixels() {}

  static int at(BufferedImage image, Point2D p) {
    return image.getRGB((int) Math.floor(p.getX()), (int) Math.floor(p.getY())) & 0xffffff;
  }

  static int r(int rgb) {
    return (rgb >> 16) & 0xff;
  }

  static int g(int rgb) {
    return (rgb >> 8) & 0xff;
  }

  static int b(int rgb) {
    return rgb & 0xff;
  }

  /** Largest per-channel difference. */
  static int distance(int a, int b) {
    return Math.max(Math.abs(r(a) - r(b)), Math.max(Math.abs(g(a) - g(b)), Math.abs(b(a) - b(b))));
  }

  static void assertNear(int actual, int expected, int tolerance) {
    assertThat(distance(actual, expected))
        .as("colour %06x vs expected %06x", actual, expected)
        .isLessThanOrEqualTo(tolerance);
  }

  static void assertRedish(int rgb) {
    assertThat(r(rgb)).as("red of %06x", rgb).isGreaterThan(150);
    assertThat(g(rgb)).as("green of %06x", rgb).isLessThan(110);
    assertThat(b(rgb)).as("blue of %06x", rgb).isLessThan(110);
  }
}
