package ai.craik.lab;

import ai.craik.config.Checks;
import java.util.List;
import java.util.Map;

/**
 * What a lab problem produced: the summary figures (written to {@code summary.json}, which adds
 * provenance), the key figures for the report's table, the figures drawn, in reading order, and
 * tables for the report (e.g. a comparison and a per-episode list).
 */
public record LabOutcome(Map<String, Object> summary, Map<String, Object> keyFigures,
    List<DrawnFigure> figures, List<Table> tables) {

  public LabOutcome {
    figures = List.copyOf(figures);
    tables = List.copyOf(tables);
  }

  /** An outcome without tables. */
  public LabOutcome(Map<String, Object> summary, Map<String, Object> keyFigures,
      List<DrawnFigure> figures) {
    this(summary, keyFigures, figures, List.of());
  }

  /** A figure file under the run's {@code figures/} folder and its caption. */
  public record DrawnFigure(String fileName, String caption) {}

  /**
   * A table of the report: a title, a caption, column names and rows of values (numbers are
   * formatted by the report).
   */
  public record Table(String title, String caption, List<String> columns, List<List<Object>> rows) {
    public Table {
      Checks.arg(columns != null && !columns.isEmpty(), "table '%s' needs columns", title);
      for (List<Object> r : rows) {
        Checks.arg(r.size() == columns.size(), "table '%s' has a row of %s values for %s columns",
            title, r.size(), columns.size());
      }
      columns = List.copyOf(columns);
      rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(
          new java.util.ArrayList<>(r))).toList();
    }
  }
}
