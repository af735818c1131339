package ai.craik.cli;

import ai.craik.data.DataBenchmark;
import ai.craik.engine.Engines;
import ai.craik.run.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code craik bench <part>}: performance measurements against the project's targets. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure performance against the project's targets.",
    subcommands = {BenchCommand.Data.class, BenchCommand.Train.class, BenchCommand.Plan.class})
final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Writes {@code value} as indented JSON to {@code out} (atomically) when --out was given. */
  static void writeJson(PrintWriter o, Path out, Object value) throws IOException {
    if (out != null) {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      AtomicFiles.write(out, json.writeValueAsBytes(value));
      o.println("wrote " + out);
    }
  }

  /** {@code craik bench data}: data generation and batch delivery rates. */
  @Command(name = "data", mixinStandardHelpOptions = true,
      description = {"Trajectories per second generated (T = 90, all threads) and written, and"
          + " frames per second delivered by the shard reader into training batches (65x65,"
          + " 2 channels), against the targets of 10,000 trajectories/s and 50,000 frames/s on"
          + " 2 cores. Uses a temporary dataset that is deleted afterwards."})
  static final class Data implements Callable<Integer> {
    @Option(names = "--threads", paramLabel = "K",
        description = "Threads (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--trajectories", paramLabel = "N",
        description = "Trajectories generated and written (default: ${DEFAULT-VALUE}).")
    int trajectories = 20_000;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size (default:"
        + " ${DEFAULT-VALUE}).")
    int batch = 64;

    @Option(names = "--window", paramLabel = "L", description = "Frames per window (default:"
        + " ${DEFAULT-VALUE}).")
    int window = 17;

    @Option(names = "--seconds", paramLabel = "S",
        description = "Seconds the reader is timed (default: ${DEFAULT-VALUE}).")
    double seconds = 5;

    @Option(names = "--no-ndarray", description = "Skip timing the copy into NDArrays (no engine"
        + " start).")
    boolean noNdarray;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter o = spec.commandLine().getOut();
      if (!noNdarray) {
        Engines.start(1, 0);
      }
      DataBenchmark.Settings s = new DataBenchmark.Settings(trajectories, batch, window, seconds,
          threads, !noNdarray);
      Path tmp = Files.createTempDirectory("craik-bench-data");
      DataBenchmark.Result r;
      try (ConsoleProgress progress = ConsoleProgress.forStderr()) {
        r = DataBenchmark.run(s, tmp, progress);
      } finally {
        delete(tmp);
      }
      o.printf(Locale.ROOT, "generation  %,10.0f trajectories/s  (T = %d, random layout, %d"
          + " threads)  target >= %,.0f  %s%n", r.generationPerSecond(), DataBenchmark.LENGTH,
          threads, DataBenchmark.GENERATION_TARGET,
          verdict(r.generationPerSecond() >= DataBenchmark.GENERATION_TARGET));
      o.printf(Locale.ROOT, "write       %,10.0f trajectories/s  (%d trajectories as .npz shards"
          + " with SHA-256 and fsync)%n", r.writePerSecond(), trajectories);
      o.printf(Locale.ROOT, "reader      %,10.0f frames/s        (shard source, B = %d, L = %d,"
          + " 2x65x65 float32, %d threads, %d shard loads)  target >= %,.0f  %s%n",
          r.readerFramesPerSecond(), batch, window, threads, r.shardLoads(),
          DataBenchmark.READER_TARGET,
          verdict(r.readerFramesPerSecond() >= DataBenchmark.READER_TARGET));
      if (!Double.isNaN(r.ndarrayFramesPerSecond())) {
        o.printf(Locale.ROOT, "to NDArray  %,10.0f frames/s        (the same, copied into"
            + " NDArrays)%n", r.ndarrayFramesPerSecond());
      }
      o.printf(Locale.ROOT, "load        %.2f before, %.2f after (1-minute load average, %d"
          + " cpus; other work on the cores lowers every rate)%n", r.loadBefore(), r.loadAfter(),
          r.cpus());
      writeJson(o, out, r.asMap());
      return 0;
    }

    private static String verdict(boolean ok) {
      return ok ? "ok" : "BELOW TARGET";
    }

    private static void delete(Path dir) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the benchmark's temporary folder " + dir, e);
      }
    }
  }

  /** {@code craik bench train}: world-model training speed and the fraction of peak it reaches. */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = {"World-model training speed for a preset: training steps/s and frames/s,"
          + " encoder forward+backward frames/s, the encoder's FLOPs per frame and the machine's"
          + " matmul rate (the achieved fraction of peak)."})
  static final class Train implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE",
        description = "Preset file merged over configs/two-rooms-quick.yaml.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key.")
    java.util.List<String> overrides = new java.util.ArrayList<>();

    @Option(names = "--steps", paramLabel = "N", description = "Timed steps (default:"
        + " ${DEFAULT-VALUE}).")
    int steps = 10;

    @Option(names = "--warmup", paramLabel = "N", description = "Untimed warm-up steps"
        + " (default: ${DEFAULT-VALUE}).")
    int warmup = 3;

    @Option(names = "--threads", paramLabel = "N", description = "Engine threads (default:"
        + " ${DEFAULT-VALUE}).")
    int threads = RunOptions.defaultThreads();

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      ai.craik.config.Checks.arg(steps >= 1 && warmup >= 0,
          "--steps must be >= 1 and --warmup >= 0, got %s and %s", steps, warmup);
      PrintWriter o = spec.commandLine().getOut();
      ai.craik.train.WorldModelConfig cfg = ai.craik.config.ConfigLoader.load(
          ai.craik.train.WorldModelConfig.class, "two-rooms-quick", config, overrides).value();
      Engines.start(threads, 0);
      ai.craik.train.WorldModelBenchmark.Result r;
      try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
        r = ai.craik.train.WorldModelBenchmark.run(cfg, warmup, steps, m);
      }
      o.printf(Locale.ROOT, "training   %6.2f steps/s  %,8.0f frames/s  (B = %d, L = %d, %dx%d,"
          + " D = %d, %d threads)%n", r.stepsPerSecond(), r.trainFramesPerSecond(), r.batch(),
          r.window(), r.imageSize(), r.imageSize(), r.latentDim(), threads);
      o.printf(Locale.ROOT, "encoder    %,8.0f frames/s forward+backward, %.1f MFLOP/frame"
          + " forward -> %.1f GFLOP/s achieved%n", r.encoderFramesPerSecond(),
          r.encoderFlopsPerFrame() / 1e6, r.achievedGflops());
      o.printf(Locale.ROOT, "machine    %.1f GFLOP/s float32 matmul (1024^3) -> %.0f%% of peak%n",
          r.matmulGflops(), 100 * r.fractionOfPeak());
      writeJson(o, out, r.asMap());
      return 0;
    }
  }

  /** {@code craik bench plan}: planning time per re-plan and per episode for each planner. */
  @Command(name = "plan", mixinStandardHelpOptions = true,
      description = {"Planning speed of each planner at the settings of"
          + " configs/plan-two-rooms.yaml through a trained world model: seconds per cold plan and"
          + " per warm re-plan (medians), planning seconds per measured episode and per full"
          + " 200-step episode, imagined candidate-steps per second, against the compute budget"
          + " candidates x iterations x horizon."})
  static final class Plan implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "RUN_DIR",
        description = "Run folder of a trained world model ('craik train world-model').")
    Path model;

    @Option(names = "--planner", paramLabel = "NAME", description = "cem, mppi, gradient,"
        + " hybrid or all (default: ${DEFAULT-VALUE}).")
    String planner = "all";

    @Option(names = "--episodes", paramLabel = "N", description = "Episodes per planner"
        + " (default: ${DEFAULT-VALUE}).")
    int episodes = 3;

    @Option(names = "--config", paramLabel = "FILE",
        description = "Preset file merged over configs/plan-two-rooms.yaml.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key.")
    java.util.List<String> overrides = new java.util.ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", description = "First task seed (default:"
        + " ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--threads", paramLabel = "N", description = "Engine threads (default:"
        + " ${DEFAULT-VALUE}).")
    int threads = RunOptions.defaultThreads();

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (!Files.isDirectory(model)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--model " + model
            + " is not a folder; pass the run folder of a world model trained with 'craik train"
            + " world-model'");
      }
      if (episodes < 1) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--episodes "
            + episodes + " must be at least 1");
      }
      java.util.List<String> planners = "all".equals(planner)
          ? ai.craik.plan.TwoRoomsPlanConfig.PLANNERS : java.util.List.of(planner);
      if (!ai.craik.plan.TwoRoomsPlanConfig.PLANNERS.containsAll(planners)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--planner "
            + planner + " is not one of " + ai.craik.plan.TwoRoomsPlanConfig.PLANNERS + " or all");
      }
      java.util.List<String> keys = new java.util.ArrayList<>();
      keys.add("model=" + PlanCommand.quoted(model.toString()));
      keys.addAll(overrides);
      ai.craik.plan.TwoRoomsPlanConfig cfg = ai.craik.config.ConfigLoader.load(
          ai.craik.plan.TwoRoomsPlanConfig.class, "plan-two-rooms", config, keys).value();
      PrintWriter o = spec.commandLine().getOut();
      Engines.start(threads, seed);
      java.util.List<ai.craik.plan.PlanBenchmark.Row> rows;
      String layout;
      try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager();
          ai.craik.train.TrainedWorldModel wm = ai.craik.train.TrainedWorldModel.load(model, m);
          ConsoleProgress progress = ConsoleProgress.forStderr()) {
        boolean random = cfg.randomLayout(wm);
        layout = random ? "random" : "fixed";
        rows = ai.craik.plan.PlanBenchmark.run(wm, cfg, planners, episodes, seed, random, m,
            progress);
      }
      o.printf(Locale.ROOT, "planning through %s (%s layout, cost %s, %d threads, %d episodes"
          + " per planner)%n", model, layout, cfg.defaultVariant().label(), threads, episodes);
      o.printf(Locale.ROOT, "%-9s %26s %10s %10s %12s %12s %14s %9s%n", "planner",
          "budget (cand x it x H)", "cold plan", "re-plan", "episode", "full episode",
          "imagined/s", "success");
      java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
      for (ai.craik.plan.PlanBenchmark.Row r : rows) {
        String budget = String.format(Locale.ROOT, "%d x %d/%d x %d", r.candidates(),
            r.coldIterations(), r.warmIterations(), r.horizon());
        o.printf(Locale.ROOT, "%-9s %26s %9.3fs %9.3fs %11.2fs %11.2fs %,14.0f %6d/%d%n",
            r.planner(), budget, r.coldSeconds(), r.warmSeconds(), r.episodeSeconds(),
            r.fullEpisodeSeconds(), r.stepsPerSecond(), r.successes(), r.episodes());
        json.put(r.planner(), r.asMap());
      }
      o.println("(medians; planner calls only. A full episode is one cold plan and the warm"
          + " re-plans of the whole budget; measured episodes end early on success.)");
      writeJson(o, out, java.util.Map.of("planners", json));
      return 0;
    }
  }
}
