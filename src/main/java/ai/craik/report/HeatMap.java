package ai.craik.report;

import ai.craik.config.Checks;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A 2-D scalar field drawn as coloured cells, with a colorbar, axes and optional overlays: an energy
 * landscape F(x, y) with the arrows of -grad F, data and sample points, and a learned curve.
 *
 * <p><b>Grid.</b> {@code values[ny][nx]} covers the box [xmin, xmax] x [ymin, ymax] cell by cell, as
 * matplotlib's {@code imshow(origin="lower", extent=...)} does: {@code values[j][i]} is the field at
 * the cell centre x_i = xmin + (i + 1/2)(xmax - xmin)/nx, y_j = ymin + (j + 1/2)(ymax - ymin)/ny, so row
 * j = 0 is at the bottom. {@link #cellCenters} gives these coordinates. Cells are drawn flat (no
 * interpolation), so the picture shows exactly what was computed.
 *
 * <p><b>Colour.</b> t = (v - lo) / (hi - lo) through {@link Colormap#viridis()}, where [lo, hi] is the
 * range of the finite values or the one given by {@link Builder#optValueRange}. With
 * {@link Builder#optLogScale} the colour follows t = log(1 + (v - lo)) / log(1 + (hi - lo)), i.e.
 * log(1 + v) for a field whose range starts at 0 (energies shifted to a zero minimum): this spreads the
 * low values, where a trained energy's basins are, over most of the colormap, without contour lines.
 * The colorbar is labelled in the original values either way. NaN cells are grey; values outside
 * [lo, hi] take the end colours.
 *
 * <p><b>Overlays</b>, drawn in the order added and clipped to the plot: a quiver (a coarser grid of
 * vectors, e.g. -grad F, over the same box and with the same cell-centre convention; arrows are
 * centred on their cells and scaled so the longest is 0.9 of a quiver cell; directions are in data
 * coordinates), point sets (marker and colour) and polylines (open or closed; a NaN point breaks the
 * line). Overlays with a non-empty label get a legend entry in the top-right corner of the plot.
 *
 * <p>{@link #pixelOf} maps data coordinates to image pixels, for tests and annotations.
 */
public final class HeatMap implements Figure {
  private static final int NAN_RGB = 0xc8c8c8;
  private static final Color SWATCH_EDGE = new Color(0x707070);
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final int LEFT = 64;
  private static final int BOTTOM = 48;
  private static final int RIGHT = 104; // gap, colorbar, its tick labels and its label
  private static final int BAR_GAP = 14;
  private static final int BAR_WIDTH = 16;

  private final double[][] values;
  private final double xmin;
  private final double xmax;
  private final double ymin;
  private final double ymax;
  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final String colorbarLabel;
  private final int width;
  private final int height;
  private final boolean equalAspect;
  private final ValueScale scale;
  private final List<Overlay> overlays;
  private final Rectangle plot; // pixel rectangle of the box [xmin, xmax] x [ymin, ymax]

  private HeatMap(Builder b) {
    this.values = b.values;
    this.xmin = b.xmin;
    this.xmax = b.xmax;
    this.ymin = b.ymin;
    this.ymax = b.ymax;
    this.title = b.title;
    this.xLabel = b.xLabel;
    this.yLabel = b.yLabel;
    this.colorbarLabel = b.colorbarLabel;
    this.width = b.width;
    this.height = b.height;
    this.equalAspect = b.equalAspect;
    this.scale = ValueScale.of(values, b.lo, b.hi, b.logScale);
    this.overlays = List.copyOf(b.overlays);
    this.plot = layout();
  }

  /**
   * A builder for the field {@code values[ny][nx]} over [xmin, xmax] x [ymin, ymax] (see the class
   * comment for the grid convention). The array is copied here.
   */
  public static Builder builder(double[][] values, double xmin, double xmax, double ymin,
      double ymax) {
    Headless.ensure();
    return new Builder(values, xmin, xmax, ymin, ymax);
  }

  /** The n cell centres min + (i + 1/2)(max - min)/n, i = 0..n-1, at which to evaluate a field. */
  public static double[] cellCenters(double min, double max, int n) {
    Checks.arg(min < max, "cell range [%s, %s] is empty; pass min < max", min, max);
    Checks.arg(n > 0, "cell count %s must be positive", n);
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      c[i] = min + (i + 0.5) * (max - min) / n;
    }
    return c;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  /** Lowest and highest value of the colour scale, {lo, hi}. */
  public double[] valueRange() {
    return new double[] {scale.lo, scale.hi};
  }

  /**
   * The image position (continuous pixel coordinates; pixel (i, j) covers [i, i+1) x [j, j+1)) of the
   * data point (x, y). Points outside the box map outside the plot rectangle.
   */
  public Point2D pixelOf(double x, double y) {
    return new Point2D.Double(
        plot.x + (x - xmin) / (xmax - xmin) * plot.width,
        plot.y + (ymax - y) / (ymax - ymin) * plot.height);
  }

  @Override
  public BufferedImage render() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      drawField(image);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      Shape oldClip = g.getClip();
      g.setClip(plot);
      for (Overlay o : overlays) {
        o.draw(this, g);
      }
      g.setClip(oldClip);
      drawLegend(g);
      drawAxes(g);
      drawColorbar(image, g);
      drawTitle(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  // ---- layout and drawing ----

  private Rectangle layout() {
    int top = title == null || title.isEmpty() ? 12 : 34;
    int availW = width - LEFT - RIGHT;
    int availH = height - top - BOTTOM;
    Checks.arg(availW >= 40 && availH >= 40, "heat map size %sx%s leaves no room for the plot;"
        + " use at least %sx%s pixels", width, height, LEFT + RIGHT + 40, top + BOTTOM + 40);
    if (!equalAspect) {
      return new Rectangle(LEFT, top, availW, availH);
    }
    double s = Math.min(availW / (xmax - xmin), availH / (ymax - ymin)); // pixels per unit
    int pw = Math.max(1, (int) Math.round(s * (xmax - xmin)));
    int ph = Math.max(1, (int) Math.round(s * (ymax - ymin)));
    return new Rectangle(LEFT + (availW - pw) / 2, top + (availH - ph) / 2, pw, ph);
  }

  private void drawField(BufferedImage image) {
    int ny = values.length;
    int nx = values[0].length;
    int[][] cellRgb = new int[ny][nx];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        double v = values[j][i];
        cellRgb[j][i] = Double.isNaN(v) ? NAN_RGB : Colormap.viridis().rgb(scale.t(v));
      }
    }
    int[] col = new int[plot.width];
    for (int c = 0; c < plot.width; c++) {
      col[c] = Math.min(nx - 1, (int) Math.floor((c + 0.5) / plot.width * nx));
    }
    int[] row = new int[plot.height];
    for (int r = 0; r < plot.height; r++) { // r = 0 is the top pixel row, i.e. y near ymax
      row[r] = Math.min(ny - 1, (int) Math.floor((plot.height - r - 0.5) / plot.height * ny));
    }
    for (int r = 0; r < plot.height; r++) {
      for (int c = 0; c < plot.width; c++) {
        image.setRGB(plot.x + c, plot.y + r, cellRgb[row[r]][col[c]]);
      }
    }
  }

  private void drawAxes(Graphics2D g) {
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle2D.Double(plot.x - 0.5, plot.y - 0.5, plot.width + 1, plot.height + 1));
    g.setFont(TICK_FONT);
    FontMetrics fm = g.getFontMetrics();
    int maxX = Math.max(2, plot.width / 70);
    double stepX = Ticks.step(xmin, xmax, maxX);
    for (double v : Ticks.nice(xmin, xmax, maxX)) {
      double px = pixelOf(v, ymin).getX();
      int bottom = plot.y + plot.height;
      g.draw(new Line2D.Double(px, bottom, px, bottom + 4));
      String s = Ticks.label(v, stepX);
      g.drawString(s, (float) (px - fm.stringWidth(s) / 2.0), bottom + 6 + fm.getAscent());
    }
    int maxY = Math.max(2, plot.height / 45);
    double stepY = Ticks.step(ymin, ymax, maxY);
    for (double v : Ticks.nice(ymin, ymax, maxY)) {
      double py = pixelOf(xmin, v).getY();
      g.draw(new Line2D.Double(plot.x - 5, py, plot.x - 1, py));
      String s = Ticks.label(v, stepY);
      g.drawString(s, plot.x - 8 - fm.stringWidth(s), (float) (py + fm.getAscent() / 2.0 - 1));
    }
    g.setColor(Color.BLACK);
    g.setFont(LABEL_FONT);
    FontMetrics lm = g.getFontMetrics();
    if (xLabel != null && !xLabel.isEmpty()) {
      g.drawString(xLabel, (float) (plot.getCenterX() - lm.stringWidth(xLabel) / 2.0),
          plot.y + plot.height + 24 + lm.getAscent());
    }
    if (yLabel != null && !yLabel.isEmpty()) {
      drawRotated(g, yLabel, plot.x - LEFT + 4 + lm.getAscent(), plot.getCenterY());
    }
  }

  private void drawColorbar(BufferedImage image, Graphics2D g) {
    int bx = plot.x + plot.width + BAR_GAP;
    int by = plot.y;
    int bh = plot.height;
    for (int r = 0; r < bh; r++) {
      int rgb = Colormap.viridis().rgb(1.0 - (r + 0.5) / bh);
      for (int c = 0; c < BAR_WIDTH; c++) {
        image.setRGB(bx + c, by + r, rgb);
      }
    }
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle2D.Double(bx - 0.5, by - 0.5, BAR_WIDTH + 1, bh + 1));
    g.setFont(TICK_FONT);
    FontMetrics fm = g.getFontMetrics();
    int labelsRight = bx + BAR_WIDTH + 6;
    int widest = 0;
    for (Tick tick : scale.ticks(bh)) {
      double py = by + (1.0 - tick.t()) * bh;
      g.draw(new Line2D.Double(bx + BAR_WIDTH, py, bx + BAR_WIDTH + 3, py));
      String s = tick.label();
      widest = Math.max(widest, fm.stringWidth(s));
      g.drawString(s, labelsRight, (float) (py + fm.getAscent() / 2.0 - 1));
    }
    if (colorbarLabel != null && !colorbarLabel.isEmpty()) {
      g.setColor(Color.BLACK);
      g.setFont(LABEL_FONT);
      int x = Math.min(width - 6, labelsRight + widest + 6 + g.getFontMetrics().getAscent());
      drawRotated(g, colorbarLabel, x, plot.getCenterY());
    }
  }

  private void drawTitle(Graphics2D g) {
    if (title == null || title.isEmpty()) {
      return;
    }
    g.setColor(Color.BLACK);
    g.setFont(TITLE_FONT);
    FontMetrics fm = g.getFontMetrics();
    // centred over the plot and just above it, as matplotlib places an axes title
    double x = Math.max(4, Math.min(width - 4 - fm.stringWidth(title),
        plot.getCenterX() - fm.stringWidth(title) / 2.0));
    g.drawString(title, (float) x, plot.y - 10 - fm.getDescent());
  }

  private void drawLegend(Graphics2D g) {
    List<Overlay> labelled = new ArrayList<>();
    for (Overlay o : overlays) {
      if (o.label() != null && !o.label().isEmpty()) {
        labelled.add(o);
      }
    }
    if (labelled.isEmpty()) {
      return;
    }
    g.setFont(TICK_FONT);
    FontMetrics fm = g.getFontMetrics();
    int lineH = fm.getHeight() + 2;
    int textW = 0;
    for (Overlay o : labelled) {
      textW = Math.max(textW, fm.stringWidth(o.label()));
    }
    int w = 8 + 22 + 6 + textW + 8;
    int h = 6 + lineH * labelled.size() + 4;
    int x = plot.x + plot.width - w - 6;
    int y = plot.y + 6;
    g.setColor(new Color(255, 255, 255, 215));
    g.fillRect(x, y, w, h);
    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(x, y, w, h);
    for (int k = 0; k < labelled.size(); k++) {
      double cy = y + 6 + lineH * k + lineH / 2.0;
      labelled.get(k).drawSwatch(g, x + 8 + 11, cy);
      g.setColor(Color.BLACK);
      g.drawString(labelled.get(k).label(), x + 8 + 22 + 6,
          (float) (cy + fm.getAscent() / 2.0 - 1));
    }
  }

  private static void drawRotated(Graphics2D g, String s, double x, double centerY) {
    AffineTransform old = g.getTransform();
    g.translate(x, centerY);
    g.rotate(-Math.PI / 2);
    g.drawString(s, (float) (-g.getFontMetrics().stringWidth(s) / 2.0), 0f);
    g.setTransform(old);
  }

  private static void drawMarker(Graphics2D g, Marker marker, double cx, double cy, double size) {
    double r = size / 2.0;
    switch (marker) {
      case CIRCLE -> g.fill(new Ellipse2D.Double(cx - r, cy - r, size, size));
      case SQUARE -> g.fill(new Rectangle2D.Double(cx - r, cy - r, size, size));
      case DIAMOND -> {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(cx, cy - r * 1.2);
        p.lineTo(cx + r * 1.2, cy);
        p.lineTo(cx, cy + r * 1.2);
        p.lineTo(cx - r * 1.2, cy);
        p.closePath();
        g.fill(p);
      }
      case CROSS -> {
        g.setStroke(new BasicStroke(1.6f));
        g.draw(new Line2D.Double(cx - r, cy - r, cx + r, cy + r));
        g.draw(new Line2D.Double(cx - r, cy + r, cx + r, cy - r));
      }
      case PLUS -> {
        g.setStroke(new BasicStroke(1.6f));
        g.draw(new Line2D.Double(cx - r, cy, cx + r, cy));
        g.draw(new Line2D.Double(cx, cy - r, cx, cy + r));
      }
    }
  }

  // ---- overlays ----

  /** Something drawn over the field in data coordinates. */
  private interface Overlay {
    String label();

    void draw(HeatMap map, Graphics2D g);

    void drawSwatch(Graphics2D g, double cx, double cy);
  }

  /** Arrows (u[j][i], v[j][i]) at the centres of an my x mx grid over the heat map's box. */
  private record Quiver(double[][] u, double[][] v, Color color) implements Overlay {
    @Override
    public String label() {
      return "";
    }

    @Override
    public void draw(HeatMap map, Graphics2D g) {
      int my = u.length;
      int mx = u[0].length;
      double pxPerX = map.plot.width / (map.xmax - map.xmin);
      double pxPerY = map.plot.height / (map.ymax - map.ymin);
      double longest = 0;
      for (int j = 0; j < my; j++) {
        for (int i = 0; i < mx; i++) {
          if (Double.isFinite(u[j][i]) && Double.isFinite(v[j][i])) {
            longest = Math.max(longest, StrictMath.hypot(u[j][i] * pxPerX, v[j][i] * pxPerY));
          }
        }
      }
      if (longest == 0) {
        return;
      }
      double cell = Math.min((double) map.plot.width / mx, (double) map.plot.height / my);
      double k = 0.9 * cell / longest; // the longest arrow spans 0.9 of a quiver cell
      double[] xs = cellCenters(map.xmin, map.xmax, mx);
      double[] ys = cellCenters(map.ymin, map.ymax, my);
      g.setColor(color);
      g.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      for (int j = 0; j < my; j++) {
        for (int i = 0; i < mx; i++) {
          if (!Double.isFinite(u[j][i]) || !Double.isFinite(v[j][i])) {
            continue;
          }
          double dx = u[j][i] * pxPerX * k;
          double dy = -v[j][i] * pxPerY * k; // screen y grows downwards
          Point2D c = map.pixelOf(xs[i], ys[j]);
          drawArrow(g, c.getX() - dx / 2, c.getY() - dy / 2, c.getX() + dx / 2, c.getY() + dy / 2);
        }
      }
    }

    @Override
    public void drawSwatch(Graphics2D g, double cx, double cy) {}

    private static void drawArrow(Graphics2D g, double x0, double y0, double x1, double y1) {
      double len = StrictMath.hypot(x1 - x0, y1 - y0);
      if (len < 0.5) {
        return;
      }
      double head = Math.min(0.4 * len, 7.0);
      double ux = (x1 - x0) / len;
      double uy = (y1 - y0) / len;
      g.draw(new Line2D.Double(x0, y0, x1 - ux * head * 0.5, y1 - uy * head * 0.5));
      Path2D.Double tip = new Path2D.Double();
      tip.moveTo(x1, y1);
      tip.lineTo(x1 - ux * head - uy * head * 0.5, y1 - uy * head + ux * head * 0.5);
      tip.lineTo(x1 - ux * head + uy * head * 0.5, y1 - uy * head - ux * head * 0.5);
      tip.closePath();
      g.fill(tip);
    }
  }

  /** Markers at (x[i], y[i]); points with a non-finite coordinate are skipped. */
  private record PointSet(String label, double[] x, double[] y, Color color, Marker marker,
      double size) implements Overlay {
    @Override
    public void draw(HeatMap map, Graphics2D g) {
      g.setColor(color);
      for (int i = 0; i < x.length; i++) {
        if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
          Point2D p = map.pixelOf(x[i], y[i]);
          drawMarker(g, marker, p.getX(), p.getY(), size);
        }
      }
    }

    @Override
    public void drawSwatch(Graphics2D g, double cx, double cy) {
      g.setColor(SWATCH_EDGE); // a grey rim keeps a white or pale marker visible on the legend
      drawMarker(g, marker, cx, cy, size + 2);
      g.setColor(color);
      drawMarker(g, marker, cx, cy, size);
    }
  }

  /** A line through (x[i], y[i]); closed adds the segment back to the first point; NaN breaks it. */
  private record Polyline(String label, double[] x, double[] y, Color color, float lineWidth,
      boolean closed) implements Overlay {
    @Override
    public void draw(HeatMap map, Graphics2D g) {
      Path2D.Double path = new Path2D.Double();
      boolean pen = false;
      int n = x.length + (closed ? 1 : 0);
      for (int k = 0; k < n; k++) {
        int i = k % x.length;
        if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
          pen = false;
          continue;
        }
        Point2D p = map.pixelOf(x[i], y[i]);
        if (pen) {
          path.lineTo(p.getX(), p.getY());
        } else {
          path.moveTo(p.getX(), p.getY());
          pen = true;
        }
      }
      g.setColor(color);
      g.setStroke(new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(path);
    }

    @Override
    public void drawSwatch(Graphics2D g, double cx, double cy) {
      Line2D swatch = new Line2D.Double(cx - 10, cy, cx + 10, cy);
      g.setColor(SWATCH_EDGE); // a grey rim keeps a white or pale line visible on the legend
      g.setStroke(new BasicStroke(lineWidth + 2, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(swatch);
      g.setColor(color);
      g.setStroke(new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(swatch);
    }
  }

  // ---- colour scale ----

  /** Value -> t in [0, 1], linear or log(1 + (v - lo)), with colorbar ticks in original values. */
  private record ValueScale(double lo, double hi, boolean log) {
    static ValueScale of(double[][] values, Double lo, Double hi, boolean log) {
      if (lo != null) {
        return new ValueScale(lo, hi, log);
      }
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[] row : values) {
        for (double v : row) {
          if (Double.isFinite(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
      }
      Checks.arg(min <= max, "heat map has no finite value; check the field for NaN/infinity");
      if (min == max) { // a constant field: centre it in a unit range
        return new ValueScale(min - 0.5, max + 0.5, log);
      }
      return new ValueScale(min, max, log);
    }

    double t(double v) {
      if (v == Double.POSITIVE_INFINITY) {
        return 1.0;
      }
      if (v == Double.NEGATIVE_INFINITY) {
        return 0.0;
      }
      double t = log ? StrictMath.log1p(Math.max(0.0, v - lo)) / StrictMath.log1p(hi - lo) : (v - lo) / (hi - lo);
      return Math.min(1.0, Math.max(0.0, t));
    }

    /** Colorbar ticks for a bar {@code pixels} tall; log ticks are at least 16 pixels apart. */
    List<Tick> ticks(int pixels) {
      List<Tick> out = new ArrayList<>();
      if (!log) {
        int maxCount = Math.max(2, pixels / 40);
        double step = Ticks.step(lo, hi, maxCount);
        for (double v : Ticks.nice(lo, hi, maxCount)) {
          out.add(new Tick(t(v), Ticks.label(v, step)));
        }
        return out;
      }
      // log: lo plus offsets 0, 1, 2, 5 x 10^k, kept where they are far enough apart to read
      List<Double> offsets = new ArrayList<>();
      offsets.add(0.0);
      int top = (int) Math.ceil(StrictMath.log10(hi - lo));
      for (int e = top - 6; e <= top; e++) {
        for (double m : new double[] {1, 2, 5}) {
          double d = m * StrictMath.pow(10, e);
          if (d <= (hi - lo) * (1 + 1e-9)) {
            offsets.add(d);
          }
        }
      }
      double lastPx = Double.NEGATIVE_INFINITY;
      for (double d : offsets) {
        double tt = t(lo + d);
        if (tt * pixels - lastPx >= 16) {
          out.add(new Tick(tt, Ticks.withinRange(lo + d, hi - lo)));
          lastPx = tt * pixels;
        }
      }
      return out;
    }
  }

  /** A colorbar tick: position t in [0, 1] and its label in original values. */
  private record Tick(double t, String label) {}

  // ---- builder ----

  /** Collects the field, settings and overlays of a {@link HeatMap}; {@link #build()} checks them. */
  public static final class Builder {
    private final double[][] values;
    private final double xmin;
    private final double xmax;
    private final double ymin;
    private final double ymax;
    private String title;
    private String xLabel;
    private String yLabel;
    private String colorbarLabel;
    private int width = 640;
    private int height = 540;
    private boolean equalAspect;
    private boolean logScale;
    private Double lo;
    private Double hi;
    private final List<Overlay> overlays = new ArrayList<>();

    private Builder(double[][] values, double xmin, double xmax, double ymin, double ymax) {
      Checks.arg(Double.isFinite(xmin) && Double.isFinite(xmax) && xmin < xmax,
          "heat map x range [%s, %s] is empty or not finite; pass finite xmin < xmax", xmin, xmax);
      Checks.arg(Double.isFinite(ymin) && Double.isFinite(ymax) && ymin < ymax,
          "heat map y range [%s, %s] is empty or not finite; pass finite ymin < ymax", ymin, ymax);
      this.values = copyGrid("heat map values", values);
      this.xmin = xmin;
      this.xmax = xmax;
      this.ymin = ymin;
      this.ymax = ymax;
    }

    /** Title above the plot (default none). */
    public Builder optTitle(String title) {
      this.title = title;
      return this;
    }

    /** Label of the x axis (default none). */
    public Builder optXLabel(String xLabel) {
      this.xLabel = xLabel;
      return this;
    }

    /** Label of the y axis (default none). */
    public Builder optYLabel(String yLabel) {
      this.yLabel = yLabel;
      return this;
    }

    /** Label beside the colorbar, e.g. "energy" (default none). */
    public Builder optColorbarLabel(String colorbarLabel) {
      this.colorbarLabel = colorbarLabel;
      return this;
    }

    /** Image size in pixels (default 640x540; each side 100..8000). */
    public Builder optSize(int width, int height) {
      XyCharts.checkSize("heat map", width, height);
      this.width = width;
      this.height = height;
      return this;
    }

    /** Same pixel length per unit on both axes (default false); the plot is centred. */
    public Builder optEqualAspect(boolean equalAspect) {
      this.equalAspect = equalAspect;
      return this;
    }

    /** Colour by log(1 + (v - lo)) instead of v (default false); see the class comment. */
    public Builder optLogScale(boolean logScale) {
      this.logScale = logScale;
      return this;
    }

    /**
     * Fixed colour range [lo, hi] (default: min and max of the finite values), so several heat maps
     * share one scale; values outside take the end colours.
     */
    public Builder optValueRange(double lo, double hi) {
      Checks.arg(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi,
          "heat map value range [%s, %s] is empty or not finite; pass finite lo < hi", lo, hi);
      this.lo = lo;
      this.hi = hi;
      return this;
    }

    /** Adds white arrows (u[j][i], v[j][i]) on an my x mx grid over the box (e.g. -grad F). */
    public Builder addQuiver(double[][] u, double[][] v) {
      return addQuiver(u, v, Color.WHITE);
    }

    /** Adds arrows (u[j][i], v[j][i]) of {@code color} on an my x mx grid over the box. */
    public Builder addQuiver(double[][] u, double[][] v, Color color) {
      double[][] uc = copyGrid("quiver u", u);
      double[][] vc = copyGrid("quiver v", v);
      Checks.arg(uc.length == vc.length && uc[0].length == vc[0].length,
          "quiver u is %sx%s but v is %sx%s; pass components of the same shape",
          uc.length, uc[0].length, vc.length, vc[0].length);
      overlays.add(new Quiver(uc, vc, nonNull(color, "quiver")));
      return this;
    }

    /**
     * Adds markers at (x[i], y[i]), {@code size} 7 pixels; a non-empty {@code label} puts the set in
     * the legend.
     */
    public Builder addPoints(String label, double[] x, double[] y, Color color, Marker marker) {
      checkXy("point set", label, x, y, 1);
      Checks.arg(marker != null, "point set '%s' has a null marker; pass one of %s", label,
          Arrays.toString(Marker.values()));
      overlays.add(new PointSet(label, x.clone(), y.clone(), nonNull(color, "point set"), marker,
          7.0));
      return this;
    }

    /** Adds markers at the 2-D points {@code points[N][2]}; see {@link #addPoints}. */
    public Builder addPoints(String label, double[][] points, Color color, Marker marker) {
      double[][] xy = XySeries.columns(label, points);
      return addPoints(label, xy[0], xy[1], color, marker);
    }

    /**
     * Adds a 2-pixel line through (x[i], y[i]), back to the first point if {@code closed}; a NaN
     * point breaks the line; a non-empty {@code label} puts it in the legend.
     */
    public Builder addPolyline(String label, double[] x, double[] y, Color color, boolean closed) {
      checkXy("polyline", label, x, y, 2);
      overlays.add(new Polyline(label, x.clone(), y.clone(), nonNull(color, "polyline"), 2f,
          closed));
      return this;
    }

    /** Builds the heat map; the layout is checked against the size here. */
    public HeatMap build() {
      return new HeatMap(this);
    }

    private static double[][] copyGrid(String what, double[][] grid) {
      Checks.arg(grid != null && grid.length > 0, "%s is empty; pass a grid [ny][nx] with ny,nx > 0",
          what);
      Checks.arg(grid[0] != null && grid[0].length > 0, "%s row 0 is empty; pass a grid [ny][nx]"
          + " with nx > 0", what);
      int nx = grid[0].length;
      double[][] out = new double[grid.length][];
      for (int j = 0; j < grid.length; j++) {
        Checks.arg(grid[j] != null && grid[j].length == nx, "%s row %s has %s values but row 0 has"
            + " %s; pass a rectangular grid [ny][nx]", what, j,
            grid[j] == null ? "no" : grid[j].length, nx);
        out[j] = grid[j].clone();
      }
      return out;
    }

    private static void checkXy(String what, String label, double[] x, double[] y, int min) {
      Checks.arg(x != null && y != null, "%s '%s' has a null array; pass x and y", what, label);
      Checks.arg(x.length == y.length, "%s '%s' has %s x values but %s y values; pass arrays of"
          + " equal length", what, label, x.length, y.length);
      Checks.arg(x.length >= min, "%s '%s' has %s points; pass at least %s", what, label,
          x.length, min);
    }

    private static Color nonNull(Color color, String what) {
      Checks.arg(color != null, "%s colour is null; pass a java.awt.Color", what);
      return color;
    }
  }
}
