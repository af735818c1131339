package ai.craik.report;

import ai.craik.config.Checks;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A picture of one uint8 image observation [C, H, W] (channel-major, row = y, column = x, as the
 * environments render them), enlarged by an integer factor k with nearest-neighbour so each
 * observation pixel is a k × k block, with optional overlays: trails, ring and cross markers and a
 * text label.
 *
 * <p><b>Colour.</b> Each channel c has a colour col_c. Starting from the background, channels are
 * laid on from the last to the first: p ← p + (col_c − p) · v_c / 255, so channel 0 ends on top
 * (in Two Rooms: channel 1, the walls, light grey; channel 0, the dot, amber, over them). A pixel at
 * 255 in channel 0 shows exactly col_0; a pixel at 255 only in channel 1 shows exactly col_1. A
 * hidden channel is skipped.
 *
 * <p><b>Coordinates.</b> Overlays take continuous observation-pixel coordinates (u = column, v =
 * row) with pixel (c, r) centred on (c, r), the convention of the renderers (a dot rendered at u = c
 * peaks in column c). {@link #pixelOf} maps them to the picture: ((u + ½) k, band + (v + ½) k).
 *
 * <p>A label too wide for the picture is set a little smaller (down to 9 pt), then clipped.
 *
 * <p><b>Drawing order.</b> Background; trails and crosses; the channels (so the dot covers its own
 * trail and start cross); rings (a goal region stays visible around the dot); the label band above
 * the observation.
 */
public final class ObservationImage implements Figure {
  /** Default channel colours: amber, light grey, sky blue, red (then cycling). */
  private static final int[] PALETTE = {0xffb300, 0xc3c8d2, 0x4fc3f7, 0xef5350};
  /** Dark slate background, so the light walls and the bright dot both stand out. */
  public static final int BACKGROUND = 0x1b1e26;
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final int LABEL_BAND = 20;

  private final byte[] data;
  private final int channels;
  private final int rows;
  private final int cols;
  private final int scale;
  private final int background;
  private final int[] colors; // -1: hidden
  private final String label;
  private final List<Overlay> under;
  private final List<Overlay> over;

  private ObservationImage(Builder b) {
    this.data = b.data;
    this.channels = b.channels;
    this.rows = b.rows;
    this.cols = b.cols;
    this.scale = b.scale;
    this.background = b.background;
    this.colors = b.colors.clone();
    this.label = b.label;
    this.under = List.copyOf(b.under);
    this.over = List.copyOf(b.over);
  }

  /**
   * A builder for the observation of shape [C, H, W] (unsigned bytes) held in {@code data} from
   * index 0, or from {@link Builder#optOffset}. The bytes are copied by {@link Builder#build()}.
   */
  public static Builder builder(byte[] data, int channels, int height, int width) {
    Headless.ensure();
    return new Builder(data, channels, height, width);
  }

  @Override
  public int width() {
    return cols * scale;
  }

  @Override
  public int height() {
    return band() + rows * scale;
  }

  /** The picture position of observation coordinates (u = column, v = row). */
  public Point2D pixelOf(double u, double v) {
    return new Point2D.Double((u + 0.5) * scale, band() + (v + 0.5) * scale);
  }

  private int band() {
    return label == null ? 0 : LABEL_BAND;
  }

  @Override
  public BufferedImage render() {
    BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(new Color(background));
      g.fillRect(0, 0, width(), height());
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      for (Overlay o : under) {
        o.draw(this, g);
      }
      drawChannels(image);
      for (Overlay o : over) {
        o.draw(this, g);
      }
      if (label != null) {
        g.setFont(LABEL_FONT);
        g.setColor(new Color(0xe8eaef));
        FontMetrics fm = g.getFontMetrics();
        for (float size = 11; fm.stringWidth(label) > width() - 10 && size >= 9; size--) {
          g.setFont(LABEL_FONT.deriveFont(size)); // a long label shrinks a little, then is clipped
          fm = g.getFontMetrics();
        }
        int y = (LABEL_BAND - fm.getHeight()) / 2 + fm.getAscent();
        g.drawString(label, 5, y);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Composites the channels over what is drawn, block by block. */
  private void drawChannels(BufferedImage image) {
    int plane = rows * cols;
    int[] block = new int[scale * scale];
    int top = band();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        boolean any = false;
        for (int ch = 0; ch < channels && !any; ch++) {
          any = colors[ch] >= 0 && data[ch * plane + r * cols + c] != 0;
        }
        if (!any) {
          continue; // nothing to lay on: keep the background and any trail
        }
        image.getRGB(c * scale, top + r * scale, scale, scale, block, 0, scale);
        for (int i = 0; i < block.length; i++) {
          int p = block[i];
          for (int ch = channels - 1; ch >= 0; ch--) {
            int v = data[ch * plane + r * cols + c] & 0xff;
            if (colors[ch] >= 0 && v != 0) {
              p = lerp(p, colors[ch], v);
            }
          }
          block[i] = p;
        }
        image.setRGB(c * scale, top + r * scale, scale, scale, block, 0, scale);
      }
    }
  }

  /** p + (q − p) · v / 255 per channel, rounded; v = 255 gives q exactly. */
  private static int lerp(int p, int q, int v) {
    int out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      int a = (p >> shift) & 0xff;
      int b = (q >> shift) & 0xff;
      int m = a + Math.round((b - a) * v / 255f);
      out |= m << shift;
    }
    return out;
  }

  /** An overlay drawn with Java2D in picture coordinates. */
  private interface Overlay {
    void draw(ObservationImage image, Graphics2D g);
  }

  /** A polyline through (u[i], v[i]); a non-finite point breaks it. */
  private record Trail(double[] u, double[] v, int rgb, float width) implements Overlay {
    @Override
    public void draw(ObservationImage image, Graphics2D g) {
      g.setColor(new Color(rgb));
      g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      Path2D.Double path = new Path2D.Double();
      boolean open = false;
      for (int i = 0; i < u.length; i++) {
        if (!Double.isFinite(u[i]) || !Double.isFinite(v[i])) {
          open = false;
          continue;
        }
        Point2D p = image.pixelOf(u[i], v[i]);
        if (open) {
          path.lineTo(p.getX(), p.getY());
        } else {
          path.moveTo(p.getX(), p.getY());
          open = true;
        }
      }
      g.draw(path);
    }
  }

  /** A ring of radius {@code radius} observation pixels, or a cross of that half-size. */
  private record Mark(double u, double v, double radius, int rgb, boolean ring) implements Overlay {
    @Override
    public void draw(ObservationImage image, Graphics2D g) {
      Point2D p = image.pixelOf(u, v);
      double r = radius * image.scale;
      g.setColor(new Color(rgb));
      g.setStroke(new BasicStroke(Math.max(1.5f, image.scale / 2f)));
      if (ring) {
        g.draw(new Ellipse2D.Double(p.getX() - r, p.getY() - r, 2 * r, 2 * r));
      } else {
        g.draw(new Line2D.Double(p.getX() - r, p.getY() - r, p.getX() + r, p.getY() + r));
        g.draw(new Line2D.Double(p.getX() - r, p.getY() + r, p.getX() + r, p.getY() - r));
      }
    }
  }

  /** Collects the parts of an {@link ObservationImage}; only the observation is required. */
  public static final class Builder {
    private final byte[] source;
    private final int channels;
    private final int rows;
    private final int cols;
    private int sourceOffset;
    private byte[] data;
    private int scale = 4;
    private int background = BACKGROUND;
    private final int[] colors;
    private String label;
    private final List<Overlay> under = new ArrayList<>();
    private final List<Overlay> over = new ArrayList<>();

    private Builder(byte[] data, int channels, int height, int width) {
      Checks.arg(data != null, "observation bytes are null; pass a [C, H, W] uint8 array");
      Checks.arg(channels >= 1 && height >= 1 && width >= 1, "observation shape [%s, %s, %s] must"
          + " be positive", channels, height, width);
      this.source = data;
      this.channels = channels;
      this.rows = height;
      this.cols = width;
      this.colors = new int[channels];
      for (int c = 0; c < channels; c++) {
        colors[c] = PALETTE[c % PALETTE.length];
      }
    }

    /** Where the observation starts in the array (a frame inside a batch); default 0. */
    public Builder optOffset(int offset) {
      this.sourceOffset = offset;
      return this;
    }

    /** The enlargement factor k (each observation pixel becomes k × k); default 4. */
    public Builder optScale(int k) {
      Checks.arg(k >= 1 && k <= 64, "scale %s must be in 1..64", k);
      this.scale = k;
      return this;
    }

    /** The background colour 0xRRGGBB; default a dark slate. */
    public Builder optBackground(int rgb) {
      this.background = rgb & 0xffffff;
      return this;
    }

    /** The colour 0xRRGGBB of channel {@code c} at 255. */
    public Builder optChannelColor(int c, int rgb) {
      checkChannel(c);
      colors[c] = rgb & 0xffffff;
      return this;
    }

    /** Leaves channel {@code c} out of the picture. */
    public Builder hideChannel(int c) {
      checkChannel(c);
      colors[c] = -1;
      return this;
    }

    /** A one-line label in a band above the observation. */
    public Builder optLabel(String text) {
      this.label = text;
      return this;
    }

    /** A trail through (u[i], v[i]) in observation pixels, drawn under the channels. */
    public Builder addTrail(double[] u, double[] v, int rgb, float width) {
      Checks.arg(u.length == v.length, "trail has %s u and %s v values; pass equal lengths",
          u.length, v.length);
      Checks.arg(width > 0, "trail width %s must be > 0", width);
      under.add(new Trail(u.clone(), v.clone(), rgb & 0xffffff, width));
      return this;
    }

    /** A ring of {@code radius} observation pixels centred on (u, v), drawn over the channels. */
    public Builder addRing(double u, double v, double radius, int rgb) {
      Checks.arg(radius > 0, "ring radius %s must be > 0", radius);
      over.add(new Mark(u, v, radius, rgb & 0xffffff, true));
      return this;
    }

    /** A diagonal cross of half-size {@code half} observation pixels at (u, v), under the channels. */
    public Builder addCross(double u, double v, double half, int rgb) {
      Checks.arg(half > 0, "cross half-size %s must be > 0", half);
      under.add(new Mark(u, v, half, rgb & 0xffffff, false));
      return this;
    }

    /** Builds the picture description (the observation bytes are copied here). */
    public ObservationImage build() {
      long n = (long) channels * rows * cols;
      Checks.arg(sourceOffset >= 0 && sourceOffset + n <= source.length, "observation [%s, %s, %s]"
          + " at offset %s needs %s bytes but the array has %s", channels, rows, cols, sourceOffset,
          n, source.length);
      Checks.arg(n * scale * scale <= 64L << 20, "picture of [%s, %s] at scale %s is too large;"
          + " lower the scale", rows, cols, scale);
      this.data = Arrays.copyOfRange(source, sourceOffset, sourceOffset + (int) n);
      return new ObservationImage(this);
    }

    private void checkChannel(int c) {
      Checks.arg(c >= 0 && c < channels, "channel %s is not in 0..%s", c, channels - 1);
    }
  }
}
