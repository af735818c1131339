package ai.craik.lab;

import java.util.List;
import java.util.Map;

/**
 * What a lab problem produced: the summary figures (written to {@code summary.json}, which adds
 * provenance), the key figures for the report's table, and the figures drawn, in reading order.
 */
public record LabOutcome(
    Map<String, Object> summary, Map<String, Object> keyFigures, List<DrawnFigure> figures) {

  /** A figure file under the run's {@code figures/} folder and its caption. */
  public record DrawnFigure(String fileName, String caption) {}
}
