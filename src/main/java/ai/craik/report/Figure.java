package ai.craik.report;

import ai.craik.run.AtomicFiles;
import ai.craik.config.Checks;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A figure of a fixed pixel size that can be drawn into an image and saved as PNG.
 *
 * <p>Implementations ({@link LineChart}, {@link ScatterChart}, {@link HeatMap}) are immutable: they
 * hold copies of their numbers, so {@link #render()} gives the same image every time.
 */
public interface Figure {
  /** Width of the rendered image in pixels. */
  int width();

  /** Height of the rendered image in pixels. */
  int height();

  /** Draws the figure into a new RGB image of {@link #width()} x {@link #height()} pixels. */
  BufferedImage render();

  /**
   * Renders and writes the figure as a PNG file, creating missing parent folders. The write is
   * atomic (temporary file in the same folder, then a move), so a reader never sees half a file.
   */
  default void savePng(Path file) throws IOException {
    Checks.arg(file.getFileName() != null && file.getFileName().toString().endsWith(".png"),
        "figure file %s must end with .png; rename it", file);
    BufferedImage image = render();
    AtomicFiles.write(file, out -> {
      boolean written = ImageIO.write(image, "png", out);
      Checks.verify(written, "no PNG writer found in javax.imageio");
    });
  }
}
