package ai.craik.report;

import ai.craik.config.Checks;
import ai.craik.run.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes an animated GIF (GIF89a) with the JDK's {@code javax.imageio} GIF writer.
 *
 * <p>Each frame carries a Graphic Control Extension with its delay (GIF counts in hundredths of a
 * second, so delays are rounded to 10 ms; browsers show delays under 20 ms at about 100 ms, so use
 * at least 20) and disposal "do not dispose": the first frame is complete, and each later one is
 * drawn over it with its unchanged pixels transparent, which keeps files small. The first frame
 * carries the NETSCAPE2.0 application extension that makes viewers loop: {@code loops} = 0 repeats
 * forever. All frames share one palette of at most 255 colours ({@link GifPalette}): every colour
 * when they fit, else the large flat colours exactly and the rest by median cut, so flat figures
 * (observations, markers, text) keep their exact colours.
 *
 * <p>The file is written atomically ({@link AtomicFiles}): a reader sees the old file or the whole
 * new one.
 */
public final class GifWriter {
  private static final String FORMAT = "javax_imageio_gif_image_1.0";

  private GifWriter() {}

  /** Writes {@code frames}, each shown {@code delayMillis}, looping forever. */
  public static void write(Path file, List<BufferedImage> frames, int delayMillis)
      throws IOException {
    int[] delays = new int[frames.size()];
    java.util.Arrays.fill(delays, delayMillis);
    write(file, frames, delays, 0);
  }

  /**
   * Writes {@code frames}; frame i is shown {@code delaysMillis[i]} ms; the animation plays
   * {@code loops} + 1 times (0: forever).
   */
  public static void write(Path file, List<BufferedImage> frames, int[] delaysMillis, int loops)
      throws IOException {
    Checks.arg(file.getFileName() != null && file.getFileName().toString().endsWith(".gif"),
        "animation file %s must end with .gif; rename it", file);
    Checks.arg(!frames.isEmpty(), "an animation needs at least one frame; got none for %s", file);
    Checks.arg(delaysMillis.length == frames.size(), "%s delays for %s frames; pass one delay per"
        + " frame", delaysMillis.length, frames.size());
    Checks.arg(loops >= 0 && loops <= 0xffff, "loops=%s must be in 0..65535 (0: forever)", loops);
    int w = frames.get(0).getWidth();
    int h = frames.get(0).getHeight();
    for (int i = 0; i < frames.size(); i++) {
      BufferedImage f = frames.get(i);
      Checks.arg(f.getWidth() == w && f.getHeight() == h, "frame %s is %sx%s but frame 0 is %sx%s;"
          + " draw every frame at the same size", i, f.getWidth(), f.getHeight(), w, h);
      Checks.arg(delaysMillis[i] >= 0 && delaysMillis[i] <= 655_350, "delay %s ms of frame %s must"
          + " be in 0..655350", delaysMillis[i], i);
    }
    Headless.ensure();
    GifPalette palette = GifPalette.of(frames);
    ImageWriter writer = gifWriter();
    try {
      AtomicFiles.write(file, out -> {
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
          writer.setOutput(ios);
          ImageWriteParam param = writer.getDefaultWriteParam();
          // No stream metadata: the writer takes the first frame's table as the global one and
          // leaves it out of later frames, which share it.
          writer.prepareWriteSequence(null);
          byte[] previous = null;
          for (int i = 0; i < frames.size(); i++) {
            byte[] resolved = new byte[w * h];
            BufferedImage frame = palette.convert(frames.get(i), previous, resolved);
            previous = resolved;
            // Not createFromRenderedImage: for TYPE_BYTE_INDEXED it gives the default palette.
            IIOMetadata meta = writer.getDefaultImageMetadata(
                new ImageTypeSpecifier(frame.getColorModel(), frame.getSampleModel()), param);
            configure(meta, delaysMillis[i], i == 0 ? loops : -1, i == 0 ? -1
                : palette.transparentIndex());
            writer.writeToSequence(new IIOImage(frame, null, meta), param);
          }
          writer.endWriteSequence();
          ios.flush();
        }
      });
    } finally {
      writer.dispose();
    }
  }

  private static ImageWriter gifWriter() {
    Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("gif");
    Checks.verify(it.hasNext(), "no GIF writer found in javax.imageio");
    return it.next();
  }

  /**
   * Sets the frame delay, disposal and transparent index (-1: none); with {@code loops >= 0} adds
   * the NETSCAPE2.0 loop block.
   */
  private static void configure(IIOMetadata meta, int delayMillis, int loops, int transparent)
      throws IOException {
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
    child(root, "ImageDescriptor").setAttribute("interlaceFlag", "FALSE");
    IIOMetadataNode gce = child(root, "GraphicControlExtension");
    gce.setAttribute("disposalMethod", "doNotDispose");
    gce.setAttribute("userInputFlag", "FALSE");
    gce.setAttribute("transparentColorFlag", transparent >= 0 ? "TRUE" : "FALSE");
    gce.setAttribute("delayTime", Integer.toString(Math.round(delayMillis / 10f)));
    gce.setAttribute("transparentColorIndex", Integer.toString(Math.max(0, transparent)));
    if (loops >= 0) {
      IIOMetadataNode apps = child(root, "ApplicationExtensions");
      IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
      app.setAttribute("applicationID", "NETSCAPE");
      app.setAttribute("authenticationCode", "2.0");
      app.setUserObject(new byte[] {1, (byte) (loops & 0xff), (byte) ((loops >> 8) & 0xff)});
      apps.appendChild(app);
    }
    meta.setFromTree(FORMAT, root);
  }

  /** The first child named {@code name}, created when missing. */
  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }
}
