package ai.craik.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GifWriterTest {
  @TempDir Path tmp;

  /** A w x h frame of one colour with a 4 x 4 square of another at (x, y). */
  private static BufferedImage frame(int w, int h, int bg, int fg, int x, int y) {
    BufferedImage f = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        f.setRGB(c, r, c >= x && c < x + 4 && r >= y && r < y + 4 ? fg : bg);
      }
    }
    return f;
  }

  /** The decoded frames, each drawn over the previous one as a viewer shows them. */
  static List<BufferedImage> decode(Path file) throws Exception {
    List<BufferedImage> out = new ArrayList<>();
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(in);
      int n = reader.getNumImages(true);
      BufferedImage canvas = null;
      for (int i = 0; i < n; i++) {
        BufferedImage raw = reader.read(i);
        if (canvas == null) {
          canvas = new BufferedImage(raw.getWidth(), raw.getHeight(), BufferedImage.TYPE_INT_RGB);
        }
        Graphics2D g = canvas.createGraphics();
        g.drawImage(raw, 0, 0, null);
        g.dispose();
        BufferedImage copy = new BufferedImage(canvas.getWidth(), canvas.getHeight(),
            BufferedImage.TYPE_INT_RGB);
        copy.setData(canvas.getData());
        out.add(copy);
      }
    } finally {
      reader.dispose();
    }
    return out;
  }

  private static IIOMetadataNode imageMetadata(Path file, int index) throws Exception {
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      reader.setInput(in);
      return (IIOMetadataNode) reader.getImageMetadata(index)
          .getAsTree("javax_imageio_gif_image_1.0");
    } finally {
      reader.dispose();
    }
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    return (IIOMetadataNode) root.getElementsByTagName(name).item(0);
  }

  @Test
  void writesADecodableLoopingAnimationWithItsFramesAndDelays() throws Exception {
    Path file = tmp.resolve("sub/anim.gif");
    List<BufferedImage> frames = List.of(frame(40, 30, 0x1b1e26, 0xffb300, 2, 3),
        frame(40, 30, 0x1b1e26, 0xffb300, 20, 10), frame(40, 30, 0x1b1e26, 0x4fc3f7, 30, 20));
    GifWriter.write(file, frames, new int[] {100, 250, 2000}, 0);

    List<BufferedImage> decoded = decode(file);
    assertThat(decoded).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(decoded.get(i).getWidth()).isEqualTo(40);
      assertThat(decoded.get(i).getHeight()).isEqualTo(30);
      for (int r = 0; r < 30; r++) {
        for (int c = 0; c < 40; c++) { // few colours: every pixel exact, frame by frame
          assertThat(decoded.get(i).getRGB(c, r) & 0xffffff).as("frame %s (%s, %s)", i, c, r)
              .isEqualTo(frames.get(i).getRGB(c, r) & 0xffffff);
        }
      }
    }
    IIOMetadataNode first = imageMetadata(file, 0);
    IIOMetadataNode app = child(first, "ApplicationExtension");
    assertThat(app.getAttribute("applicationID")).isEqualTo("NETSCAPE");
    assertThat(app.getAttribute("authenticationCode")).isEqualTo("2.0");
    assertThat((byte[]) app.getUserObject()).containsExactly(1, 0, 0); // loop forever
    int[] centiseconds = {10, 25, 200};
    for (int i = 0; i < 3; i++) {
      IIOMetadataNode gce = child(imageMetadata(file, i), "GraphicControlExtension");
      assertThat(gce.getAttribute("delayTime")).isEqualTo(Integer.toString(centiseconds[i]));
    }
    assertThat(child(imageMetadata(file, 1), "ApplicationExtension")).isNull();
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("anim.gif");
    }
  }

  @Test
  void aFiniteLoopCountIsStored() throws Exception {
    Path file = tmp.resolve("three.gif");
    GifWriter.write(file, List.of(frame(8, 8, 0, 0xffffff, 0, 0), frame(8, 8, 0, 0xffffff, 4, 4)),
        new int[] {50, 50}, 3);
    IIOMetadataNode app = child(imageMetadata(file, 0), "ApplicationExtension");
    assertThat((byte[]) app.getUserObject()).containsExactly(1, 3, 0);
  }

  @Test
  void manyColoursKeepTheLargeFlatAreasExactAndTheRestClose() throws Exception {
    // A 256 x 64 frame: a smooth ramp of 4096 colours on top, a flat colour below.
    BufferedImage f = new BufferedImage(256, 64, BufferedImage.TYPE_INT_RGB);
    for (int r = 0; r < 64; r++) {
      for (int c = 0; c < 256; c++) {
        f.setRGB(c, r, r < 16 ? (c << 16) | ((r * 16) << 8) | (255 - c) : 0x1b1e26);
      }
    }
    Path file = tmp.resolve("ramp.gif");
    GifWriter.write(file, List.of(f), 100);
    BufferedImage d = decode(file).get(0);
    assertThat(d.getRGB(10, 40) & 0xffffff).isEqualTo(0x1b1e26);
    int worst = 0;
    for (int r = 0; r < 16; r++) {
      for (int c = 0; c < 256; c++) {
        worst = Math.max(worst, Pixels.distance(d.getRGB(c, r) & 0xffffff, f.getRGB(c, r) & 0xffffff));
      }
    }
    assertThat(worst).as("largest channel error on the ramp").isLessThan(16);
  }

  @Test
  void rejectsBadInputNamingTheFix() {
    BufferedImage a = frame(8, 8, 0, 0xffffff, 0, 0);
    BufferedImage b = frame(9, 8, 0, 0xffffff, 0, 0);
    assertThatThrownBy(() -> GifWriter.write(tmp.resolve("x.gif"), List.of(a, b), 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("frame 1 is 9x8 but frame 0 is 8x8");
    assertThatThrownBy(() -> GifWriter.write(tmp.resolve("x.gif"), List.of(), 100))
        .hasMessageContaining("at least one frame");
    assertThatThrownBy(() -> GifWriter.write(tmp.resolve("x.png"), List.of(a), 100))
        .hasMessageContaining("must end with .gif");
    assertThatThrownBy(() -> GifWriter.write(tmp.resolve("x.gif"), List.of(a), new int[] {1, 2}, 0))
        .hasMessageContaining("2 delays for 1 frames");
    assertThat(tmp.resolve("x.gif")).doesNotExist();
  }
}
