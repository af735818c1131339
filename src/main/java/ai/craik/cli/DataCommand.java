package ai.craik.cli;

import ai.craik.data.DatasetSpec;
import ai.craik.data.TwoRoomsDatasetWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code craik data <dataset>}: offline datasets for world-model training. */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = "Generate offline datasets for world-model training.",
    subcommands = {DataCommand.TwoRoomsData.class})
final class DataCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code craik data two-rooms}: random-play trajectories of Two Rooms as NumPy shards. */
  @Command(name = "two-rooms", mixinStandardHelpOptions = true,
      description = {"Random-play trajectories of Two Rooms as NumPy .npz shards plus dataset.json.",
          "Keys per shard: actions float32 [n,T,2], positions float32 [n,T+1,2], wall_x int32 [n],"
              + " door_y int32 [n], through_door uint8 [n], and with --with-observations R"
              + " observations uint8 [n,T+1,2,R,R].",
          "Rerunning with the same settings resumes or repairs the dataset (intact shards are"
              + " kept); other settings are refused without --force."})
  static final class TwoRoomsData implements Callable<Integer> {
    @Option(names = "--trajectories", paramLabel = "N", required = true,
        description = "Number of trajectories.")
    int trajectories;

    @Option(names = "--length", paramLabel = "T", required = true,
        description = "Steps per trajectory (T actions, T+1 positions).")
    int length;

    @Option(names = "--layout", paramLabel = "fixed|random", defaultValue = "fixed",
        description = "fixed (wall_x 32, door_y 18) or random (drawn per trajectory);"
            + " default: ${DEFAULT-VALUE}.")
    String layout;

    @Option(names = "--out", paramLabel = "DIR", required = true,
        description = "Dataset folder (created if missing).")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--threads", paramLabel = "K",
        description = "Generator threads (default: all cores, ${DEFAULT-VALUE}); the output does"
            + " not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--shard-size", paramLabel = "M",
        description = "Trajectories per shard (default: ${DEFAULT-VALUE}).")
    int shardSize = 1000;

    @Option(names = "--with-observations", paramLabel = "R",
        description = "Also store rendered observations uint8 [n,T+1,2,R,R] (R in 16..1024)"
            + " for use outside Craik.")
    int observations = 0;

    @Option(names = "--force",
        description = "Overwrite a dataset made with other settings (deletes its shards).")
    boolean force;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      DatasetSpec data = DatasetSpec.of(trajectories, length, layout, seed, shardSize,
          observations);
      TwoRoomsDatasetWriter.Result r;
      try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
        r = new TwoRoomsDatasetWriter(data, threads).write(out(), force, progress);
      }
      double rate = r.trajectoriesWritten() / Math.max(r.seconds(), 1e-9);
      if (r.shardsWritten() == 0) {
        out.printf(Locale.ROOT, "dataset %s is complete: %d shards verified, nothing to"
            + " generate%n", r.dir(), r.shardsKept());
      } else if (r.shardsKept() > 0) {
        out.printf(Locale.ROOT, "resumed %s: kept %d intact shards, generated %d shards (%d"
            + " trajectories) in %.1f s%n", r.dir(), r.shardsKept(), r.shardsWritten(),
            r.trajectoriesWritten(), r.seconds());
      } else {
        out.printf(Locale.ROOT, "wrote %d trajectories of %d steps in %d shards to %s in %.1f s"
            + " (%.0f trajectories/s, %d threads)%n", r.trajectoriesWritten(), length,
            r.shardsWritten(), r.dir(), r.seconds(), rate, threads);
      }
      return 0;
    }

    private Path out() {
      return out;
    }
  }
}
