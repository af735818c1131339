package ai.craik.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by every command that writes a run folder. */
final class RunOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "YAML file merged over the command's built-in preset.")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one config key, e.g. --set train.steps=100 (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--run-dir", paramLabel = "DIR",
      description = "Run folder (default: runs/<command>-<timestamp>). An existing run folder with"
          + " the same config resumes from its latest checkpoint.")
  Path runDir;

  @Option(names = "--force",
      description = "Start the run folder over, deleting its previous results.")
  boolean force;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of every random stream"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = 0;

  @Option(names = "--threads", paramLabel = "N",
      description = "Intra-op engine threads (default: ${DEFAULT-VALUE}). Same seed and same"
          + " thread count give identical results.")
  int threads = defaultThreads();

  static int defaultThreads() {
    return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
  }
}
