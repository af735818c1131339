package ai.craik.run;

import ai.craik.engine.EngineInfo;
import ai.craik.engine.RandomStreams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a command's work needs from its run: the folder, the metrics log, the progress
 * listener, the seeded random streams and the engine it runs on. Created by the command line and
 * passed down; closing it closes the metrics log.
 */
public final class RunSession implements AutoCloseable {
  private final RunDir dir;
  private final MetricsLog metrics;
  private final ProgressListener progress;
  private final RandomStreams random;
  private final EngineInfo engine;
  private final String command;

  /** A session over an opened run folder. */
  public RunSession(RunDir dir, ProgressListener progress, RandomStreams random, EngineInfo engine,
      String command) {
    this.dir = dir;
    this.metrics = MetricsLog.open(dir.metrics());
    this.progress = progress;
    this.random = random;
    this.engine = engine;
    this.command = command;
  }

  /** The run folder. */
  public RunDir dir() {
    return dir;
  }

  /** The metrics log. */
  public MetricsLog metrics() {
    return metrics;
  }

  /** Where progress goes. */
  public ProgressListener progress() {
    return progress;
  }

  /** The run's named random streams. */
  public RandomStreams random() {
    return random;
  }

  /** The engine the run uses. */
  public EngineInfo engine() {
    return engine;
  }

  /** Writes {@code summary.json}: the given figures plus a {@code provenance} section. */
  public void writeSummary(Map<String, Object> figures) {
    Map<String, Object> out = new LinkedHashMap<>(figures);
    out.put("provenance", Provenance.of(command, random.seed(), engine).asMap());
    dir.writeSummary(out);
  }

  @Override
  public void close() {
    metrics.close();
  }
}
