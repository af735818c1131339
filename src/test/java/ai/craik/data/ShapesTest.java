package ai.craik.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The procedural shapes: seeded, labelled, shapes inside the frame, pixel mass equal to area. */
class ShapesTest {
  private static final float[] WHITE = {1, 1, 1};
  private static final float[] BLACK = {0, 0, 0};

  /** Polygon area by the shoelace formula. */
  private static double area(double[][] v, double r) {
    double s = 0;
    for (int i = 0, j = v.length - 1; i < v.length; j = i++) {
      s += v[j][0] * v[i][1] - v[i][0] * v[j][1];
    }
    return Math.abs(s) / 2 * r * r;
  }

  private static double mass(float[] pixels, int size) {
    double m = 0;
    for (int i = 0; i < size * size; i++) {
      m += pixels[i]; // channel 0
    }
    return m;
  }

  @Test
  void everyClassCoversItsAreaAndRotationKeepsIt() {
    int size = 32;
    for (int label = 0; label < Shapes.CLASSES.size(); label++) {
      double expected = area(Shapes.outline(label), 10);
      for (double rot : new double[] {0, 0.3, 1.1}) {
        float[] img = Shapes.render(size, new Shapes.Factors(label, 16, 16, 10, rot, WHITE, BLACK));
        assertThat(mass(img, size)).as("%s at %s rad", Shapes.CLASSES.get(label), rot)
            .isCloseTo(expected, within(0.02 * expected));
      }
    }
    // a circle of radius 10 covers about pi 100 pixels (its 48-gon slightly less)
    assertThat(area(Shapes.outline(0), 10)).isCloseTo(Math.PI * 100, within(3.0));
  }

  @Test
  void symmetricRotationsGiveTheSameImage() {
    float[] a = Shapes.render(24, new Shapes.Factors(1, 12, 12, 8, 0.2, WHITE, BLACK));
    float[] b = Shapes.render(24, new Shapes.Factors(1, 12, 12, 8, 0.2 + Math.PI / 2, WHITE,
        BLACK));
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).isCloseTo(b[i], within(0.07f)); // one supersample in 16
    }
  }

  @Test
  void samplesAreSeededLabelledAndInsideTheFrame() {
    Shapes.Image x = Shapes.sample(32, new SplittableRandom(4));
    Shapes.Image y = Shapes.sample(32, new SplittableRandom(4));
    assertThat(x.pixels()).containsExactly(y.pixels());
    assertThat(x.factors().label()).isEqualTo(y.factors().label());
    SplittableRandom rng = new SplittableRandom(5);
    int[] counts = new int[Shapes.CLASSES.size()];
    int n = 3500;
    for (int i = 0; i < n; i++) {
      Shapes.Image s = Shapes.sample(16, rng);
      Shapes.Factors f = s.factors();
      counts[f.label()]++;
      assertThat(f.x() - f.radius()).isGreaterThanOrEqualTo(0);
      assertThat(f.x() + f.radius()).isLessThanOrEqualTo(16);
      assertThat(f.y() - f.radius()).isGreaterThanOrEqualTo(0);
      assertThat(f.y() + f.radius()).isLessThanOrEqualTo(16);
      assertThat(f.radius()).isBetween(0.25 * 16, 0.45 * 16);
      double contrast = 0;
      for (int c = 0; c < 3; c++) {
        contrast += Math.pow(f.color()[c] - f.background()[c], 2);
      }
      assertThat(Math.sqrt(contrast)).isGreaterThanOrEqualTo(Shapes.MIN_CONTRAST);
      for (float v : s.pixels()) {
        assertThat(v).isBetween(0f, 1f);
      }
    }
    double p = 1.0 / counts.length;
    for (int c : counts) {
      assertThat(c / (double) n).isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / n)));
    }
  }

  @Test
  void badArgumentsAreRejected() {
    assertThatThrownBy(() -> Shapes.sample(4, new SplittableRandom(1)))
        .hasMessageContaining("size >= 8");
    assertThatThrownBy(() -> Shapes.render(16, new Shapes.Factors(7, 8, 8, 4, 0, WHITE, BLACK)))
        .hasMessageContaining("label 7");
  }
}
