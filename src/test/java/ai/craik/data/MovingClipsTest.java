package ai.craik.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovingClipsTest {
  @TempDir Path tmp;

  @Test
  void bouncesReflectOffBothBorders() {
    assertThat(Bounce.step(5, 2, 0, 10)).containsExactly(7, 2);
    assertThat(Bounce.step(9, 3, 0, 10)).containsExactly(8, -3); // 12 reflects to 8
    assertThat(Bounce.step(1, -3, 0, 10)).containsExactly(2, 3); // -2 reflects to 2
    double[][] path = Bounce.trajectory(200, 6, 58, 2, 4, new SplittableRandom(3));
    for (int t = 1; t < path.length; t++) {
      assertThat(path[t][0]).isBetween(6.0, 58.0);
      assertThat(path[t][1]).isBetween(6.0, 58.0);
      double step = Math.hypot(path[t][0] - path[t - 1][0], path[t][1] - path[t - 1][1]);
      assertThat(step).isLessThanOrEqualTo(4 + 1e-9); // a reflection only shortens a step
    }
  }

  @Test
  void movingShapesAreSeededAndEachCentreIsOnItsObject() {
    MovingShapes source = MovingShapes.standard();
    Clip a = source.sample(10, new SplittableRandom(7));
    Clip b = source.sample(10, new SplittableRandom(7));
    assertThat(a.frames()).isEqualTo(b.frames());
    assertThat(a.centres()).isEqualTo(b.centres());
    assertThat(a.channels()).isEqualTo(3);
    assertThat(a.size()).isEqualTo(64);
    assertThat(a.objects()).isEqualTo(2);
    int plane = 64 * 64;
    for (int t = 0; t < 10; t++) {
      for (int o = 0; o < 2; o++) {
        float x = a.centres()[(t * 2 + o) * 2];
        float y = a.centres()[(t * 2 + o) * 2 + 1];
        assertThat((double) x).isBetween(6.0, 58.0);
        // The object's pixel at its centre is lit (shapes contain their centre).
        int p = t * 3 * plane + (int) y * 64 + (int) x;
        float lit = Math.max(a.frames()[p], Math.max(a.frames()[p + plane],
            a.frames()[p + 2 * plane]));
        assertThat(lit).isGreaterThan(0.1f);
      }
      // Objects move: consecutive centres differ by the drawn speed (2 to 4 px).
      if (t > 0) {
        double d = Math.hypot(a.centres()[t * 4] - a.centres()[(t - 1) * 4],
            a.centres()[t * 4 + 1] - a.centres()[(t - 1) * 4 + 1]);
        assertThat(d).isBetween(0.0, 4.0 + 1e-4);
      }
    }
    // A black frame corner far from both objects stays black in some frame.
    assertThatThrownBy(() -> new MovingShapes(64, 2, 6, 40, 2, 4)).hasMessageContaining("radii");
  }

  @Test
  void movingDigitsPlaceWholeSpritesAndCombineByMaximum() {
    byte[] px = new byte[2 * 28 * 28];
    java.util.Arrays.fill(px, 0, 28 * 28, (byte) 100);
    java.util.Arrays.fill(px, 28 * 28, 2 * 28 * 28, (byte) 200);
    LabelledImages sprites = new LabelledImages(px, new byte[] {0, 1}, 1, 28, 28);
    MovingDigits source = new MovingDigits(sprites, 64, 2, 2, 4);
    Clip c = source.sample(6, new SplittableRandom(1));
    assertThat(c.channels()).isEqualTo(1);
    for (int t = 0; t < 6; t++) {
      double lit = 0;
      for (int i = 0; i < 64 * 64; i++) {
        float v = c.frames()[t * 4096 + i];
        assertThat(v).isIn(0f, 100 / 255f, 200 / 255f);
        lit += v > 0 ? 1 : 0;
      }
      assertThat(lit).isBetween(28.0 * 28, 2.0 * 28 * 28); // overlap only removes area
      for (int o = 0; o < 2; o++) {
        float x = c.centres()[(t * 2 + o) * 2];
        float y = c.centres()[(t * 2 + o) * 2 + 1];
        assertThat((double) x).isBetween(14.0, 50.0);
        assertThat(c.frames()[t * 4096 + (int) y * 64 + (int) x]).isGreaterThan(0f);
      }
    }
    LabelledImages shapes = MovingDigits.shapeSprites(5, 28, new SplittableRandom(2));
    assertThat(shapes.size()).isEqualTo(5);
    assertThat(shapes.image(0)[14 * 28 + 14]).isCloseTo(1f, offset(1e-6f));
    assertThat(shapes.image(0)[0]).isEqualTo(0f);
  }

  @Test
  void videoDataNamesItsOptions() {
    assertThat(VideoData.open("moving-shapes", 0).channels()).isEqualTo(3);
    assertThat(VideoData.open("moving-digits", 0).channels()).isEqualTo(1);
    assertThatThrownBy(() -> VideoData.open("moving-digits:" + tmp.resolve("none"), 0))
        .isInstanceOf(DatasetException.class).hasMessageContaining("is not a folder");
    assertThatThrownBy(() -> VideoData.open("kth", 0)).isInstanceOf(DatasetException.class)
        .hasMessageContaining("unknown video data 'kth'").hasMessageContaining("moving-shapes");
  }
}
