package ai.craik.agent;

import ai.craik.config.Checks;
import ai.craik.config.ConfigException;
import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsGeometry;
import ai.craik.env.TwoRoomsRenderer;
import ai.craik.env.TwoRoomsTask;
import ai.craik.plan.GoalDistance;
import ai.craik.plan.JepaDynamics;
import ai.craik.plan.LatentMetric;
import ai.craik.plan.LearnedDistanceCost;
import ai.craik.plan.PlanObjective;
import ai.craik.plan.Planner;
import ai.craik.plan.PlannerSections;
import ai.craik.plan.TwoRoomsEpisode.Observation;
import ai.craik.train.TrainedWorldModel;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The configurator: turns a task description ({@link TaskConfig}) into a configured Two Rooms agent
 * and, for each episode, into its goals: goal images as the episode's task renders them, encoded,
 * one intrinsic cost per goal with the task's weights (the only place an {@link IntrinsicCost} is
 * made), the critic term when asked for, and the switch to the next sub-goal when the agent's own
 * distance says it has arrived ({@link GoalSchedule}).
 *
 * <p>Everything is validated before the first episode, each problem with one line that names the
 * fix: a mode that needs a policy without one, a critic weight without a critic, the learned
 * distance without a distance head, a planner horizon the critic cannot cover.
 *
 * <p>The agent is never told what it should perceive. Where a goal lies and its goal image are the
 * task's definition ({@link TwoRoomsTask#pointInRoom}, {@link TwoRoomsTask#imageWithDotAt}); the
 * true layout and the label-trained position probe are read here only by the oracles
 * {@code goal.oracle_via_door} and {@code cost.oracle_wall}, both off by default.
 */
public final class Configurator {
  private final TaskConfig task;
  private final TrainedWorldModel model;
  private final WorldModel worldModel;
  private final PlannerSections planners;
  private final Policy policy;
  private final Critic critic;
  private final Mode mode;

  /**
   * @param task the task
   * @param model the trained world model
   * @param planners the planners' settings
   * @param policy the Mode-1 policy, or null
   * @param critic the trained critic, or null
   * @throws ConfigException when the task cannot run as configured
   */
  public Configurator(TaskConfig task, TrainedWorldModel model, PlannerSections planners,
      Policy policy, Critic critic) {
    Checks.arg(task != null && model != null && planners != null,
        "the configurator needs a task, a world model and planner settings");
    this.task = task;
    this.model = model;
    this.worldModel = new WorldModel(new JepaDynamics(model.jepa(), model.actionDim()));
    this.planners = planners;
    this.policy = policy;
    this.critic = critic;
    this.mode = task.modeValue();
    if (mode != Mode.MODE2 && policy == null) {
      throw new ConfigException("task mode " + mode.label() + " needs a Mode-1 policy; distil one"
          + " with 'craik agent distill --model " + model.runDir() + "' and pass its run folder"
          + " with --policy DIR, or use --mode 2");
    }
    if (task.cost().critic() > 0 && (critic == null || !critic.trained())) {
      throw new ConfigException("task cost.critic=" + task.cost().critic() + " needs a trained"
          + " critic; train one with 'craik agent critic --model " + model.runDir() + "' and pass"
          + " its run folder with --critic DIR, or set cost.critic to 0");
    }
    if (task.cost().goalMetric().equals("distance") && !model.hasDistance()) {
      throw new ConfigException("task cost.goal_metric=distance needs a world model with a"
          + " learned distance head, but " + model.runDir() + " has none; train it with"
          + " distance.steps > 0, or set cost.goal_metric to latent");
    }
  }

  public Mode mode() {
    return mode;
  }

  /** The planner of the task, projecting actions onto the task's max_norm. */
  public Planner planner() {
    return planners.newPlanner(task.planner(), task.maxNorm() / model.worldUnitsPerAction());
  }

  /** A configured agent writing to {@code memory}. */
  public Agent<Observation> agent(ShortTermMemory memory, boolean storeImagined) {
    Perception<Observation> perception = new Perception<>(
        (o, scope) -> model.encode(o.pixels(), scope), model.latentDim());
    Actor actor = new Actor(mode == Mode.MODE1 ? null : planner(), policy, mode,
        task.actor(planners.iterations(task.planner())));
    return new Agent<>(perception, worldModel, actor, memory, storeImagined);
  }

  /**
   * The goal positions of {@code episode} (world units, in order): the task's goal, the task
   * config's position, or its waypoints placed by the episode's task in their rooms.
   *
   * @throws ConfigException when a position is not in free space of the episode
   */
  public List<double[]> goalPositions(TwoRoomsTask episode, double sigma) {
    TaskConfig.Goal g = task.goal();
    List<double[]> out = new ArrayList<>();
    switch (g.kind()) {
      case "task" -> out.add(episode.goal().clone());
      case "position" -> out.add(new double[] {g.position().get(0), g.position().get(1)});
      default -> g.waypoints().forEach(p -> out.add(episode.pointInRoom(p.room(), p.at().get(0),
          p.at().get(1), 2 * sigma)));
    }
    for (double[] p : out) {
      if (!episode.isFree(p[0], p[1])) {
        throw new ConfigException(String.format(java.util.Locale.ROOT, "goal point (%.1f, %.1f)"
            + " is inside a wall of task seed %d; give goal points by room (goal.kind: waypoints,"
            + " {room: left, at: [u, v]}) so they are free in every layout", p[0], p[1],
            episode.seed()));
      }
    }
    return out;
  }

  /** How far before and after the middle wall's centre the doorway sub-goals lie, pixels. */
  static final double DOOR_OFFSET = TwoRoomsGeometry.WALL_HALF + 3.0;

  /**
   * The sub-goals the agent pursues in {@code episode} for {@code goals} (the task's goal points,
   * in order): the goals themselves, unless the oracle {@code goal.oracle_via_door} is set (off by
   * default). That oracle reads what the agent is never told: where it starts, from the
   * label-trained position probe on {@code firstFrame}, and the episode's true layout; it inserts
   * the doorway before every goal in the other room than the point before it
   * ({@link #oracleViaDoor}).
   */
  public List<double[]> route(TwoRoomsTask episode, List<double[]> goals, byte[] firstFrame,
      NDManager manager) {
    if (!task.goal().oracleViaDoor()) {
      return goals;
    }
    return oracleViaDoor(episode.layout(), goals, oracleProbePosition(firstFrame, manager));
  }

  /**
   * The oracle route: {@code goals} with two sub-goals at the true door's height, 4.5 px before and
   * after the true middle wall's centre, inserted before each goal in the other room than the point
   * before it (the first from {@code start}), so each leg is a straight line in free space (into
   * the doorway, through it, then within the goal's room).
   */
  static List<double[]> oracleViaDoor(Layout layout, List<double[]> goals, double[] start) {
    List<double[]> out = new ArrayList<>();
    double[] from = start;
    for (double[] g : goals) {
      int a = TwoRoomsGeometry.room(layout, from[0]);
      if (a != TwoRoomsGeometry.room(layout, g[0])) {
        double side = a == 0 ? -1 : 1; // the side the agent comes from
        out.add(new double[] {layout.wallX() + side * DOOR_OFFSET, layout.doorY()});
        out.add(new double[] {layout.wallX() - side * DOOR_OFFSET, layout.doorY()});
      }
      out.add(g);
      from = g;
    }
    return out;
  }

  /** An oracle's input: where the dot is in {@code frame} as the label-trained probe reads it. */
  private double[] oracleProbePosition(byte[] frame, NDManager manager) {
    try (NDManager scope = manager.newSubManager()) {
      return model.positions(model.encode(frame, scope).reshape(1, model.latentDim()))[0];
    }
  }

  /**
   * The goals of an episode: each goal position as the episode's task renders it (the dot there:
   * the goal image the agent is given) and encoded, each with its cost module.
   */
  public GoalSchedule goals(TwoRoomsTask episode, List<double[]> positions,
      TwoRoomsRenderer renderer, NDManager manager) {
    OracleWallProximity oracleWall = oracleWall(episode);
    List<float[]> latents = new ArrayList<>();
    List<CostModule> costs = new ArrayList<>();
    for (double[] p : positions) {
      float[] g = model.latent(episode.imageWithDotAt(renderer, p[0], p[1]));
      latents.add(g);
      costs.add(new CostModule(intrinsic(g, oracleWall), critic, task.cost().critic()));
    }
    LatentMetric metric = task.cost().goalMetric().equals("distance")
        ? LatentMetric.learned(model.distanceHead().orElseThrow()) : LatentMetric.euclidean();
    return new GoalSchedule(latents, costs, metric, task.goal().reach());
  }

  /**
   * The oracle wall term of {@code episode}, or null when {@code cost.oracle_wall} is 0 (the
   * default): it reads the episode's true layout and the label-trained position probe.
   */
  private OracleWallProximity oracleWall(TwoRoomsTask episode) {
    TaskConfig.Cost c = task.cost();
    return c.oracleWall() > 0
        ? new OracleWallProximity(model.probe()::read, episode.layout(), c.oracleWallMargin())
        : null;
  }

  /**
   * The intrinsic cost towards goal latent g [D] with the task's weights.
   *
   * @param oracleWall the oracle wall term, or null when {@code cost.oracle_wall} is 0
   */
  IntrinsicCost intrinsic(float[] g, OracleWallProximity oracleWall) {
    TaskConfig.Cost c = task.cost();
    PlanObjective goalTerm = c.goalMetric().equals("distance")
        ? new LearnedDistanceCost(model.distanceHead().orElseThrow(), g,
            GoalDistance.Steps.ALL_STEPS)
        : new GoalDistance(g, GoalDistance.Steps.ALL_STEPS);
    return new IntrinsicCost(Map.of("goal", c.goal(), "action", c.action(), "oracle_wall",
        c.oracleWall(), "curiosity", c.curiosity()), g, goalTerm, oracleWall, worldModel);
  }

  /**
   * The task's success test on true positions: within the success radius of each goal position in
   * order (a waypoint counts once the dot has been near it; the episode succeeds at the last).
   * Stateful: one per episode.
   */
  public Predicate<Observation> success(List<double[]> positions) {
    double r = task.successRadius();
    int[] next = {0};
    return o -> {
      double[] p = o.position();
      while (next[0] < positions.size()) {
        double[] g = positions.get(next[0]);
        if (StrictMath.hypot(p[0] - g[0], p[1] - g[1]) >= r) {
          break;
        }
        next[0]++;
      }
      return next[0] == positions.size();
    };
  }
}
