package ai.craik.cli;

import ai.craik.config.ConfigLoader;
import ai.craik.config.ResolvedConfig;
import ai.craik.engine.EngineInfo;
import ai.craik.engine.Engines;
import ai.craik.engine.RandomStreams;
import ai.craik.lab.LabOutcome;
import ai.craik.lab.LabProblem;
import ai.craik.report.RunReport;
import ai.craik.run.MetricsLog;
import ai.craik.run.RunDir;
import ai.craik.run.RunSession;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Runs one lab problem the way every run-writing command runs: resolve the config, start the
 * engine, open (or resume) the run folder, do the work, write summary.json and report.html.
 */
final class LabRunner {
  private LabRunner() {}

  static <C> int run(String group, LabProblem<C> problem, RunOptions o, PrintWriter out) {
    return run(group, problem, o, out, ConfigLoader.load(problem.configType(),
        problem.preset(group), o.config, o.overrides));
  }

  /** As {@link #run}, with the config already resolved (e.g. with a section file merged in). */
  static <C> int run(String group, LabProblem<C> problem, RunOptions o, PrintWriter out,
      ResolvedConfig<C> cfg) {
    String command = group + " " + problem.name();
    problem.validate(cfg.value());
    String yaml = "command: " + command + "\nseed: " + o.seed + "\n" + cfg.yaml();
    Path dir = o.runDir != null ? o.runDir : defaultRunDir(group + "-" + problem.name());
    EngineInfo engine = Engines.start(o.threads, o.seed);
    RunDir run = RunDir.open(dir, yaml, o.force, 3);
    out.println((run.resumed() ? "resuming run " : "run ") + run.root());
    long t0 = System.nanoTime();
    try (RunSession session = new RunSession(run, ConsoleProgress.forStderr(),
            new RandomStreams(o.seed), engine, command);
        NDManager manager = NDManager.newBaseManager()) {
      LabOutcome outcome = problem.run(cfg.value(), session, manager);
      session.writeSummary(outcome.summary());
      RunReport.Builder report = RunReport.builder("craik " + command)
          .optDescription(problem.description());
      outcome.keyFigures().forEach(report::addKeyFigure);
      report.addKeyFigure("seconds", String.format(java.util.Locale.ROOT, "%.1f",
          (System.nanoTime() - t0) / 1e9));
      for (LabOutcome.Table t : outcome.tables()) {
        report.addTable(t.title(), t.caption(), t.columns(), t.rows());
      }
      for (LabOutcome.DrawnFigure f : outcome.figures()) {
        report.addFigure("Figures", RunDir.FIGURES + "/" + f.fileName(), f.caption());
      }
      report.optSummaryJson(Files.readString(run.summary()))
          .optConfigYaml(yaml)
          .optMetrics(MetricsLog.read(run.metrics()), 12)
          .build().write(run.root());
      printKeyFigures(out, outcome.keyFigures());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report of " + run.root(), e);
    }
    out.printf("wrote %s, %s and %d figures in %s%n", RunDir.SUMMARY, RunDir.REPORT,
        countFigures(run), run.root());
    return 0;
  }

  private static long countFigures(RunDir run) {
    try (var s = Files.list(run.figures())) {
      return s.count();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void printKeyFigures(PrintWriter out, Map<String, Object> figures) {
    int width = figures.keySet().stream().mapToInt(String::length).max().orElse(0);
    figures.forEach((k, v) -> out.printf("  %-" + width + "s  %s%n", k, format(v)));
  }

  private static String format(Object v) {
    return v instanceof Double d ? String.format(java.util.Locale.ROOT, "%.4f", d) : String.valueOf(v);
  }

  /** runs/NAME-yyyyMMdd-HHmmss, with a numeric suffix if that folder exists. */
  static Path defaultRunDir(String name) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path base = Path.of("runs", name + "-" + stamp);
    Path dir = base;
    for (int i = 2; Files.exists(dir); i++) {
      dir = Path.of(base + "-" + i);
    }
    return dir;
  }
}
