package ai.craik.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

  private static RunReport.Builder sample() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int step = 0; step < 50; step++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("step", (long) step);
      row.put("loss/pred", 1.0 / (step + 1));
      rows.add(row);
    }
    rows.get(49).put("note", "diverged?");
    return RunReport.builder("EBM <two moons> & friends")
        .optDescription("First paragraph.\n\nSecond <b>paragraph</b>.")
        .addKeyFigure("final loss", 0.0123456789)
        .addKeyFigure("steps", 2000.0)
        .addKeyFigure("comment", "<script>alert('x')</script>")
        .addFigure("Training", "figures/loss.png", "Loss per step")
        .addFigure("Energy", "figures/energy map.png", "Energy & -grad F")
        .optSummaryJson("{\"seed\":7,\"note\":\"<script>bad()</script>\",\"nested\":{\"a\":[1,2]}}")
        .optConfigYaml("train:\n  steps: 2000\n  lr: 1e-3  # <tuned>\n")
        .optMetrics(rows, 5);
  }

  @Test
  void pageEscapesEveryCallerTextAndLinksFiguresRelatively() {
    String html = sample().build().toHtml();

    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(html).contains("<title>EBM &lt;two moons&gt; &amp; friends</title>");
    assertThat(html).contains("<h1>EBM &lt;two moons&gt; &amp; friends</h1>");
    assertThat(html).contains("<p class=\"desc\">First paragraph.</p>");
    assertThat(html).contains("<p class=\"desc\">Second &lt;b&gt;paragraph&lt;/b&gt;.</p>");
    assertThat(html).doesNotContain("<script").doesNotContain("<b>");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(html).contains("<th>final loss</th><td class=\"num\">0.012346</td>");
    assertThat(html).contains("<th>steps</th><td class=\"num\">2000</td>");
    assertThat(html).contains("<img src=\"figures/loss.png\" alt=\"Loss per step\">");
    assertThat(html).contains("<img src=\"figures/energy%20map.png\"");
    assertThat(html).contains("<figcaption>Energy &amp; -grad F</figcaption>");
    assertThat(html.indexOf("<h2>Training</h2>")).isLessThan(html.indexOf("<h2>Energy</h2>"));
    // summary: pretty-printed (one key per line) and escaped
    assertThat(html).contains("&quot;seed&quot; : 7");
    assertThat(html).contains("&lt;script&gt;bad()&lt;/script&gt;");
    assertThat(html).contains("train:\n  steps: 2000\n  lr: 1e-3  # &lt;tuned&gt;");
    // no external resources
    assertThat(html).doesNotContain("http://").doesNotContain("https://")
        .doesNotContain("<link").doesNotContain("@import");
  }

  @Test
  void metricsTableShowsOnlyTheLastRowsWithTheUnionOfColumns() {
    String html = sample().build().toHtml();
    String metrics = html.substring(html.indexOf("<section id=\"metrics\">"));
    metrics = metrics.substring(0, metrics.indexOf("</section>"));

    assertThat(metrics).contains("Last 5 of 50 rows.");
    assertThat(metrics).contains("<tr><th>step</th><th>loss/pred</th><th>note</th></tr>");
    assertThat(metrics).contains("<td class=\"num\">45</td>").contains("<td class=\"num\">49</td>");
    assertThat(metrics).doesNotContain("<td class=\"num\">44</td>");
    assertThat(metrics).contains("<td class=\"num\">0.02</td>"); // 1/50
    assertThat(metrics).contains("<td>diverged?</td>");
    assertThat(metrics.split("<tr>", -1)).hasSize(1 + 1 + 5); // text before, header, 5 rows
  }

  @Test
  void writesReportHtmlAtomicallyAndReplacesAnOldOne(@TempDir Path runDir) throws Exception {
    Files.writeString(runDir.resolve("report.html"), "old");
    Path written = sample().build().write(runDir);

    assertThat(written).isEqualTo(runDir.resolve("report.html"));
    String html = Files.readString(written, StandardCharsets.UTF_8);
    assertThat(html).isEqualTo(sample().build().toHtml());
    try (Stream<Path> files = Files.list(runDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.html");
    }
  }

  @Test
  void samePartsGiveTheSamePage() {
    assertThat(sample().build().toHtml()).isEqualTo(sample().build().toHtml());
  }

  @Test
  void rejectsBadInputNamingTheFix(@TempDir Path dir) {
    assertThatThrownBy(() -> RunReport.builder(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("report title must be non-blank");
    assertThatThrownBy(() -> RunReport.builder("t").addFigure("s", "../secret.png", "c"))
        .hasMessageContaining("'../secret.png' must stay inside the run folder");
    assertThatThrownBy(() -> RunReport.builder("t").addFigure("s", "/abs/x.png", "c"))
        .hasMessageContaining("must be relative to the run folder");
    assertThatThrownBy(() -> RunReport.builder("t").addFigure("s", "javascript:alert(1)", "c"))
        .hasMessageContaining("must be relative to the run folder");
    assertThatThrownBy(() -> RunReport.builder("t").optSummaryJson("{\"seed\": 7"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("summary JSON does not parse");
    assertThatThrownBy(() -> RunReport.builder("t").optMetrics(List.of(), 0))
        .hasMessageContaining("lastN=0 must be positive");
    assertThatThrownBy(() -> RunReport.builder("t").build().write(dir.resolve("missing")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void tablesAreShownAfterTheKeyFiguresWithEscapedFormattedCells() {
    String html = RunReport.builder("t").addKeyFigure("k", 1.0)
        .addTable("Planners <compared>", "caption & more", List.of("planner", "success"),
            List.of(List.of("mppi", 0.123456789), java.util.Arrays.asList("<cem>", null)))
        .addFigure("Figures", "figures/a.png", "a").build().toHtml();
    assertThat(html).contains("<h2>Planners &lt;compared&gt;</h2>")
        .contains("caption &amp; more").contains("<th>planner</th><th>success</th>")
        .contains("<td>mppi</td><td class=\"num\">0.12346</td>")
        .contains("<td>&lt;cem&gt;</td><td>\u2014</td>");
    assertThat(html.indexOf("Key figures")).isLessThan(html.indexOf("Planners"));
    assertThat(html.indexOf("Planners")).isLessThan(html.indexOf("figures/a.png"));
    assertThatThrownBy(() -> RunReport.builder("t").addTable("x", "", List.of("a", "b"),
        List.of(List.of(1)))).hasMessageContaining("1 values for 2 columns");
  }
}
