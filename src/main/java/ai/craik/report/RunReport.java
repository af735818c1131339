package ai.craik.report;

import ai.craik.run.AtomicFiles;
import ai.craik.config.Checks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One self-contained HTML page per run, {@code report.html} in the run folder: title, description,
 * key figures, sections of figures, the last metrics rows, the summary JSON and the resolved config.
 *
 * <pre>{@code
 * RunReport.builder("EBM on two moons")
 *     .optDescription("Denoising score matching, 2k steps.")
 *     .addKeyFigure("final loss", 0.0123)
 *     .addFigure("Training", "figures/loss.png", "Loss per step")
 *     .addFigure("Energy", "figures/energy.png", "Energy landscape and -grad F")
 *     .optSummaryJson(Files.readString(runDir.resolve("summary.json")))
 *     .optConfigYaml(Files.readString(runDir.resolve("config.yaml")))
 *     .optMetrics(rows, 20)
 *     .build()
 *     .write(runDir);
 * }</pre>
 *
 * <p>The page needs nothing outside the run folder: CSS is inline, there is no script, and figures are
 * relative links ({@code <img src="figures/loss.png">}), so the folder can be copied or zipped as a
 * whole. Every text from the caller is HTML-escaped. The page holds no time stamp, so the same inputs
 * give the same bytes.
 */
public final class RunReport {
  /** The file name {@link #write} uses inside the run folder. */
  public static final String FILE_NAME = "report.html";

  private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String CSS = """
      body{margin:0;background:#f6f6f4;color:#1d1d1f;\
      font:15px/1.5 -apple-system,"Segoe UI",Roboto,"DejaVu Sans",Helvetica,Arial,sans-serif}
      main{max-width:1100px;margin:0 auto;padding:24px 28px 48px;background:#fff}
      h1{font-size:26px;margin:8px 0 4px}
      h2{font-size:19px;margin:32px 0 10px;border-bottom:1px solid #ddd;padding-bottom:4px}
      p.desc{color:#444;max-width:80ch}
      table{border-collapse:collapse;font-size:14px}
      th,td{border:1px solid #ddd;padding:4px 10px;text-align:left;vertical-align:top}
      th{background:#f0f0ee;font-weight:600}
      td.num{text-align:right;font-variant-numeric:tabular-nums}
      .figs{display:flex;flex-wrap:wrap;gap:18px}
      figure{margin:0;max-width:100%}
      figure img{max-width:100%;height:auto;border:1px solid #e4e4e4}
      figcaption{font-size:13px;color:#555;margin-top:4px;max-width:640px}
      pre{background:#f7f7f5;border:1px solid #e2e2e2;padding:10px 12px;overflow:auto;\
      font:12.5px/1.45 "DejaVu Sans Mono",Menlo,Consolas,monospace;max-height:560px}
      .scroll{overflow-x:auto}
      footer{margin-top:40px;color:#888;font-size:12px}
      """;

  private final String title;
  private final String description;
  private final Map<String, Object> keyFigures;
  private final Map<String, List<FigureRef>> sections;
  private final List<TableRef> tables;
  private final String summaryJson;
  private final String configYaml;
  private final List<Map<String, Object>> metrics;
  private final int metricsTotal;

  /** A figure on the page: its path relative to the run folder and its caption. */
  private record FigureRef(String path, String caption) {}

  /** A table on the page: title, caption, column names and rows of values. */
  private record TableRef(String title, String caption, List<String> columns,
      List<List<Object>> rows) {}

  private RunReport(Builder b) {
    this.title = b.title;
    this.description = b.description;
    this.keyFigures = new LinkedHashMap<>(b.keyFigures);
    Map<String, List<FigureRef>> s = new LinkedHashMap<>();
    b.sections.forEach((k, v) -> s.put(k, List.copyOf(v)));
    this.sections = s;
    this.tables = List.copyOf(b.tables);
    this.summaryJson = b.summaryJson;
    this.configYaml = b.configYaml;
    this.metrics = List.copyOf(b.metrics);
    this.metricsTotal = b.metricsTotal;
  }

  /** A builder for a report titled {@code title}. */
  public static Builder builder(String title) {
    return new Builder(title);
  }

  /**
   * Writes {@code runDir/report.html} atomically (temporary file in the same folder, then a move that
   * replaces any old report) and returns its path. Figure files that do not exist yet are logged as
   * warnings; the page still links them.
   */
  public Path write(Path runDir) throws IOException {
    Checks.arg(Files.isDirectory(runDir), "run folder %s does not exist or is not a folder;"
        + " create it or pass the run's folder", runDir);
    for (List<FigureRef> figures : sections.values()) {
      for (FigureRef f : figures) {
        if (!Files.isRegularFile(runDir.resolve(f.path()))) {
          LOG.warn("report figure {} is missing in {}; its image will be broken", f.path(), runDir);
        }
      }
    }
    Path target = runDir.resolve(FILE_NAME);
    byte[] bytes = toHtml().getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(target, out -> out.write(bytes));
    return target;
  }

  /** The complete page. */
  public String toHtml() {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"Craik\">\n")
        .append("<title>").append(Html.escape(title)).append("</title>\n")
        .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
    h.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    if (description != null && !description.isBlank()) {
      for (String para : description.strip().split("\\R\\s*\\R")) {
        h.append("<p class=\"desc\">").append(Html.escape(para.strip())).append("</p>\n");
      }
    }
    if (!keyFigures.isEmpty()) {
      h.append("<section id=\"key-figures\">\n<h2>Key figures</h2>\n<table class=\"kv\">\n");
      keyFigures.forEach((k, v) -> h.append("<tr><th>").append(Html.escape(k)).append("</th>")
          .append(cell(v)).append("</tr>\n"));
      h.append("</table>\n</section>\n");
    }
    for (TableRef t : tables) {
      appendTable(h, t);
    }
    for (Map.Entry<String, List<FigureRef>> e : sections.entrySet()) {
      h.append("<section>\n<h2>").append(Html.escape(e.getKey())).append("</h2>\n")
          .append("<div class=\"figs\">\n");
      for (FigureRef f : e.getValue()) {
        String src = Html.escape(encodePath(f.path()));
        h.append("<figure><a href=\"").append(src).append("\"><img src=\"").append(src)
            .append("\" alt=\"").append(Html.escape(f.caption())).append("\"></a>")
            .append("<figcaption>").append(Html.escape(f.caption())).append("</figcaption>")
            .append("</figure>\n");
      }
      h.append("</div>\n</section>\n");
    }
    if (!metrics.isEmpty()) {
      appendMetrics(h);
    }
    if (summaryJson != null) {
      h.append("<section id=\"summary\">\n<h2>Summary</h2>\n<pre>").append(Html.escape(summaryJson))
          .append("</pre>\n</section>\n");
    }
    if (configYaml != null) {
      h.append("<section id=\"config\">\n<h2>Configuration</h2>\n<pre>")
          .append(Html.escape(configYaml)).append("</pre>\n</section>\n");
    }
    h.append("<footer>Generated by Craik.</footer>\n</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void appendTable(StringBuilder h, TableRef t) {
    h.append("<section>\n<h2>").append(Html.escape(t.title())).append("</h2>\n");
    if (t.caption() != null && !t.caption().isBlank()) {
      h.append("<p class=\"desc\">").append(Html.escape(t.caption())).append("</p>\n");
    }
    h.append("<div class=\"scroll\"><table>\n<tr>");
    for (String c : t.columns()) {
      h.append("<th>").append(Html.escape(c)).append("</th>");
    }
    h.append("</tr>\n");
    for (List<Object> row : t.rows()) {
      h.append("<tr>");
      for (Object v : row) {
        h.append(cell(v));
      }
      h.append("</tr>\n");
    }
    h.append("</table></div>\n</section>\n");
  }

  private void appendMetrics(StringBuilder h) {
    Set<String> columns = new LinkedHashSet<>();
    for (Map<String, Object> row : metrics) {
      columns.addAll(row.keySet());
    }
    h.append("<section id=\"metrics\">\n<h2>Metrics</h2>\n<p>Last ").append(metrics.size())
        .append(" of ").append(metricsTotal).append(" rows.</p>\n")
        .append("<div class=\"scroll\"><table class=\"metrics\">\n<tr>");
    for (String c : columns) {
      h.append("<th>").append(Html.escape(c)).append("</th>");
    }
    h.append("</tr>\n");
    for (Map<String, Object> row : metrics) {
      h.append("<tr>");
      for (String c : columns) {
        h.append(row.containsKey(c) ? cell(row.get(c)) : "<td></td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table></div>\n</section>\n");
  }

  private static String cell(Object value) {
    String cls = value instanceof Number ? " class=\"num\"" : "";
    return "<td" + cls + ">" + Html.escape(Html.format(value)) + "</td>";
  }

  /** Percent-encodes what a URL path may not hold as is (spaces, %, #, ?), keeping the slashes. */
  private static String encodePath(String path) {
    try {
      return new URI(null, null, path, null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("figure path '" + path + "' cannot be a link: "
          + e.getMessage() + "; rename the file", e);
    }
  }

  /** Collects the parts of a {@link RunReport}; everything but the title is optional. */
  public static final class Builder {
    private final String title;
    private String description;
    private final Map<String, Object> keyFigures = new LinkedHashMap<>();
    private final Map<String, List<FigureRef>> sections = new LinkedHashMap<>();
    private final List<TableRef> tables = new ArrayList<>();
    private String summaryJson;
    private String configYaml;
    private List<Map<String, Object>> metrics = List.of();
    private int metricsTotal;

    private Builder(String title) {
      Checks.arg(title != null && !title.isBlank(), "report title must be non-blank; got %s",
          title == null ? "null" : "'" + title + "'");
      this.title = title;
    }

    /** A short paragraph under the title; blank lines separate paragraphs. */
    public Builder optDescription(String description) {
      this.description = description;
      return this;
    }

    /**
     * Adds a row to the key-figures table (insertion order; the same name again replaces the value).
     * Whole numbers show without decimals, other doubles with 5 significant digits.
     */
    public Builder addKeyFigure(String name, Object value) {
      Checks.arg(name != null && !name.isBlank(), "key figure name must be non-blank; got %s",
          name == null ? "null" : "'" + name + "'");
      keyFigures.put(name, value);
      return this;
    }

    /**
     * Adds a figure to {@code section} (sections appear in the order first used). {@code path} is
     * relative to the run folder with '/' separators, e.g. {@code figures/loss.png}.
     */
    public Builder addFigure(String section, String path, String caption) {
      Checks.arg(section != null && !section.isBlank(), "figure section must be non-blank; got %s",
          section == null ? "null" : "'" + section + "'");
      checkRelative(path);
      sections.computeIfAbsent(section, k -> new ArrayList<>())
          .add(new FigureRef(path, caption == null ? "" : caption));
      return this;
    }

    /**
     * Adds a table (shown after the key figures, in the order added): every row has one value per
     * column; numbers are formatted as in the key figures, anything else by {@code toString}.
     */
    public Builder addTable(String title, String caption, List<String> columns,
        List<? extends List<?>> rows) {
      Checks.arg(title != null && !title.isBlank(), "table title must be non-blank; got %s",
          title == null ? "null" : "'" + title + "'");
      Checks.arg(columns != null && !columns.isEmpty(), "table '%s' needs at least one column",
          title);
      List<List<Object>> kept = new ArrayList<>();
      for (List<?> row : rows) {
        Checks.arg(row != null && row.size() == columns.size(), "table '%s': a row has %s values"
            + " for %s columns; pass one value per column", title, row == null ? 0 : row.size(),
            columns.size());
        kept.add(java.util.Collections.unmodifiableList(new ArrayList<Object>(row)));
      }
      tables.add(new TableRef(title, caption, List.copyOf(columns), kept));
      return this;
    }

    /** The run summary as JSON text; it is parsed and pretty-printed. */
    public Builder optSummaryJson(String json) {
      Checks.arg(json != null, "summary JSON is null; pass the text of summary.json");
      try {
        JsonNode node = JSON.readTree(json);
        Checks.arg(node != null && !node.isMissingNode(), "summary JSON is empty; pass the text of"
            + " summary.json");
        this.summaryJson = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("summary JSON does not parse: "
            + e.getOriginalMessage() + "; pass the text of summary.json", e);
      }
      return this;
    }

    /** The resolved config as YAML text, shown as is. */
    public Builder optConfigYaml(String yaml) {
      this.configYaml = yaml;
      return this;
    }

    /**
     * The metrics table: the last {@code lastN} of {@code rows} (e.g. one map per logged step, keys
     * such as {@code step}, {@code loss/pred}); columns are the union of the keys in first-seen order.
     */
    public Builder optMetrics(List<? extends Map<String, ?>> rows, int lastN) {
      Checks.arg(rows != null, "metrics rows are null; pass a list (empty for none)");
      Checks.arg(lastN > 0, "metrics lastN=%s must be positive", lastN);
      List<Map<String, Object>> kept = new ArrayList<>();
      for (Map<String, ?> row : rows.subList(Math.max(0, rows.size() - lastN), rows.size())) {
        Checks.arg(row != null, "metrics row is null; pass maps of name to value");
        kept.add(new LinkedHashMap<>(row));
      }
      this.metrics = kept;
      this.metricsTotal = rows.size();
      return this;
    }

    /** Builds the report. */
    public RunReport build() {
      return new RunReport(this);
    }

    private static void checkRelative(String path) {
      Checks.arg(path != null && !path.isBlank(), "figure path must be non-blank; pass e.g."
          + " figures/loss.png");
      Checks.arg(!path.startsWith("/") && !path.contains("\\") && !path.contains(":"),
          "figure path '%s' must be relative to the run folder with '/' separators;"
              + " pass e.g. figures/loss.png", path);
      for (String part : path.split("/")) {
        Checks.arg(!part.equals("..") && !part.isEmpty(), "figure path '%s' must stay inside the"
            + " run folder without empty or '..' parts; pass e.g. figures/loss.png", path);
      }
    }
  }
}
