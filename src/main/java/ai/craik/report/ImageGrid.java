package ai.craik.report;

import ai.craik.config.Checks;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Pictures laid out in a grid of {@code columns} columns, row by row, under an optional title and
 * over an optional footnote: a figure of several panels, or one frame of an animation whose panels
 * move together. Every cell has the size of the largest tile; a smaller tile sits centred in its
 * cell. Tiles are copied, so later changes to them do not show.
 */
public final class ImageGrid implements Figure {
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final int TITLE_BAND = 28;
  private static final int NOTE_BAND = 22;

  private final List<BufferedImage> tiles;
  private final int columns;
  private final int gap;
  private final String title;
  private final String note;
  private final int background;
  private final int cellW;
  private final int cellH;

  private ImageGrid(Builder b) {
    Checks.arg(!b.tiles.isEmpty(), "an image grid needs at least one tile; add one");
    this.tiles = List.copyOf(b.tiles);
    this.columns = Math.min(b.columns, tiles.size());
    this.gap = b.gap;
    this.title = b.title;
    this.note = b.note;
    this.background = b.background;
    this.cellW = tiles.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
    this.cellH = tiles.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow();
  }

  /** A builder for a grid of {@code columns} columns. */
  public static Builder builder(int columns) {
    Headless.ensure();
    return new Builder(columns);
  }

  private int rowsOfTiles() {
    return (tiles.size() + columns - 1) / columns;
  }

  private int top() {
    return title == null ? gap : TITLE_BAND;
  }

  @Override
  public int width() {
    return columns * cellW + (columns + 1) * gap;
  }

  @Override
  public int height() {
    int rows = rowsOfTiles();
    return top() + rows * cellH + (rows - 1) * gap + (note == null ? gap : NOTE_BAND);
  }

  /** The top-left corner {x, y} of cell {@code index} in the picture. */
  public int[] cellOrigin(int index) {
    Checks.arg(index >= 0 && index < tiles.size(), "cell %s is not in 0..%s", index,
        tiles.size() - 1);
    int r = index / columns;
    int c = index % columns;
    return new int[] {gap + c * (cellW + gap), top() + r * (cellH + gap)};
  }

  @Override
  public BufferedImage render() {
    BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(new Color(background));
      g.fillRect(0, 0, width(), height());
      for (int i = 0; i < tiles.size(); i++) {
        BufferedImage t = tiles.get(i);
        int[] o = cellOrigin(i);
        g.drawImage(t, o[0] + (cellW - t.getWidth()) / 2, o[1] + (cellH - t.getHeight()) / 2, null);
      }
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      boolean dark = brightness(background) < 128;
      g.setColor(dark ? new Color(0xeeeeee) : Color.BLACK);
      if (title != null) {
        g.setFont(TITLE_FONT);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(title, gap, (TITLE_BAND - fm.getHeight()) / 2 + fm.getAscent() + 2);
      }
      if (note != null) {
        g.setFont(NOTE_FONT);
        g.setColor(dark ? new Color(0xbbbbbb) : new Color(0x444444));
        FontMetrics fm = g.getFontMetrics();
        int y = height() - NOTE_BAND + (NOTE_BAND - fm.getHeight()) / 2 + fm.getAscent();
        g.drawString(note, gap, y);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static int brightness(int rgb) {
    return (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
  }

  /** Collects the tiles and the text of an {@link ImageGrid}. */
  public static final class Builder {
    private final int columns;
    private final List<BufferedImage> tiles = new ArrayList<>();
    private int gap = 8;
    private String title;
    private String note;
    private int background = 0xffffff;

    private Builder(int columns) {
      Checks.arg(columns >= 1, "image grid columns=%s must be >= 1", columns);
      this.columns = columns;
    }

    /** Adds the next tile (row by row). */
    public Builder add(BufferedImage tile) {
      Checks.arg(tile != null, "image grid tile is null; pass a rendered image");
      tiles.add(tile);
      return this;
    }

    /** Adds a figure's rendered picture as the next tile. */
    public Builder add(Figure figure) {
      return add(figure.render());
    }

    /** Pixels between tiles and around the grid; default 8. */
    public Builder optGap(int pixels) {
      Checks.arg(pixels >= 0 && pixels <= 200, "image grid gap %s must be in 0..200", pixels);
      this.gap = pixels;
      return this;
    }

    /** A bold one-line title above the tiles. */
    public Builder optTitle(String text) {
      this.title = text;
      return this;
    }

    /** A one-line note under the tiles (a legend, units). */
    public Builder optNote(String text) {
      this.note = text;
      return this;
    }

    /** The background 0xRRGGBB; default white. Text is black on light, light on dark. */
    public Builder optBackground(int rgb) {
      this.background = rgb & 0xffffff;
      return this;
    }

    /** Builds the grid. */
    public ImageGrid build() {
      return new ImageGrid(this);
    }
  }
}
