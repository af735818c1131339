package ai.craik.report;

import ai.craik.config.Checks;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart of several named series y(x), drawn with XChart: training curves, costs per planner
 * iteration, error per prediction step.
 *
 * <pre>{@code
 * LineChart.builder()
 *     .optTitle("Training loss").optXLabel("step").optYLabel("loss").optLogY(true)
 *     .addSeries("train", steps, train)
 *     .addSeries("validation", steps, val)
 *     .build()
 *     .savePng(runDir.resolve("figures/loss.png"));
 * }</pre>
 *
 * <p>Non-finite values are drawn as gaps (a diverged step does not hide the rest of the curve); a
 * series needs at least one finite point. Colours follow matplotlib's tab10 cycle in the order the
 * series were added.
 */
public final class LineChart implements Figure {
  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final int width;
  private final int height;
  private final boolean logY;
  private final boolean legend;
  private final List<XySeries> series;

  private LineChart(Builder b) {
    this.title = b.title;
    this.xLabel = b.xLabel;
    this.yLabel = b.yLabel;
    this.width = b.width;
    this.height = b.height;
    this.logY = b.logY;
    this.legend = b.legend;
    this.series = List.copyOf(b.series);
  }

  /** A builder with defaults: no title or labels, 720x440 pixels, linear y, legend shown. */
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
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    chart.getStyler().setYAxisLogarithmic(logY);
    for (int i = 0; i < series.size(); i++) {
      XySeries s = series.get(i);
      XYSeries xs = chart.addSeries(s.name(), s.x(), s.y());
      xs.setMarker(SeriesMarkers.NONE);
      xs.setLineColor(XyCharts.color(i));
      xs.setLineStyle(XyCharts.lineStroke());
    }
    addTickBreaker(chart);
    return XyCharts.render(chart);
  }

  /**
   * XChart puts x ticks on data values when all x values are equally spaced (steps 0, 10, ..., 2990
   * give ticks at 0, 220, 440, ...). One invisible point (y = NaN, no legend entry) at an x that is
   * not on the grid makes it choose round ticks (0, 500, 1000, ...) as for any other data.
   */
  private void addTickBreaker(XYChart chart) {
    double[] b = XySeries.bounds(series);
    if (!(b[1] > b[0])) {
      return;
    }
    double x = b[0] + 0.6180339887 * (b[1] - b[0]); // golden-ratio fraction: off any even grid
    XYSeries hidden = chart.addSeries("\u0000tick-breaker", new double[] {x},
        new double[] {Double.NaN});
    hidden.setMarker(SeriesMarkers.NONE);
    hidden.setShowInLegend(false);
  }

  /** Collects the settings and series of a {@link LineChart}; {@link #build()} checks them. */
  public static final class Builder {
    private String title;
    private String xLabel;
    private String yLabel;
    private int width = 720;
    private int height = 440;
    private boolean logY;
    private boolean legend = true;
    private final List<XySeries> series = new ArrayList<>();

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

    /** Image size in pixels (default 720x440; each side 100..8000). */
    public Builder optSize(int width, int height) {
      XyCharts.checkSize("line chart", width, height);
      this.width = width;
      this.height = height;
      return this;
    }

    /** Logarithmic y axis (default false); every finite y must then be positive. */
    public Builder optLogY(boolean logY) {
      this.logY = logY;
      return this;
    }

    /** Show the legend below the plot (default true). */
    public Builder optLegend(boolean legend) {
      this.legend = legend;
      return this;
    }

    /** Adds the series {@code name} through the points (x[i], y[i]); the arrays are copied. */
    public Builder addSeries(String name, double[] x, double[] y) {
      series.add(new XySeries(name, x, y, null));
      return this;
    }

    /** Adds the series {@code name} through (i, y[i]), i = 0..n-1. */
    public Builder addSeries(String name, double[] y) {
      Checks.arg(y != null, "series '%s' has a null array; pass the y values", name);
      return addSeries(name, XySeries.indices(y.length), y);
    }

    /** Checks the series (at least one, distinct names, positive y for a log axis) and builds. */
    public LineChart build() {
      XyCharts.checkUniqueNames("line chart", series);
      if (logY) {
        for (XySeries s : series) {
          for (int i = 0; i < s.y().length; i++) {
            double v = s.y()[i];
            Checks.arg(!(v <= 0), "series '%s' has y[%s]=%s but the y axis is logarithmic;"
                + " plot positive values or use optLogY(false)", s.name(), i, v);
          }
        }
      }
      return new LineChart(this);
    }
  }
}
