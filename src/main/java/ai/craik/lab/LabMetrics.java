package ai.craik.lab;

import ai.craik.run.MetricsLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads curves back from a run's metrics.jsonl for the figures (so resumed runs draw them too). */
final class LabMetrics {
  private LabMetrics() {}

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
}
