package ai.craik.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Augmentations keep shapes and ranges, are seeded, and each does what it says. */
class AugmentTest {
  private static float[] batch(int b, int c, int h, int w, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[b * c * h * w];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rng.nextDouble();
    }
    return x;
  }

  @Test
  void viewsKeepShapeAndRangeAndAreSeeded() {
    float[] x = batch(6, 3, 16, 16, 1);
    float[] copy = x.clone();
    float[] a = Augment.vicreg().apply(x, 6, 3, 16, 16, new SplittableRandom(7));
    float[] b = Augment.vicreg().apply(x, 6, 3, 16, 16, new SplittableRandom(7));
    float[] other = Augment.vicreg().apply(x, 6, 3, 16, 16, new SplittableRandom(8));
    assertThat(x).containsExactly(copy); // input untouched
    assertThat(a).hasSize(x.length).containsExactly(b);
    assertThat(a).isNotEqualTo(other);
    for (float v : a) {
      assertThat(v).isBetween(0f, 1f);
    }
    float[] gray = Augment.vicreg().apply(batch(2, 1, 8, 8, 2), 2, 1, 8, 8,
        new SplittableRandom(3));
    assertThat(gray).hasSize(128);
    // Every operation at once (zoom-out crops, rotation, hue, blur, solarize, negative).
    Augment all = new Augment(0.3, 3, 180, 0.5, 1, 0.4, 0.4, 0.2, 0.5, 0.2, 0.5, 0.3, 0.5);
    float[] v = all.apply(x, 6, 3, 16, 16, new SplittableRandom(9));
    assertThat(v).hasSize(x.length).containsExactly(all.apply(x, 6, 3, 16, 16,
        new SplittableRandom(9)));
    for (float f : v) {
      assertThat(f).isBetween(0f, 1f);
    }
  }

  @Test
  void noneIsTheIdentityAndFlipIsAMirror() {
    float[] x = batch(2, 3, 5, 7, 4);
    assertThat(Augment.none().apply(x, 2, 3, 5, 7, new SplittableRandom(1)))
        .containsExactly(x, offset(1e-6f));
    Augment flipOnly = new Augment(1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    float[] f = flipOnly.apply(x, 2, 3, 5, 7, new SplittableRandom(1));
    assertThat(f[0]).isCloseTo(x[6], offset(1e-6f)); // pixel (0, 0) <- (0, 6)
    assertThat(flipOnly.apply(f, 2, 3, 5, 7, new SplittableRandom(2)))
        .containsExactly(x, offset(1e-6f));
  }

  @Test
  void grayscaleSolarizeAndBlurDoWhatTheySay() {
    float[] x = batch(1, 3, 6, 6, 5);
    float[] g = new Augment(1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0).apply(x, 1, 3, 6, 6,
        new SplittableRandom(1));
    for (int p = 0; p < 36; p++) {
      assertThat(g[p]).isEqualTo(g[36 + p]).isEqualTo(g[72 + p]);
      assertThat((double) g[p]).isCloseTo(0.299 * x[p] + 0.587 * x[36 + p] + 0.114 * x[72 + p],
          offset(1e-5));
    }
    float[] s = new Augment(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0).apply(x, 1, 3, 6, 6,
        new SplittableRandom(1));
    for (int i = 0; i < x.length; i++) {
      assertThat(s[i]).isCloseTo(x[i] >= 0.5f ? 1 - x[i] : x[i], offset(1e-6f));
    }
    float[] noisy = batch(1, 1, 16, 16, 6);
    float[] blurred = Augment.blurred(noisy, 1, 16, 16, 1.5);
    assertThat(variance(blurred)).isLessThan(0.3 * variance(noisy));
    float[] flat = new float[64];
    java.util.Arrays.fill(flat, 0.3f);
    assertThat(Augment.blurred(flat, 1, 8, 8, 2.0)).containsOnly(0.3f);
  }

  @Test
  void hueRotationKeepsEachPixelsChannelMeanAndSpread() {
    float[] x = batch(1, 3, 4, 4, 7);
    for (int i = 0; i < x.length; i++) {
      x[i] = 0.25f + 0.5f * x[i]; // room to rotate without clipping
    }
    float[] r = new Augment(1, 1, 0, 0, 1, 0, 0, 0, 0.5, 0, 0, 0, 0).apply(x, 1, 3, 4, 4,
        new SplittableRandom(3));
    boolean changed = false;
    for (int p = 0; p < 16; p++) {
      double m0 = (x[p] + x[16 + p] + x[32 + p]) / 3.0;
      double m1 = (r[p] + r[16 + p] + r[32 + p]) / 3.0;
      double d0 = sq(x[p] - m0) + sq(x[16 + p] - m0) + sq(x[32 + p] - m0);
      double d1 = sq(r[p] - m1) + sq(r[16 + p] - m1) + sq(r[32 + p] - m1);
      if (d0 > 1e-4) {
        assertThat(m1).isCloseTo(m0, offset(1e-5));
        assertThat(d1).isCloseTo(d0, offset(1e-4));
      }
      changed |= Math.abs(r[p] - x[p]) > 1e-3;
    }
    assertThat(changed).isTrue();
    assertThatThrownBy(() -> new Augment(1, 1, 0, 0, 0, 0, 0, 0, 0.6, 0, 0, 0, 0))
        .hasMessageContaining("hue");
  }

  private static double sq(double v) {
    return v * v;
  }

  @Test
  void aZoomOutCropShrinksTheContentAndExtendsTheEdges() {
    // A bright 4 x 4 square in the middle of a dark 16 x 16 image: crops of area 4 (twice the side)
    // halve it, so about a quarter of its bright area remains; the border stays dark.
    float[] x = new float[256];
    for (int y = 6; y < 10; y++) {
      for (int c = 6; c < 10; c++) {
        x[y * 16 + c] = 1;
      }
    }
    Augment zoomOut = new Augment(1, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    float[] z = zoomOut.apply(x, 1, 1, 16, 16, new SplittableRandom(2));
    double mass = 0;
    for (float v : z) {
      mass += v;
    }
    assertThat(mass).isBetween(0.1 * 16, 0.45 * 16); // area ~ U(1, 4): the square shrinks
    assertThat(z[0]).isEqualTo(0f);
    assertThatThrownBy(() -> new Augment(1, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        .hasMessageContaining("crop_max");
  }

  @Test
  void invertGivesTheNegative() {
    float[] x = batch(2, 3, 4, 4, 8);
    float[] n = new Augment(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1).apply(x, 2, 3, 4, 4,
        new SplittableRandom(1));
    for (int i = 0; i < x.length; i++) {
      assertThat(n[i]).isCloseTo(1 - x[i], offset(1e-6f));
    }
  }

  @Test
  void rotationTurnsAboutTheCentre() {
    // A single bright pixel right of the centre of a 5 x 5 image goes below it after +90 degrees
    // (x right, y down: positive angles turn clockwise on screen, (1, 0) to (0, 1)).
    float[] x = new float[25];
    x[2 * 5 + 3] = 1;
    float[] r = Augment.rotated(x, 1, 5, 5, 90);
    assertThat(r[3 * 5 + 2]).isCloseTo(1f, offset(1e-5f));
    assertThat(r[2 * 5 + 3]).isCloseTo(0f, offset(1e-5f));
    assertThat(Augment.rotated(x, 1, 5, 5, 0)).containsExactly(x, offset(1e-6f));
    float[] flat = new float[36];
    java.util.Arrays.fill(flat, 0.7f);
    assertThat(Augment.rotated(flat, 1, 6, 6, 33)).containsOnly(0.7f); // edges extended
    assertThatThrownBy(() -> new Augment(1, 1, 200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        .hasMessageContaining("rotation");
  }

  @Test
  void aCropOfTheWholeImageWithJitterOffKeepsTheMeanAndBadSettingsAreRejected() {
    float[] x = batch(1, 1, 12, 12, 9);
    float[] crop = new Augment(0.3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).apply(x, 1, 1, 12, 12,
        new SplittableRandom(4));
    assertThat(crop).hasSize(144);
    assertThatThrownBy(() -> new Augment(0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        .hasMessageContaining("crop_min");
    assertThatThrownBy(() -> new Augment(1, 1, 0, 1.5, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        .hasMessageContaining("probabilities");
    assertThatThrownBy(() -> Augment.none().apply(x, 1, 2, 12, 12, new SplittableRandom(1)))
        .hasMessageContaining("1 or 3 channels");
  }

  private static double variance(float[] v) {
    double m = 0;
    for (float f : v) {
      m += f / v.length;
    }
    double s = 0;
    for (float f : v) {
      s += (f - m) * (f - m) / v.length;
    }
    return s;
  }
}
