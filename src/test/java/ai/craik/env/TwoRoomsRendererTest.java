package ai.craik.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TwoRoomsRendererTest {

  private static int at(byte[] frame, int size, int channel, int row, int col) {
    return frame[channel * size * size + row * size + col] & 0xff;
  }

  @Test
  void blobPeaksAtTheDotsPixelWithWidthSigma() {
    TwoRoomsRenderer r = new TwoRoomsRenderer(65, 1.3);
    double x = 20.3;
    double y = 41.6;
    byte[] f = r.render(Layout.fixed(), x, y);
    int best = -1;
    int bestRow = -1;
    int bestCol = -1;
    double sum = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    for (int row = 0; row < 65; row++) {
      for (int col = 0; col < 65; col++) {
        int v = at(f, 65, 0, row, col);
        if (v > best) {
          best = v;
          bestRow = row;
          bestCol = col;
        }
        sum += v;
        sx += v * col;
        sy += v * row;
        sxx += v * (col - x) * (col - x);
      }
    }
    assertThat(bestCol).isEqualTo(20);
    assertThat(bestRow).isEqualTo(42);
    assertThat(sx / sum).isCloseTo(x, within(0.02));
    assertThat(sy / sum).isCloseTo(y, within(0.02));
    assertThat(Math.sqrt(sxx / sum)).isCloseTo(1.3, within(0.05));
    assertThat(best).isGreaterThan(200);
  }

  @Test
  void wallsAreTheBorderLinesAndTheMiddleWallOutsideTheDoor() {
    TwoRoomsRenderer r = new TwoRoomsRenderer(65, 1.3);
    byte[] f = r.render(Layout.fixed(), 10, 10);
    assertThat(at(f, 65, 1, 4, 30)).isEqualTo(255); // top border line
    assertThat(at(f, 65, 1, 60, 30)).isEqualTo(255); // bottom border line
    assertThat(at(f, 65, 1, 30, 4)).isEqualTo(255);
    assertThat(at(f, 65, 1, 30, 60)).isEqualTo(255);
    assertThat(at(f, 65, 1, 2, 30)).isZero(); // outside the arena
    assertThat(at(f, 65, 1, 30, 5)).isZero(); // free space
    for (int col = 31; col <= 33; col++) {
      assertThat(at(f, 65, 1, 40, col)).isEqualTo(255);
      assertThat(at(f, 65, 1, 13, col)).isEqualTo(255);
      for (int row = 14; row <= 22; row++) { // the door: rows 18 ± 4
        assertThat(at(f, 65, 1, row, col)).isZero();
      }
      assertThat(at(f, 65, 1, 23, col)).isEqualTo(255);
    }
    assertThat(at(f, 65, 1, 40, 30)).isZero();
    assertThat(at(f, 65, 1, 40, 34)).isZero();
  }

  @Test
  void smallerImagesKeepEveryWall() {
    TwoRoomsRenderer r = new TwoRoomsRenderer(32, 1.3);
    byte[] walls = r.wallChannel(Layout.fixed());
    int wallColumnPixels = 0;
    for (int row = 0; row < 32; row++) {
      if ((walls[row * 32 + 16] & 0xff) == 255 || (walls[row * 32 + 15] & 0xff) == 255) {
        wallColumnPixels++;
      }
    }
    assertThat(wallColumnPixels).isBetween(20, 30); // the wall minus the door
    assertThat(walls[2 * 32 + 10] & 0xff).isEqualTo(255); // border row 4 * 31/64 ≈ 1.9
    assertThat(r.sigmaPixels()).isCloseTo(1.3 * 31 / 64, within(1e-12));
  }

  @Test
  void withDotAtKeepsTheObservedWallsAndDrawsTheDotAsRenderDoes() {
    TwoRoomsRenderer r = new TwoRoomsRenderer(32, 1.3);
    Layout layout = new Layout(26, 40);
    byte[] seen = r.render(layout, 10.2, 12.7);
    seen[32 * 32 + 5] = 7; // a wall pixel no layout draws: copied, not recomputed
    byte[] before = seen.clone();
    byte[] f = r.withDotAt(seen, 47.4, 21.9);
    int plane = 32 * 32;
    assertThat(Arrays.copyOfRange(f, plane, 2 * plane))
        .isEqualTo(Arrays.copyOfRange(seen, plane, 2 * plane));
    assertThat(Arrays.copyOfRange(f, 0, plane))
        .isEqualTo(Arrays.copyOfRange(r.render(layout, 47.4, 21.9), 0, plane));
    assertThat(seen).isEqualTo(before); // the observation is not changed
    assertThatThrownBy(() -> r.withDotAt(new byte[10], 30, 30))
        .hasMessageContaining("observation of 10 bytes is not a [2, 32, 32] frame of 2048 bytes");
  }
}
