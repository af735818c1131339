package ai.craik.lab;

import ai.craik.lab.LabOutcome.DrawnFigure;
import ai.craik.report.LineChart;
import ai.craik.run.MetricsLog;
import ai.craik.run.RunSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads curves back from a run's metrics.jsonl for the figures (so resumed runs draw them too). */
final class LabMetrics {
  private LabMetrics() {}

  /** The last metrics row of {@code phase}, or an empty map. */
  static Map<String, Object> lastRow(List<Map<String, Object>> rows, String phase) {
    Map<String, Object> last = Map.of();
    for (Map<String, Object> r : rows) {
      if (phase.equals(r.get("phase"))) {
        last = r;
      }
    }
    return last;
  }

  /** The entries of {@code row} whose key starts with {@code prefix}, the prefix removed. */
  static Map<String, Object> withPrefix(Map<String, Object> row, String prefix) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    row.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  /** (step, value) pairs of {@code key} in the rows of {@code phase}. */
  static List<double[]> series(Path metrics, String phase, String key) {
    List<double[]> out = new ArrayList<>();
    if (!Files.exists(metrics)) {
      return out;
    }
    for (Map<String, Object> row : MetricsLog.read(metrics)) {
      if (phase.equals(row.get("phase")) && row.get(key) instanceof Number n) {
        out.add(new double[] {((Number) row.get("step")).doubleValue(), n.doubleValue()});
      }
    }
    return out;
  }

  /**
   * A line chart of every metric whose key starts with {@code prefix} in the rows of {@code phase}
   * (log y: only positive series), saved as figures/{@code file}.
   */
  static DrawnFigure curves(RunSession s, String phase, String file, String title, String prefix,
      boolean logY, String caption) throws IOException {
    LineChart.Builder chart = LineChart.builder().optTitle(title).optXLabel("step")
        .optSize(720, 420).optLogY(logY);
    List<Map<String, Object>> rows = MetricsLog.read(s.dir().metrics());
    List<String> keys = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      for (String k : r.keySet()) {
        if (k.startsWith(prefix) && !keys.contains(k)) {
          keys.add(k);
        }
      }
    }
    int drawn = 0;
    for (String k : keys) {
      List<double[]> xy = series(s.dir().metrics(), phase, k);
      double[] x = xy.stream().mapToDouble(p -> p[0]).toArray();
      double[] y = xy.stream().mapToDouble(p -> logY ? Math.max(p[1], 1e-8) : p[1]).toArray();
      if (x.length > 0 && (!logY || java.util.Arrays.stream(y).allMatch(v -> v > 0))) {
        chart.addSeries(k.substring(prefix.length()), x, y);
        drawn++;
      }
    }
    if (drawn == 0) {
      chart.addSeries("(no data)", new double[] {0}, new double[] {1});
    }
    chart.build().savePng(s.dir().figure(file));
    return new DrawnFigure(file, caption);
  }
}
