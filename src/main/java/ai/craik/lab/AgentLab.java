package ai.craik.lab;

import ai.craik.agent.Agent;
import ai.craik.agent.AgentConfig;
import ai.craik.agent.Configurator;
import ai.craik.agent.Critic;
import ai.craik.agent.EpisodeRecord;
import ai.craik.agent.GoalSchedule;
import ai.craik.agent.Policy;
import ai.craik.agent.ShortTermMemory;
import ai.craik.config.ConfigException;
import ai.craik.env.CollisionPolicy;
import ai.craik.env.TwoRooms;
import ai.craik.env.TwoRoomsConfig;
import ai.craik.env.TwoRoomsRenderer;
import ai.craik.env.TwoRoomsTask;
import ai.craik.env.TwoRoomsTasks;
import ai.craik.eval.WilsonInterval;
import ai.craik.lab.LabOutcome.DrawnFigure;
import ai.craik.plan.TwoRoomsSystem;
import ai.craik.plan.TwoRoomsEpisode.Observation;
import ai.craik.report.GifWriter;
import ai.craik.report.TwoRoomsFigures;
import ai.craik.run.Checkpoint;
import ai.craik.run.RunDir;
import ai.craik.run.RunSession;
import ai.craik.train.TrainedWorldModel;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the three agent commands share: the world model, the Two Rooms episodes an agent runs
 * (seeded tasks, the configurator's goals, CONTACT collisions), the resumable episode log, the
 * per-mode statistics of summary.json, the GIFs, and loading or saving the learned parts (policy,
 * critic, memory) as checkpoints of a run folder.
 */
final class AgentLab implements AutoCloseable {
  /** Checkpoint phases. */
  static final String POLICY = "policy";
  static final String CRITIC = "critic";
  static final String MEMORY = "memory";
  static final String EPISODES = "episodes.jsonl";
  private static final int GIF_FRAMES = 100;
  private static final int MEMORY_EVERY = 5;

  final AgentConfig cfg;
  final RunSession session;
  final NDManager manager;
  final TrainedWorldModel model;
  final boolean randomLayout;
  final TwoRoomsRenderer renderer;
  final EpisodeLog log;
  final List<DrawnFigure> gifs = new ArrayList<>();
  private final TwoRoomsConfig env;

  AgentLab(AgentConfig cfg, RunSession session, NDManager manager) {
    this.cfg = cfg;
    this.session = session;
    this.manager = manager;
    this.model = TrainedWorldModel.load(Path.of(cfg.model()), manager);
    this.randomLayout = "model".equals(cfg.layout())
        ? "random".equals(model.config().data().layout()) : "random".equals(cfg.layout());
    this.renderer = new TwoRoomsRenderer(model.imageSize(), model.config().env().sigma());
    this.log = new EpisodeLog(session.dir().root().resolve(EPISODES), session.dir().resumed());
    TwoRoomsConfig d = TwoRoomsConfig.defaults();
    this.env = new TwoRoomsConfig(model.imageSize(), model.config().env().maxStep(),
        d.collision(), d.contactNoise(), model.config().env().sigma(), d.layout())
        .withCollision(CollisionPolicy.CONTACT);
  }

  /** Policy max norm in model action units. */
  double maxNorm() {
    return cfg.task().maxNorm() / model.worldUnitsPerAction();
  }

  /** A fresh policy with the distill settings. */
  Policy newPolicy() {
    return new Policy(manager, model.latentDim(), model.actionDim(),
        cfg.distill().hidden().stream().mapToInt(Integer::intValue).toArray(), maxNorm(),
        session.random().stream("policy-init"));
  }

  /** A fresh critic with the critic_training settings. */
  Critic newCritic() {
    return new Critic(manager, model.latentDim(),
        cfg.criticTraining().hidden().stream().mapToInt(Integer::intValue).toArray(),
        cfg.criticTraining().gamma(), session.random().stream("critic-init"));
  }

  /** The policy saved in run folder {@code dir} (of 'craik agent distill'), or null for "". */
  Policy loadPolicy(String dir) {
    if (dir.isBlank()) {
      return null;
    }
    Checkpoint c = readPart(dir, POLICY, "distill");
    int[] hidden = ints(c.meta().get("hidden"));
    Policy p = new Policy(manager, model.latentDim(), model.actionDim(), hidden,
        ((Number) c.meta().get("max_norm")).doubleValue(),
        new SplittableRandom(0));
    p.restore(c.arrays());
    return p;
  }

  /** The critic saved in run folder {@code dir} (of 'craik agent critic'), or null for "". */
  Critic loadCritic(String dir) {
    if (dir.isBlank()) {
      return null;
    }
    Checkpoint c = readPart(dir, CRITIC, "critic");
    Critic k = new Critic(manager, model.latentDim(), ints(c.meta().get("hidden")),
        ((Number) c.meta().get("gamma")).doubleValue(), new SplittableRandom(0));
    k.restore(c.arrays());
    return k;
  }

  private Checkpoint readPart(String dir, String phase, String command) {
    Path file = Path.of(dir).resolve(RunDir.CHECKPOINTS).resolve(phase + "-latest.ckpt");
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(dir + " holds no " + phase + " (" + RunDir.CHECKPOINTS + "/"
          + phase + "-latest.ckpt); pass the run folder of 'craik agent " + command + "'");
    }
    Checkpoint c = Checkpoint.read(file, manager);
    Object d = c.meta().get("latent_dim");
    if (!(d instanceof Number n) || n.intValue() != model.latentDim()) {
      throw new ConfigException(dir + "'s " + phase + " takes latents of " + d + " values, the"
          + " world model's have " + model.latentDim() + "; pass a " + phase + " trained on"
          + " this world model");
    }
    return c;
  }

  private static int[] ints(Object list) {
    return ((List<?>) list).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
  }

  /** Saves {@code policy} as this run's policy checkpoint. */
  void savePolicy(Policy policy, long step) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("hidden", cfg.distill().hidden());
    meta.put("max_norm", maxNorm());
    meta.put("latent_dim", model.latentDim());
    session.dir().saveCheckpoint(POLICY, step, meta, policy.state(manager));
  }

  /** Saves {@code critic} as this run's critic checkpoint. */
  void saveCritic(Critic critic, long step) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("hidden", cfg.criticTraining().hidden());
    meta.put("gamma", cfg.criticTraining().gamma());
    meta.put("latent_dim", model.latentDim());
    session.dir().saveCheckpoint(CRITIC, step, meta, critic.state(manager));
  }

  /** The task of evaluation episode i (seed + i) or collection episode i. */
  TwoRoomsTask task(int i, boolean collect) {
    long seed = session.random().seed() + i + (collect ? AgentConfig.COLLECT_SEED_OFFSET : 0);
    return TwoRoomsTasks.sample(seed, randomLayout, model.config().env().sigma(),
        cfg.task().budget(), cfg.task().successRadius());
  }

  /**
   * Mode-2 (or whatever {@code configurator} is set to) on {@code count} collection tasks, writing
   * into {@code memory}; the memory is checkpointed every few episodes, so an interrupted
   * collection resumes from its last checkpoint (episodes after it run again).
   */
  void collect(String group, Configurator configurator, ShortTermMemory memory, int count,
      boolean storeImagined) {
    int start = 0;
    if (!cfg.memory().from().isBlank()) { // a collection of another run, read as it is
      Path file = Path.of(cfg.memory().from()).resolve(RunDir.CHECKPOINTS)
          .resolve(MEMORY + "-latest.ckpt");
      if (!Files.isRegularFile(file)) {
        throw new ConfigException("memory.from=" + cfg.memory().from() + " holds no collected"
            + " memory (" + RunDir.CHECKPOINTS + "/" + MEMORY + "-latest.ckpt); pass the run"
            + " folder of 'craik agent distill' or 'craik agent critic', or set memory.from to \"\"");
      }
      var arrays = Checkpoint.read(file, manager).arrays();
      long d = arrays.get("memory.states").getShape().get(1);
      if (d != model.latentDim()) {
        throw new ConfigException("memory.from=" + cfg.memory().from() + " holds latents of " + d
            + " values, the world model's have " + model.latentDim() + "; pass a memory"
            + " collected through this world model");
      }
      memory.writeAll(arrays);
      return;
    }
    var saved = session.dir().loadLatestCheckpoint(MEMORY, manager);
    if (saved.isPresent()) {
      memory.writeAll(saved.get().arrays());
      start = (int) saved.get().step();
    }
    log.truncate(group, start);
    if (start >= count) {
      return;
    }
    Agent<Observation> agent = configurator.agent(memory, storeImagined);
    session.progress().start("collect (mode " + configurator.mode().label() + ")", count, start,
        "episode");
    try {
      for (int i = start; i < count; i++) {
        Map<String, Object> row = runEpisode(agent, configurator, group, i, task(i, true), false);
        log.append(row);
        session.progress().update(i + 1, status(log.rows(group, count)));
        if ((i + 1) % MEMORY_EVERY == 0 || i + 1 == count) {
          session.dir().saveCheckpoint(MEMORY, i + 1, Map.of("episodes", i + 1, "latent_dim",
              model.latentDim()), memory.toArrays(manager));
        }
      }
    } finally {
      session.progress().close();
    }
  }

  /**
   * Evaluates {@code configurator} on {@code count} tasks (seed + i) under {@code group}, resuming
   * from the log; the first {@code cfg.gifs()} episodes are drawn. Returns the rows in order.
   */
  List<Map<String, Object>> evaluate(String group, Configurator configurator, int count) {
    Map<Integer, Map<String, Object>> have = log.group(group);
    Agent<Observation> agent = configurator.agent(new ShortTermMemory(cfg.memory().capacity()),
        false);
    session.progress().start(group, count, (int) have.keySet().stream().filter(i -> i < count)
        .count(), "episode");
    try {
      for (int i = 0; i < count; i++) {
        if (i < cfg.gifs()) {
          gifs.add(new DrawnFigure(gifName(group, i), group + ", episode " + i + ": the dot"
              + " (amber), its path (blue) and the goal region (green ring; for waypoints the"
              + " last)."));
        }
        if (have.containsKey(i)) {
          continue;
        }
        log.append(runEpisode(agent, configurator, group, i, task(i, false), i < cfg.gifs()));
        session.progress().update(log.rows(group, count).size(), status(log.rows(group,
            count)));
      }
    } finally {
      session.progress().close();
    }
    return log.rows(group, count);
  }

  private Map<String, Object> runEpisode(Agent<Observation> agent, Configurator configurator,
      String group, int i, TwoRoomsTask task, boolean gif) {
    TwoRooms world = new TwoRooms(env);
    world.reset(task);
    List<double[]> goals = configurator.goalPositions(task, model.config().env().sigma());
    List<double[]> route = configurator.route(task, goals, world.observation(), manager);
    GoalSchedule schedule = configurator.goals(task, route, renderer, manager);
    TwoRoomsSystem system = new TwoRoomsSystem(world, model.worldUnitsPerAction());
    List<double[]> path = system.path();
    EpisodeRecord r = agent.run(i, system, configurator.success(goals), schedule,
        cfg.task().budget(), session.random().stream("agent-" + group, i), manager);
    double[] end = path.get(path.size() - 1);
    double[] last = goals.get(goals.size() - 1);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("group", group);
    m.put("episode", i);
    m.put("task_seed", task.seed());
    m.put("wall_x", task.layout().wallX());
    m.put("door_y", task.layout().doorY());
    m.put("goals", goals.stream().map(AgentLab::round).toList());
    m.put("success", r.success());
    m.put("steps", r.steps());
    m.put("final_distance_px", StrictMath.hypot(end[0] - last[0], end[1] - last[1]));
    m.put("decision_seconds", r.decisionSeconds());
    m.put("planning_seconds", r.planningSeconds());
    m.put("memory_seconds", r.memorySeconds());
    m.put("seconds_per_action", r.secondsPerAction());
    m.put("plans", r.plans());
    m.put("mode1_share", r.mode1Share());
    m.put("switch_steps", r.switchSteps());
    m.put("sub_goals", route.size());
    m.put("mean_intrinsic_cost", r.meanCost());
    m.put("gif", gif ? gifName(group, i) : null);
    if (gif) {
      draw(task, path, last, group, i, r.success());
    }
    return m;
  }

  private void draw(TwoRoomsTask task, List<double[]> path, double[] goal, String group, int i,
      boolean success) {
    double[][] p = path.toArray(double[][]::new);
    try {
      GifWriter.write(session.dir().figure(gifName(group, i)), TwoRoomsFigures.planFrames(
          renderer, task.layout(), goal, cfg.task().successRadius(), p, new double[p.length][][],
          group + " · episode " + i + " · " + (success ? "reached" : "missed"), GIF_FRAMES), 80);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + gifName(group, i), e);
    }
  }

  private static String gifName(String group, int i) {
    return "episode_" + group.replaceAll("[^A-Za-z0-9]+", "-") + "_" + i + ".gif";
  }

  private static List<Double> round(double[] xy) {
    return List.of(Math.rint(xy[0] * 1000) / 1000, Math.rint(xy[1] * 1000) / 1000);
  }

  private static String status(List<Map<String, Object>> rows) {
    long ok = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("success"))).count();
    double spa = stat(rows, "decision_seconds") / Math.max(1, stat(rows, "steps"));
    return String.format(Locale.ROOT, "success %d/%d, %.4f s/action", ok, rows.size(), spa);
  }

  private static double stat(List<Map<String, Object>> rows, String key) {
    return rows.stream().mapToDouble(r -> ((Number) r.get(key)).doubleValue()).sum();
  }

  /**
   * summary.json's entry of a mode or variant: success_rate, ci95 [low, high] (Wilson),
   * seconds_per_action (decision time over all actions / actions), seconds_per_episode (mean
   * decision time per episode), episodes, and with {@code share} mode1_share (of all actions).
   */
  static Map<String, Object> stats(List<Map<String, Object>> rows, boolean share) {
    int ok = (int) rows.stream().filter(r -> Boolean.TRUE.equals(r.get("success"))).count();
    WilsonInterval ci = WilsonInterval.of(ok, rows.size());
    double steps = stat(rows, "steps");
    double seconds = stat(rows, "decision_seconds");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("success_rate", ci.rate());
    m.put("ci95", List.of(ci.low(), ci.high()));
    m.put("seconds_per_action", steps == 0 ? 0.0 : seconds / steps);
    m.put("seconds_per_episode", rows.isEmpty() ? 0.0 : seconds / rows.size());
    m.put("episodes", rows.size());
    m.put("successes", ok);
    m.put("mean_steps", rows.isEmpty() ? 0.0 : steps / rows.size());
    m.put("planning_seconds_per_episode", rows.isEmpty() ? 0.0
        : stat(rows, "planning_seconds") / rows.size());
    m.put("mean_final_distance_px", rows.isEmpty() ? 0.0
        : stat(rows, "final_distance_px") / rows.size());
    if (share) {
      double mode1 = rows.stream().mapToDouble(r -> ((Number) r.get("mode1_share")).doubleValue()
          * ((Number) r.get("steps")).doubleValue()).sum();
      m.put("mode1_share", steps == 0 ? 0.0 : mode1 / steps);
    }
    return m;
  }

  /** A table row of a stats entry. */
  static List<Object> tableRow(String name, Map<String, Object> s) {
    List<?> ci = (List<?>) s.get("ci95");
    return java.util.Arrays.asList(name, s.get("episodes"), s.get("successes"),
        String.format(Locale.ROOT, "%.1f%%", 100 * ((Number) s.get("success_rate")).doubleValue()),
        String.format(Locale.ROOT, "%.0f%% – %.0f%%", 100 * ((Number) ci.get(0)).doubleValue(),
            100 * ((Number) ci.get(1)).doubleValue()), s.get("seconds_per_action"),
        s.get("seconds_per_episode"), s.get("mean_steps"), s.get("mean_final_distance_px"),
        s.getOrDefault("mode1_share", "–"));
  }

  /** The columns of {@link #tableRow}. */
  static final List<String> COLUMNS = List.of("mode / variant", "episodes", "successes",
      "success", "95% CI", "s per action", "s per episode", "steps per episode",
      "mean final distance (px)", "Mode-1 share");

  @Override
  public void close() {
    model.close();
  }
}
