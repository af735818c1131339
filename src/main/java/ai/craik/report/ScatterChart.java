package ai.craik.report;

import ai.craik.config.Checks;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * A scatter chart of several named point sets, drawn with XChart: data against model samples, latent
 * codes, the states an agent visited.
 *
 * <pre>{@code
 * ScatterChart.builder()
 *     .optTitle("Data and samples").optEqualAspect(true)
 *     .addPoints("data", data)                      // double[N][2]
 *     .addPoints("samples", samples, Marker.CROSS)
 *     .build()
 *     .savePng(runDir.resolve("figures/samples.png"));
 * }</pre>
 *
 * <p>With {@link Builder#optEqualAspect(boolean)} one unit has the same pixel length on both axes, so a
 * circle of points looks round and an ellipse keeps its true shape. Points with a non-finite
 * coordinate are skipped.
 */
public final class ScatterChart implements Figure {
  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final int width;
  private final int height;
  private final boolean equalAspect;
  private final boolean legend;
  private final int markerSize;
  private final List<XySeries> sets;

  private ScatterChart(Builder b) {
    this.title = b.title;
    this.xLabel = b.xLabel;
    this.yLabel = b.yLabel;
    this.width = b.width;
    this.height = b.height;
    this.equalAspect = b.equalAspect;
    this.legend = b.legend;
    this.markerSize = b.markerSize;
    this.sets = List.copyOf(b.sets);
  }

  /** A builder with defaults: no labels, 560x560 pixels, free aspect, legend shown, 5 px markers. */
  public static Builder builder() {
    Headless.ensure();
    return new Builder();
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public BufferedImage render() {
    XYChart chart = XyCharts.newChart(width, height, title, xLabel, yLabel, legend);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(markerSize);
    for (int i = 0; i < sets.size(); i++) {
      XySeries s = sets.get(i);
      XYSeries xs = chart.addSeries(s.name(), s.x(), s.y());
      xs.setMarker(XyCharts.xchartMarker(s.marker()));
      xs.setMarkerColor(XyCharts.color(i));
    }
    if (equalAspect) {
      XyCharts.equalAspect(chart, XySeries.bounds(sets));
    }
    return XyCharts.render(chart);
  }

  /** Collects the settings and point sets of a {@link ScatterChart}; {@link #build()} checks them. */
  public static final class Builder {
    private String title;
    private String xLabel;
    private String yLabel;
    private int width = 560;
    private int height = 560;
    private boolean equalAspect;
    private boolean legend = true;
    private int markerSize = 5;
    private final List<XySeries> sets = new ArrayList<>();

    private Builder() {}

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

    /** Image size in pixels (default 560x560; each side 100..8000). */
    public Builder optSize(int width, int height) {
      XyCharts.checkSize("scatter chart", width, height);
      this.width = width;
      this.height = height;
      return this;
    }

    /** Same pixel length per unit on both axes (default false); use it for 2-D point clouds. */
    public Builder optEqualAspect(boolean equalAspect) {
      this.equalAspect = equalAspect;
      return this;
    }

    /** Show the legend below the plot (default true). */
    public Builder optLegend(boolean legend) {
      this.legend = legend;
      return this;
    }

    /** Marker size in pixels (default 5; 1..40). */
    public Builder optMarkerSize(int markerSize) {
      Checks.arg(markerSize >= 1 && markerSize <= 40,
          "scatter marker size %s is out of range; use 1..40 pixels", markerSize);
      this.markerSize = markerSize;
      return this;
    }

    /** Adds the point set {@code name} of points (x[i], y[i]) drawn as filled circles. */
    public Builder addPoints(String name, double[] x, double[] y) {
      return addPoints(name, x, y, Marker.CIRCLE);
    }

    /** Adds the point set {@code name} of points (x[i], y[i]) drawn with {@code marker}. */
    public Builder addPoints(String name, double[] x, double[] y, Marker marker) {
      Checks.arg(marker != null, "point set '%s' has a null marker; pass one of %s", name,
          java.util.Arrays.toString(Marker.values()));
      sets.add(new XySeries(name, x, y, marker));
      return this;
    }

    /** Adds the point set {@code name} of 2-D points {@code points[N][2]} drawn as filled circles. */
    public Builder addPoints(String name, double[][] points) {
      return addPoints(name, points, Marker.CIRCLE);
    }

    /** Adds the point set {@code name} of 2-D points {@code points[N][2]} drawn with {@code marker}. */
    public Builder addPoints(String name, double[][] points, Marker marker) {
      double[][] xy = XySeries.columns(name, points);
      return addPoints(name, xy[0], xy[1], marker);
    }

    /** Checks the point sets (at least one, distinct names) and builds. */
    public ScatterChart build() {
      XyCharts.checkUniqueNames("scatter chart", sets);
      return new ScatterChart(this);
    }
  }
}
