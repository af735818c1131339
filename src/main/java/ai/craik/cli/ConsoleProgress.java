package ai.craik.cli;

import ai.craik.run.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: a live bar (step, rate, ETA, key metric) on a terminal, plain periodic lines
 * (every tenth of the work or every 30 seconds) when stderr is a pipe, a file or a CI log.
 *
 * <p>Whether stderr is a terminal is told by the launcher ({@code -Dcraik.tty=true|false}); without
 * it, a console attached to the JVM counts as a terminal.
 */
final class ConsoleProgress implements ProgressListener {
  private final PrintStream err;
  private final boolean terminal;
  private ProgressBar bar;
  private String phase;
  private String unit = "step";
  private long total;
  private long start;
  private long startNanos;
  private long lastLineNanos;
  private long lastLineStep;

  ConsoleProgress(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** A listener for this process's stderr. */
  static ConsoleProgress forStderr() {
    String tty = System.getProperty("craik.tty");
    boolean terminal = tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
    return new ConsoleProgress(System.err, terminal);
  }

  @Override
  public void start(String phase, long total, long start) {
    start(phase, total, start, "step");
  }

  @Override
  public void start(String phase, long total, long start, String unit) {
    close();
    this.unit = unit;
    this.phase = phase;
    this.total = total;
    this.start = start;
    this.startNanos = System.nanoTime();
    this.lastLineNanos = startNanos;
    this.lastLineStep = start;
    if (terminal) {
      bar = new ProgressBarBuilder()
          .setTaskName(phase)
          .setInitialMax(total)
          .startsFrom(start, Duration.ZERO)
          .setStyle(ProgressBarStyle.ASCII)
          .setUpdateIntervalMillis(250)
          .showSpeed()
          .setConsumer(new ConsoleProgressBarConsumer(err))
          .build();
    } else if (start > 0) {
      err.printf(Locale.ROOT, "[%s] resuming at %s %d/%d%n", phase, unit, start, total);
    }
  }

  @Override
  public void update(long step, String status) {
    if (bar != null) {
      bar.stepTo(step);
      bar.setExtraMessage(status);
      return;
    }
    long now = System.nanoTime();
    long tenth = Math.max(1, total / 10);
    boolean due = step == total || step - lastLineStep >= tenth || now - lastLineNanos > 30e9;
    if (!due) {
      return;
    }
    double seconds = (now - startNanos) / 1e9;
    double rate = seconds > 0 ? (step - start) / seconds : 0;
    double eta = rate > 0 ? (total - step) / rate : 0;
    // Slow units (an episode takes seconds) read better as seconds per unit than as 0.1 units/s.
    String speed = rate >= 1 || rate == 0
        ? String.format(Locale.ROOT, "%.1f %ss/s", rate, unit)
        : String.format(Locale.ROOT, "%.1f s/%s", 1 / rate, unit);
    err.printf(Locale.ROOT, "[%s] %s %d/%d (%.0f%%) %s ETA %s %s%n", phase, unit, step, total,
        100.0 * step / Math.max(1, total), speed, formatSeconds(eta), status);
    lastLineNanos = now;
    lastLineStep = step;
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  static String formatSeconds(double s) {
    long t = Math.round(s);
    return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, (t % 3600) / 60)
        : t >= 60 ? String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60) : t + "s";
  }
}
