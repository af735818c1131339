package ai.craik.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsRenderer;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ObservationImageTest {
  private static final int DOT = 0xffb300;
  private static final int WALL = 0xc3c8d2;

  /** The colour in the middle of observation pixel (col, row) of the picture. */
  private static int block(ObservationImage figure, BufferedImage image, int col, int row) {
    Point2D p = figure.pixelOf(col, row);
    return image.getRGB((int) p.getX(), (int) p.getY()) & 0xffffff;
  }

  /** A hand-made [2, 5, 6] observation: walls on row 0, the dot at (col 3, row 2), a half at (1, 4). */
  private static byte[] handMade() {
    byte[] obs = new byte[2 * 5 * 6];
    obs[2 * 6 + 3] = (byte) 255;
    obs[4 * 6 + 1] = (byte) 128;
    for (int c = 0; c < 6; c++) {
      obs[30 + c] = (byte) 255;
    }
    return obs;
  }

  @Test
  void channelsTakeTheirColoursBlockByBlock() {
    ObservationImage f = ObservationImage.builder(handMade(), 2, 5, 6).optScale(3).build();
    BufferedImage img = f.render();
    assertThat(img.getWidth()).isEqualTo(18);
    assertThat(img.getHeight()).isEqualTo(15);
    for (int dy = 0; dy < 3; dy++) {
      for (int dx = 0; dx < 3; dx++) { // every pixel of the 3 x 3 block
        assertThat(img.getRGB(9 + dx, 6 + dy) & 0xffffff).isEqualTo(DOT);
        assertThat(img.getRGB(dx, dy) & 0xffffff).isEqualTo(WALL);
      }
    }
    assertThat(block(f, img, 0, 3)).isEqualTo(ObservationImage.BACKGROUND);
    // 128/255 of the way from the background to the dot colour
    int half = block(f, img, 1, 4);
    int bg = ObservationImage.BACKGROUND;
    assertThat(Pixels.r(half))
        .isEqualTo(Pixels.r(bg) + Math.round((Pixels.r(DOT) - Pixels.r(bg)) * 128 / 255f));
    assertThat(Pixels.b(half))
        .isEqualTo(Pixels.b(bg) + Math.round((Pixels.b(DOT) - Pixels.b(bg)) * 128 / 255f));
  }

  @Test
  void theDotSitsOnTheWallsAndAHiddenChannelDisappears() {
    byte[] obs = handMade();
    obs[30 + 3] = (byte) 255; // dot pixel (3, 0) is also a wall pixel
    obs[3] = (byte) 255;
    ObservationImage both = ObservationImage.builder(obs, 2, 5, 6).optScale(2).build();
    assertThat(block(both, both.render(), 3, 0)).isEqualTo(DOT);
    ObservationImage wallsOnly = ObservationImage.builder(obs, 2, 5, 6).optScale(2)
        .hideChannel(0).optChannelColor(1, 0xffffff).build();
    BufferedImage img = wallsOnly.render();
    assertThat(block(wallsOnly, img, 3, 0)).isEqualTo(0xffffff);
    assertThat(block(wallsOnly, img, 3, 2)).isEqualTo(ObservationImage.BACKGROUND);
  }

  @Test
  void aRenderedTwoRoomsObservationShowsTheDotAtItsPixelAndTheWallsAtTheirs() {
    TwoRoomsRenderer renderer = new TwoRoomsRenderer(65, 1.3);
    byte[] obs = renderer.render(Layout.fixed(), 20.0, 42.0); // on a pixel centre: peak 255
    ObservationImage f = ObservationImage.builder(obs, 2, 65, 65).optScale(4).optLabel("fixed")
        .build();
    BufferedImage img = f.render();
    assertThat(img.getWidth()).isEqualTo(260);
    assertThat(img.getHeight()).isEqualTo(260 + 20); // the label band
    assertThat(block(f, img, 20, 42)).isEqualTo(DOT);
    assertThat(f.pixelOf(20, 42)).isEqualTo(new Point2D.Double(82, 20 + 170));
    assertThat(block(f, img, 32, 40)).isEqualTo(WALL); // middle wall below the door
    assertThat(block(f, img, 32, 18)).isEqualTo(ObservationImage.BACKGROUND); // the door
    assertThat(block(f, img, 4, 30)).isEqualTo(WALL); // left border
    assertThat(block(f, img, 30, 30)).isEqualTo(ObservationImage.BACKGROUND);
    // the blob fades: a pixel two columns away is between the background and the dot colour
    int side = block(f, img, 22, 42);
    assertThat(Pixels.r(side)).isStrictlyBetween(Pixels.r(ObservationImage.BACKGROUND), 0xff);
  }

  @Test
  void ringsLieOverTheChannelsAndTrailsAndCrossesUnder() {
    byte[] obs = new byte[2 * 9 * 9];
    obs[4 * 9 + 4] = (byte) 255; // dot at (4, 4)
    ObservationImage f = ObservationImage.builder(obs, 2, 9, 9).optScale(8)
        .addTrail(new double[] {0, 8}, new double[] {4, 4}, 0x4fc3f7, 2f)
        .addCross(4, 4, 1.0, 0xff6fa8)
        .addRing(4, 4, 2.0, 0x5ee07a)
        .build();
    BufferedImage img = f.render();
    Point2D c = f.pixelOf(4, 4);
    assertThat(img.getRGB((int) c.getX(), (int) c.getY()) & 0xffffff).isEqualTo(DOT);
    assertThat(img.getRGB((int) f.pixelOf(1, 4).getX(), (int) c.getY()) & 0xffffff)
        .isEqualTo(0x4fc3f7); // trail away from the dot
    // on the ring, 2 observation pixels = 16 picture pixels above the centre
    assertThat(img.getRGB((int) c.getX(), (int) c.getY() - 16) & 0xffffff).isEqualTo(0x5ee07a);
  }

  @Test
  void rejectsBadInputNamingTheFix() {
    assertThatThrownBy(() -> ObservationImage.builder(new byte[10], 2, 5, 6).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observation [2, 5, 6] at offset 0 needs 60 bytes but the array has 10");
    assertThatThrownBy(() -> ObservationImage.builder(new byte[60], 2, 5, 6).optScale(0))
        .hasMessageContaining("scale 0 must be in 1..64");
    assertThatThrownBy(() -> ObservationImage.builder(new byte[60], 2, 5, 6).hideChannel(2))
        .hasMessageContaining("channel 2 is not in 0..1");
    // an offset selects one frame of a batch
    byte[] batch = new byte[120];
    batch[60 + 2 * 6 + 3] = (byte) 255;
    ObservationImage second = ObservationImage.builder(batch, 2, 5, 6).optOffset(60).build();
    assertThat(block(second, second.render(), 3, 2)).isEqualTo(DOT);
  }
}
