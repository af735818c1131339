package ai.craik.report;

import ai.craik.config.Checks;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** What {@link LineChart} and {@link ScatterChart} share: size checks, style, equal aspect ratio. */
final class XyCharts {
  private XyCharts() {}

  static final int MIN_SIZE = 100;
  static final int MAX_SIZE = 8000;

  /** matplotlib's "tab10" colour cycle, so Craik figures look familiar next to Python ones. */
  static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    new Color(0xbcbd22), new Color(0x17becf),
  };

  static void checkSize(String what, int width, int height) {
    Checks.arg(width >= MIN_SIZE && width <= MAX_SIZE && height >= MIN_SIZE && height <= MAX_SIZE,
        "%s size %sx%s is out of range; use %s..%s pixels per side", what, width, height,
        MIN_SIZE, MAX_SIZE);
  }

  static void checkUniqueNames(String what, List<XySeries> series) {
    Checks.arg(!series.isEmpty(), "%s has no series; add at least one", what);
    Set<String> seen = new HashSet<>();
    for (XySeries s : series) {
      Checks.arg(seen.add(s.name()), "%s has two series named '%s'; give each a distinct name",
          what, s.name());
    }
  }

  /** A white-background chart with light grid, legend below the plot and the tab10 colours. */
  static XYChart newChart(int width, int height, String title, String xLabel, String yLabel,
      boolean legend) {
    XYChart chart = new XYChart(width, height);
    chart.setTitle(title == null ? "" : title);
    chart.setXAxisTitle(xLabel == null ? "" : xLabel);
    chart.setYAxisTitle(yLabel == null ? "" : yLabel);
    XYStyler st = chart.getStyler();
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBackgroundColor(Color.WHITE);
    st.setPlotBorderColor(Color.DARK_GRAY);
    st.setPlotGridLinesColor(new Color(0xe0e0e0));
    st.setChartTitleVisible(title != null && !title.isEmpty());
    st.setChartTitleBoxVisible(false);
    st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    st.setLegendVisible(legend);
    st.setLegendPosition(Styler.LegendPosition.OutsideS);
    st.setLegendLayout(Styler.LegendLayout.Horizontal);
    st.setLegendBorderColor(Color.WHITE);
    st.setSeriesColors(PALETTE);
    st.setAntiAlias(true);
    st.setTextAntiAlias(true);
    st.setChartPadding(8);
    return chart;
  }

  static Color color(int index) {
    return PALETTE[index % PALETTE.length];
  }

  static BasicStroke lineStroke() {
    return new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  static org.knowm.xchart.style.markers.Marker xchartMarker(Marker marker) {
    return switch (marker) {
      case CIRCLE -> SeriesMarkers.CIRCLE;
      case SQUARE -> SeriesMarkers.SQUARE;
      case DIAMOND -> SeriesMarkers.DIAMOND;
      case CROSS -> SeriesMarkers.CROSS;
      case PLUS -> SeriesMarkers.PLUS;
    };
  }

  /**
   * Sets axis ranges that contain {@code bounds} = {xmin, xmax, ymin, ymax} plus a 5% margin and give
   * one data unit the same pixel length on both axes: the shorter range is widened about its centre.
   * The plot area depends on tick labels, so the chart is drawn off-screen and corrected until the two
   * scales agree within 0.5% (two or three passes).
   */
  static void equalAspect(XYChart chart, double[] bounds) {
    double[] r = padded(bounds);
    setRanges(chart, r);
    for (int pass = 0; pass < 5; pass++) {
      BitmapEncoder.getBufferedImage(chart); // lays out the plot area
      double sx = Math.abs(chart.getScreenXFromChart(r[1]) - chart.getScreenXFromChart(r[0]))
          / (r[1] - r[0]);
      double sy = Math.abs(chart.getScreenYFromChart(r[3]) - chart.getScreenYFromChart(r[2]))
          / (r[3] - r[2]);
      if (Math.abs(sx / sy - 1.0) < 0.005) {
        return;
      }
      double s = Math.min(sx, sy); // pixels per unit both axes will use
      double halfX = 0.5 * (r[1] - r[0]) * sx / s;
      double halfY = 0.5 * (r[3] - r[2]) * sy / s;
      double cx = 0.5 * (r[0] + r[1]);
      double cy = 0.5 * (r[2] + r[3]);
      r = new double[] {cx - halfX, cx + halfX, cy - halfY, cy + halfY};
      setRanges(chart, r);
    }
  }

  /** {xmin, xmax, ymin, ymax} grown by 5% per side; a zero-width range becomes +-0.5 around it. */
  static double[] padded(double[] b) {
    double[] r = b.clone();
    for (int a = 0; a < 4; a += 2) {
      double w = r[a + 1] - r[a];
      double pad = w > 0 ? 0.05 * w : 0.5;
      r[a] -= pad;
      r[a + 1] += pad;
    }
    return r;
  }

  static BufferedImage render(XYChart chart) {
    return BitmapEncoder.getBufferedImage(chart);
  }

  private static void setRanges(XYChart chart, double[] r) {
    XYStyler st = chart.getStyler();
    st.setXAxisMin(r[0]);
    st.setXAxisMax(r[1]);
    st.setYAxisMin(r[2]);
    st.setYAxisMax(r[3]);
  }
}
