package ai.craik.cli;

import ai.craik.engine.RandomStreams;
import ai.craik.env.ExplorationConfig;
import ai.craik.env.Layout;
import ai.craik.env.Trajectory;
import ai.craik.env.TrajectoryGenerator;
import ai.craik.env.TwoRoomsConfig;
import ai.craik.env.TwoRoomsDynamics;
import ai.craik.env.TwoRoomsRenderer;
import ai.craik.env.TwoRoomsTask;
import ai.craik.env.TwoRoomsTasks;
import ai.craik.report.GifWriter;
import ai.craik.report.ImageGrid;
import ai.craik.report.RunReport;
import ai.craik.report.TwoRoomsFigures;
import ai.craik.run.RunDir;
import ai.craik.run.RunDirException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code craik env two-rooms}: figures of the Two Rooms environment (issue 3), drawn from real
 * observations.
 *
 * <pre>
 *   DIR/config.yaml                 the command and its settings (marks the folder as this output)
 *   DIR/figures/layouts.png         the fixed layout and sample random layouts, one observation each
 *   DIR/figures/trajectories.gif    sample random-play trajectories side by side, with trails;
 *                                   at least one built to pass through the door
 *   DIR/figures/task.gif            planning tasks: start observations, then goal images
 *   DIR/report.html                 one page with all three
 * </pre>
 *
 * <p>Randomness comes from named streams of {@code --seed} ({@code layouts}, {@code trajectories},
 * {@code replay}, {@code tasks}), so the same seed draws the same figures. An existing output is
 * overwritten only with {@code --force}; a non-empty folder holding something else is never
 * touched.
 */
@Command(name = "two-rooms", mixinStandardHelpOptions = true,
    description = {"Draw Two Rooms: sample layouts (PNG), random-play trajectories (GIF) and"
        + " planning tasks (GIF), into DIR/figures with a report at DIR/report.html."})
final class EnvTwoRoomsCommand implements Callable<Integer> {
  static final String COMMAND = "env two-rooms";
  static final String LAYOUTS = "layouts.png";
  static final String TRAJECTORIES = "trajectories.gif";
  static final String TASKS = "task.gif";

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (default: runs/env-two-rooms-<timestamp>).")
  Path out;

  @Option(names = "--force", description = "Overwrite the figures of an earlier run in DIR.")
  boolean force;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of every random stream"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = 0;

  @Option(names = "--layouts", paramLabel = "N",
      description = "Random layouts drawn besides the fixed one (default: ${DEFAULT-VALUE}).")
  int layouts = 7;

  @Option(names = "--trajectories", paramLabel = "N",
      description = "Trajectories animated side by side (default: ${DEFAULT-VALUE}).")
  int trajectories = 6;

  @Option(names = "--length", paramLabel = "T",
      description = "Steps per trajectory (default: ${DEFAULT-VALUE}).")
  int length = 90;

  @Option(names = "--tasks", paramLabel = "N",
      description = "Planning tasks shown (default: ${DEFAULT-VALUE}).")
  int tasks = 4;

  @Option(names = "--image-size", paramLabel = "R",
      description = "Observation side in pixels; the geometry scales with it"
          + " (default: ${DEFAULT-VALUE}).")
  int imageSize = 65;

  @Option(names = "--collision", paramLabel = "stop|contact",
      description = "Collision policy under which the trajectories' actions are replayed: stop"
          + " (as the offline data is generated) or contact (as in evaluation)"
          + " (default: ${DEFAULT-VALUE}).")
  String collision = "stop";

  @Option(names = "--layout", paramLabel = "random|fixed",
      description = "Layout of the trajectories and tasks (default: ${DEFAULT-VALUE}).")
  String layout = "random";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    checkRanges();
    Path dir = out != null ? out : LabRunner.defaultRunDir("env-two-rooms");
    prepare(dir, configYaml(), force);
    try {
      return draw(dir, spec.commandLine().getOut());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the figures in " + dir + ": " + e.getMessage(),
          e);
    }
  }

  private int draw(Path dir, PrintWriter console) throws IOException {
    long t0 = System.nanoTime();
    TwoRoomsConfig env = new TwoRoomsConfig(imageSize, TwoRoomsConfig.defaults().maxStep(),
        collision, TwoRoomsConfig.defaults().contactNoise(), TwoRoomsRenderer.DEFAULT_SIGMA, layout);
    RandomStreams streams = new RandomStreams(seed);
    TwoRoomsRenderer renderer = new TwoRoomsRenderer(env.imageSize(), env.sigma());
    Path figures = dir.resolve(RunDir.FIGURES);

    // Layouts: the fixed one first, then random ones, each with the dot somewhere free.
    SplittableRandom layoutRng = streams.stream("layouts");
    List<Layout> shownLayouts = new ArrayList<>();
    List<double[]> dots = new ArrayList<>();
    shownLayouts.add(Layout.fixed());
    for (int i = 0; i < layouts; i++) {
      shownLayouts.add(Layout.random(layoutRng));
    }
    for (Layout l : shownLayouts) {
      dots.add(TrajectoryGenerator.uniformFree(l, layoutRng));
    }
    ImageGrid layoutFigure = TwoRoomsFigures.layouts(renderer, shownLayouts, dots,
        Math.min(4, shownLayouts.size()));
    layoutFigure.savePng(figures.resolve(LAYOUTS));

    // Trajectories: random play, replayed under the chosen collision policy.
    List<Trajectory> sample = sampleTrajectories(streams.stream("trajectories"), env);
    TwoRoomsDynamics dynamics = TwoRoomsDynamics.of(env);
    List<Trajectory> replayed = new ArrayList<>();
    int blocked = 0;
    int door = 0;
    for (int i = 0; i < sample.size(); i++) {
      int[] count = new int[1];
      replayed.add(replay(sample.get(i), dynamics, streams.stream("replay", i), count));
      blocked += count[0];
      door += sample.get(i).throughDoor() ? 1 : 0;
    }
    List<BufferedImage> trajectoryFrames = TwoRoomsFigures.trajectoryFrames(renderer, replayed,
        Math.min(3, replayed.size()), 120, String.format(Locale.ROOT, "%s; blue: trail, pink cross:"
            + " start; actions replayed under %s collisions", TwoRoomsFigures.COLOURS,
            collision));
    int[] delays = new int[trajectoryFrames.size()];
    java.util.Arrays.fill(delays, 80);
    delays[delays.length - 1] = 2000; // hold the finished trails before looping
    GifWriter.write(figures.resolve(TRAJECTORIES), trajectoryFrames, delays, 0);

    // Planning tasks: start and goal in different rooms.
    List<TwoRoomsTask> taskList = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      taskList.add(TwoRoomsTasks.sample(streams.stream("tasks", i).nextLong(), env.randomLayout(),
          env.sigma(), TwoRoomsTasks.DEFAULT_BUDGET, TwoRoomsTasks.DEFAULT_SUCCESS_RADIUS));
    }
    List<BufferedImage> taskFrames = TwoRoomsFigures.taskFrames(renderer, taskList,
        Math.min(4, taskList.size()));
    GifWriter.write(figures.resolve(TASKS), taskFrames, 1200);

    String yaml = configYaml();
    double seconds = (System.nanoTime() - t0) / 1e9;
    writeReport(dir, yaml, shownLayouts.size(), replayed.size(), door, blocked,
        trajectoryFrames.size(), seconds);

    console.printf("wrote %s  (%d layouts: fixed + %d random)%n", figures.resolve(LAYOUTS),
        shownLayouts.size(), layouts);
    console.printf("wrote %s  (%d trajectories of %d steps, %d through the door, %d frames,"
        + " %d blocked moves under %s)%n", figures.resolve(TRAJECTORIES), replayed.size(), length,
        door, trajectoryFrames.size(), blocked, collision);
    console.printf("wrote %s  (%d tasks: start, then goal)%n", figures.resolve(TASKS), tasks);
    console.printf("wrote %s and %s in %.1f s%n", dir.resolve(RunDir.REPORT),
        dir.resolve(RunDir.CONFIG), seconds);
    return 0;
  }

  /**
   * Random-play trajectories from {@code rng}, in the order drawn; when none of the first N − 1 went
   * through the door, the last slot takes the next one that does, so the figure always shows one.
   */
  private List<Trajectory> sampleTrajectories(SplittableRandom rng, TwoRoomsConfig env) {
    TrajectoryGenerator generator = new TrajectoryGenerator(ExplorationConfig.defaults(),
        env.maxStep());
    List<Trajectory> picked = new ArrayList<>();
    boolean anyDoor = false;
    for (int attempt = 0; picked.size() < trajectories; attempt++) {
      Layout l = env.randomLayout() ? Layout.random(rng) : Layout.fixed();
      Trajectory tr = generator.generate(l, length, rng);
      boolean lastSlot = picked.size() == trajectories - 1;
      if (lastSlot && !anyDoor && !tr.throughDoor() && attempt < 10_000) {
        continue;
      }
      picked.add(tr);
      anyDoor |= tr.throughDoor();
    }
    return picked;
  }

  /** The trajectory's actions played from its start under {@code dynamics}; counts blocked moves. */
  static Trajectory replay(Trajectory tr, TwoRoomsDynamics dynamics, SplittableRandom noise,
      int[] blocked) {
    float[] a = tr.actions();
    float[] p = new float[tr.positions().length];
    p[0] = tr.positions()[0];
    p[1] = tr.positions()[1];
    double[] pos = new double[2];
    for (int t = 0; t < tr.length(); t++) {
      pos[0] = p[2 * t]; // from the stored float, as the generator moves
      pos[1] = p[2 * t + 1];
      if (dynamics.apply(tr.layout(), pos, a[2 * t], a[2 * t + 1], noise)) {
        blocked[0]++;
      }
      p[2 * t + 2] = (float) pos[0];
      p[2 * t + 3] = (float) pos[1];
    }
    return new Trajectory(tr.layout(), a, p, tr.throughDoor());
  }

  private void writeReport(Path dir, String yaml, int layoutCount, int trajectoryCount, int door,
      int blocked, int frames, double seconds) throws IOException {
    String f = RunDir.FIGURES + "/";
    RunReport.builder("craik " + COMMAND)
        .optDescription("The Two Rooms environment drawn from its real observations: a dot (a"
            + " Gaussian blob, channel 0) in a square arena split by a wall with a 9-px door"
            + " (channel 1). Random play uses the offline-data exploration policy; planning tasks"
            + " put start and goal in different rooms.")
        .addKeyFigure("seed", seed)
        .addKeyFigure("image size", imageSize + "×" + imageSize)
        .addKeyFigure("layouts", layoutCount)
        .addKeyFigure("trajectories", trajectoryCount + " × " + length + " steps")
        .addKeyFigure("through the door", door)
        .addKeyFigure("collision policy", collision)
        .addKeyFigure("blocked moves", blocked)
        .addKeyFigure("tasks", tasks)
        .addKeyFigure("seconds", String.format(Locale.ROOT, "%.1f", seconds))
        .addFigure("Figures", f + LAYOUTS, "The fixed layout (wall_x=32, door_y=18) and random"
            + " layouts (wall_x in 20..44, door_y in 10..54), one observation each.")
        .addFigure("Figures", f + TRAJECTORIES, trajectoryCount + " random-play trajectories ("
            + door + " built to pass through the door), " + frames + " frames, actions replayed"
            + " under " + collision + " collisions.")
        .addFigure("Figures", f + TASKS, "Planning tasks: the start observation, then the goal"
            + " image; the ring is the success region around the goal.")
        .optConfigYaml(yaml)
        .build().write(dir);
  }

  private String configYaml() {
    return "command: " + COMMAND + "\n"
        + "seed: " + seed + "\n"
        + "layouts: " + layouts + "\n"
        + "trajectories: " + trajectories + "\n"
        + "length: " + length + "\n"
        + "tasks: " + tasks + "\n"
        + "image_size: " + imageSize + "\n"
        + "collision: " + collision + "\n"
        + "layout: " + layout + "\n";
  }

  private void checkRanges() {
    range("--layouts", layouts, 0, 31);
    range("--trajectories", trajectories, 1, 24);
    range("--length", length, 2, 1000);
    range("--tasks", tasks, 1, 24);
    range("--image-size", imageSize, 16, 512);
    if (!collision.equals("stop") && !collision.equals("contact")) {
      throw new ParameterException(spec.commandLine(), "--collision=" + collision
          + " is not a collision policy; use stop or contact");
    }
    if (!layout.equals("random") && !layout.equals("fixed")) {
      throw new ParameterException(spec.commandLine(), "--layout=" + layout
          + " is not a layout; use random or fixed");
    }
  }

  private void range(String name, int value, int lo, int hi) {
    if (value < lo || value > hi) {
      throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
          "%s=%d must be in %d..%d", name, value, lo, hi));
    }
  }

  /**
   * Opens {@code dir} as a run folder for this command's figures: new or empty folders are taken;
   * an earlier output of this command is replaced only with {@code force}; any other folder is
   * refused (see {@link RunDir#open}).
   */
  private static void prepare(Path dir, String yaml, boolean force) {
    RunDir run = RunDir.open(dir, yaml, force, 0, "--out");
    if (run.resumed()) {
      throw new RunDirException(dir + " already holds 'craik " + COMMAND + "' figures; add"
          + " --force to overwrite them or choose another --out");
    }
  }

}
