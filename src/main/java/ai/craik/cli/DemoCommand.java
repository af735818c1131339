package ai.craik.cli;

import ai.craik.lab.PlanTwoRoomsJob;
import ai.craik.lab.WorldModelJob;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code craik demo <world>}: the flagship end-to-end runs, one command each. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "End-to-end demonstrations: two-rooms (learn the world from pixels of random play,"
        + " then plan to goal images).")
final class DemoCommand implements Runnable {
  @Spec CommandSpec spec;

  /** The layouts of --layout. */
  /** The demo's layouts: the world-model preset each trains and its measured minutes on 2 cores. */
  enum LayoutChoice {
    fixed(WorldModelJob.FIXED, 25), random(WorldModelJob.RANDOM, 45);

    final String preset;
    final int minutes;

    LayoutChoice(String preset, int minutes) {
      this.preset = preset;
      this.minutes = minutes;
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "two-rooms", mixinStandardHelpOptions = true,
      description = {"The flagship: generate random play in Two Rooms, train a JEPA world"
          + " model on its pixels (no labels, no rewards) and its learned temporal distance, then"
          + " plan to goal images in the other room with the default planner and write the"
          + " report. Two run folders under --out: world-model/ (as 'craik train world-model')"
          + " and plan/ (as 'craik plan two-rooms'). Rerunning the same command resumes where it"
          + " stopped."})
  int twoRooms(
      @Option(names = "--out", paramLabel = "DIR", description = "Folder of the two runs"
          + " (default: ${DEFAULT-VALUE}).") Path out,
      @Option(names = "--episodes", paramLabel = "N", description = "Planning tasks (default:"
          + " ${DEFAULT-VALUE}).", defaultValue = "50") int episodes,
      @Option(names = "--layout", paramLabel = "LAYOUT", description = "fixed (one wall and"
          + " door: configs/two-rooms-fixed.yaml, about 25 minutes on 2 cores) or random (a new"
          + " wall and door per episode: configs/two-rooms-random.yaml, about 45 minutes; see the"
          + " README for its success) (default: ${DEFAULT-VALUE}).",
          defaultValue = "fixed") LayoutChoice layout,
      @Option(names = "--seed", paramLabel = "N", description = "Seed of both runs (default:"
          + " ${DEFAULT-VALUE}).", defaultValue = "0") long seed,
      @Option(names = "--threads", paramLabel = "N", description = "Engine threads (default:"
          + " all cores up to 2).") Integer threads,
      @Option(names = "--force", description = "Start both runs over, deleting their previous"
          + " results.") boolean force) {
    CommandSpec sub = spec.commandLine().getSubcommands().get("two-rooms").getCommandSpec();
    if (episodes < 1) {
      throw new ParameterException(sub.commandLine(), "--episodes " + episodes
          + " must be at least 1");
    }
    Path root = out != null ? out : Path.of("runs", "demo-two-rooms-" + layout.name());
    PrintWriter o = spec.commandLine().getOut();
    o.println("craik demo two-rooms: 1/2 world model (random play generated on the fly, about "
        + layout.minutes + " minutes on 2 cores), 2/2 planning " + episodes + " tasks");
    RunOptions train = options(root.resolve("world-model"), seed, threads, force);
    int code = LabRunner.run("train", new WorldModelJob(layout.preset), train, o);
    if (code != 0) {
      return code;
    }
    RunOptions plan = options(root.resolve("plan"), seed, threads, force);
    plan.overrides.add("model=" + PlanCommand.quoted(root.resolve("world-model").toString()));
    plan.overrides.add("episodes=" + episodes);
    code = LabRunner.run("plan", new PlanTwoRoomsJob(), plan, o);
    if (code == 0) {
      o.println("open " + root.resolve("plan").resolve("report.html") + " (planning) and "
          + root.resolve("world-model").resolve("report.html") + " (the world model)");
    }
    return code;
  }

  private static RunOptions options(Path dir, long seed, Integer threads, boolean force) {
    RunOptions r = new RunOptions();
    r.runDir = dir;
    r.seed = seed;
    r.force = force;
    if (threads != null) {
      r.threads = threads;
    }
    return r;
  }
}
