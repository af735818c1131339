package ai.craik.plan;

import ai.craik.config.Checks;
import ai.craik.config.ConfigException;
import ai.craik.engine.GradMode;
import ai.craik.env.CollisionPolicy;
import ai.craik.env.TwoRooms;
import ai.craik.env.TwoRoomsConfig;
import ai.craik.env.TwoRoomsGeometry;
import ai.craik.env.TwoRoomsTask;
import ai.craik.jepa.TemporalDistanceHead;
import ai.craik.run.RunDir;
import ai.craik.train.TrainedWorldModel;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One Two Rooms planning episode through a trained world model: the agent sees pixels only, the
 * goal is given as an image, and it acts by model-predictive control ({@link MpcLoop}):
 *
 * <pre>
 *   g = Enc(goal image)                                   (rendered at the model's size and σ)
 *   cost_x(states, a) = w_l sum_t ||s_t - x||^2  and/or  w_d sum_t d(s_t, x)   (the variant's cost;
 *                       or the last step only)  + w_a sum_t ||a_t||^2
 *   no sub-goal:  every plan minimizes cost_g
 *   /waypoint:    before the first plan, w = the bank latent minimizing
 *                 D(s, w) + D(w, g) + beta |D(s, w) − D(w, g)|  ({@link WaypointChoice}; the bank:
 *                 the first observed frame with its dot moved to every cell centre of a grid over
 *                 the arena, encoded; D: the learned d when the cost has it, else ||·||); plans
 *                 minimize cost_w until D(s, w) &lt;= reach or max_steps actions, then cost_g
 *                 ({@link SubgoalSchedule})
 *   MPC: encode the frame, plan H steps from it, execute k actions a · u (u = world units per
 *        model action unit) in the environment (CONTACT collisions), re-plan; stop on success
 *        (distance to the goal below the task's radius) or after the task's budget
 * </pre>
 *
 * <p>The waypoint bank is built from perception only: the agent's first observed frame, its wall
 * channel kept as observed and its dot drawn at each of the grid² cell centres
 * ({@link ai.craik.env.TwoRoomsRenderer#withDotAt}). The true layout is not read: there is no
 * freeness filter, so cells inside a wall are candidates too (the learned distance should rank
 * them poorly), and the agent never sees the true position.
 *
 * <p>Planning is timed by the MPC loop (the planner call and the choice of each plan's objective);
 * the waypoint search (rendering and encoding the bank, scoring it) is timed apart and counted as
 * planning ({@link Result#planningSeconds}). Encoding and environment stepping are timed apart.
 * The true position is read only to test success and for the record. Each re-plan's start latent
 * is kept on the host, so {@link #imagined} can decode every plan's imagined trajectory with the
 * position probe afterwards, outside the timed loop.
 */
public final class TwoRoomsEpisode {
  /** What the system returns after each step: the frame (for the agent) and the true position. */
  public record Observation(byte[] pixels, double[] position) {}

  /**
   * The waypoint of a {@code /waypoint} episode.
   *
   * @param position where the dot of the chosen bank frame is, world units (for the record)
   * @param bankSize K, the frames searched
   * @param score the chosen waypoint's score
   * @param fromStart D(s, w) at the start
   * @param toGoal D(w, g)
   * @param switchStep the step of the first plan towards the goal (-1: never switched)
   * @param reached whether the switch came from reaching w (not from the step limit)
   * @param seconds rendering, encoding and scoring the bank
   */
  public record WaypointRecord(double[] position, int bankSize, double score, double fromStart,
      double toGoal, int switchStep, boolean reached, double seconds) {}

  /**
   * An episode's record.
   *
   * @param task the task
   * @param success whether the dot came within the success radius
   * @param path the true positions [steps + 1][2], world units
   * @param finalDistance distance to the goal at the end, pixels of the 65 frame
   * @param mpc the MPC record (executed actions in model units, every re-plan with its timing)
   * @param starts the encoded start latent [D] of each re-plan, in order
   * @param goalProbeErrorPx the probe's error on the encoded goal image (how well the model reads
   *     the goal), pixels
   * @param encodeSeconds time spent encoding frames (outside the planner timing)
   * @param envSeconds time spent stepping and rendering the environment
   * @param firstPlanTerms each objective term's raw (unweighted) value on the first plan, by
   *     name ({@code latent}, {@code distance}, {@code action}; towards the waypoint in a
   *     {@code /waypoint} episode)
   * @param finalGoalCosts the goal costs of the last frame s_T: {@code latent} ||s_T − g||^2 and,
   *     when the model has a distance head, {@code distance} d(s_T, g), whatever the variant
   * @param waypoint the waypoint, or null without a sub-goal
   */
  public record Result(TwoRoomsTask task, boolean success, double[][] path, double finalDistance,
      MpcResult mpc, List<float[]> starts, double goalProbeErrorPx, double encodeSeconds,
      double envSeconds, Map<String, Double> firstPlanTerms, Map<String, Double> finalGoalCosts,
      WaypointRecord waypoint) {
    /** Actions executed. */
    public int steps() {
      return mpc.steps();
    }

    /** Planning wall time over the episode: the planner calls and the waypoint search. */
    public double planningSeconds() {
      return mpc.planningSeconds() + (waypoint == null ? 0 : waypoint.seconds());
    }

    /** The final true position (x, y). */
    public double[] finalPosition() {
      return path[path.length - 1].clone();
    }
  }

  private final TrainedWorldModel model;
  private final LatentDynamics dynamics;
  private final Planner planner;
  private final MpcLoop loop;
  private final TwoRoomsPlanConfig.Objective objective;
  private final TwoRoomsPlanConfig.Waypoint waypoint;
  private final CostVariant variant;
  private final TwoRoomsConfig env;

  /**
   * Episodes of {@code planner} under {@code mpc} through {@code model}, scored by
   * {@code variant}.
   *
   * @param objective the planning cost's weights and steps
   * @param waypoint the waypoint search (read only by {@code /waypoint} variants)
   * @throws ai.craik.config.ConfigException when the variant needs a distance head the model
   *     lacks ({@link #requireSupported})
   */
  public TwoRoomsEpisode(TrainedWorldModel model, Planner planner, MpcSettings mpc,
      TwoRoomsPlanConfig.Objective objective, TwoRoomsPlanConfig.Waypoint waypoint,
      CostVariant variant) {
    Checks.arg(model != null && planner != null && mpc != null && objective != null
            && waypoint != null && variant != null, "a Two Rooms episode needs a model, a"
        + " planner, MPC settings, an objective, waypoint settings and a cost variant; one is null");
    requireSupported(model, variant);
    this.model = model;
    this.dynamics = new JepaDynamics(model.jepa(), model.actionDim());
    this.planner = planner;
    this.loop = new MpcLoop(planner, mpc);
    this.objective = objective;
    this.waypoint = waypoint;
    this.variant = variant;
    TwoRoomsConfig d = TwoRoomsConfig.defaults();
    this.env = new TwoRoomsConfig(model.imageSize(), model.config().env().maxStep(),
        d.collision(), d.contactNoise(), model.config().env().sigma(), d.layout())
        .withCollision(CollisionPolicy.CONTACT);
  }

  /**
   * Fails with one line naming the fix when {@code variant} uses the learned distance and
   * {@code model} has no distance head.
   */
  public static void requireSupported(TrainedWorldModel model, CostVariant variant) {
    if (variant.usesDistance() && !model.hasDistance()) {
      Path dir = model.runDir();
      throw new ConfigException("cost '" + variant.label() + "' (plan.objective.cost, --cost)"
          + " needs a learned distance head, but world model " + dir + " has none (no "
          + RunDir.CHECKPOINTS + "/" + TrainedWorldModel.DISTANCE_PHASE + "-latest.ckpt);"
          + " train it with distance.steps > 0 (add a distance section to " + dir.resolve(
              RunDir.CONFIG) + " and resume with 'craik train world-model --run-dir " + dir
          + " --config " + dir.resolve(RunDir.CONFIG) + "'), or plan with --cost latent");
    }
  }

  /** The planner. */
  public Planner planner() {
    return planner;
  }

  /** The cost variant. */
  public CostVariant variant() {
    return variant;
  }

  /** The environment settings episodes run with (the model's size, σ, max step; CONTACT). */
  public TwoRoomsConfig environment() {
    return env;
  }

  /** The world model as the planner sees it. */
  public LatentDynamics dynamics() {
    return dynamics;
  }

  /**
   * The variant's goal cost towards latent {@code target} [D] (the goal or a waypoint): its terms
   * {@code latent} ({@link GoalDistance}) and/or {@code distance} ({@link LearnedDistanceCost}),
   * and {@code action} ({@link ActionMagnitude}) when its weight is positive.
   */
  public WeightedObjective objectiveTo(float[] target) {
    GoalDistance.Steps steps = objective.steps();
    List<WeightedObjective.Term> terms = new ArrayList<>();
    if (variant.usesLatent()) {
      terms.add(new WeightedObjective.Term("latent", objective.latentWeight(),
          new GoalDistance(target, steps)));
    }
    if (variant.usesDistance()) {
      terms.add(new WeightedObjective.Term("distance", objective.distanceWeight(),
          new LearnedDistanceCost(distanceHead(), target, steps)));
    }
    if (objective.actionWeight() > 0) {
      terms.add(new WeightedObjective.Term("action", objective.actionWeight(),
          new ActionMagnitude()));
    }
    return new WeightedObjective(terms);
  }

  /** D of the waypoint search and reach test: the learned d with the distance term, else ||·||. */
  public LatentMetric waypointMetric() {
    return variant.usesDistance() ? LatentMetric.learned(distanceHead()) : LatentMetric.euclidean();
  }

  /**
   * The waypoint bank's positions: all grid² centres of a {@code grid} x {@code grid} grid over the
   * arena (LOW, HIGH)^2, row by row (world units). No layout is read, so none is left out.
   */
  public static List<double[]> bankPositions(int grid) {
    double lo = TwoRoomsGeometry.LOW;
    double hi = TwoRoomsGeometry.HIGH;
    List<double[]> out = new ArrayList<>();
    for (int j = 0; j < grid; j++) {
      for (int i = 0; i < grid; i++) {
        double x = lo + (i + 0.5) * (hi - lo) / grid;
        double y = lo + (j + 0.5) * (hi - lo) / grid;
        out.add(new double[] {x, y});
      }
    }
    return out;
  }

  /**
   * Runs {@code task}; re-plans draw from {@code rng} (split per re-plan), temporaries live in
   * children of {@code manager}.
   */
  public Result run(TwoRoomsTask task, SplittableRandom rng, NDManager manager) {
    TwoRooms world = new TwoRooms(env);
    world.reset(task);
    byte[] goalImage = task.goalImage(world.renderer());
    float[] goal = model.latent(goalImage);
    double goalError;
    try (NDManager scope = manager.newSubManager()) {
      double[] read = model.positions(scope.create(goal, new Shape(1, goal.length)))[0];
      goalError = StrictMath.hypot(read[0] - task.goal()[0], read[1] - task.goal()[1]);
    }
    WeightedObjective toGoal = objectiveTo(goal);
    SubgoalSchedule subgoal = null;
    WeightedObjective toWaypoint = null;
    double[] waypointAt = null;
    WaypointChoice.Waypoint chosen = null;
    int bankSize = 0;
    double waypointSeconds = 0;
    if (variant.waypoint()) {
      long t0 = System.nanoTime();
      List<double[]> positions = bankPositions(waypoint.grid());
      byte[] seen = world.observation(); // the first frame: walls as observed
      List<byte[]> frames = new ArrayList<>();
      for (double[] p : positions) {
        frames.add(world.renderer().withDotAt(seen, p[0], p[1]));
      }
      LatentMetric metric = waypointMetric();
      float[] w;
      try (NDManager scope = manager.newSubManager()) {
        NDArray bank = model.encode(frames, scope); // [K, D]
        NDArray s = model.encode(seen, scope); // [D]
        chosen = WaypointChoice.choose(metric, s, scope.create(goal), bank,
            waypoint.balance());
        w = bank.get(chosen.index()).toType(DataType.FLOAT32, false).toFloatArray();
      }
      toWaypoint = objectiveTo(w);
      double reach = variant.usesDistance() ? waypoint.reachSteps() : waypoint.reachLatent();
      subgoal = new SubgoalSchedule(toWaypoint, toGoal, metric, w, reach, waypoint.maxSteps());
      waypointAt = positions.get(chosen.index());
      bankSize = positions.size();
      waypointSeconds = (System.nanoTime() - t0) / 1e9;
    }
    TwoRoomsSystem system = new TwoRoomsSystem(world, model.worldUnitsPerAction());
    List<float[]> starts = new ArrayList<>();
    double[] encodeSeconds = {0};
    LatentEncoder<Observation> encoder = (o, scope) -> {
      long t0 = System.nanoTime();
      NDArray s = model.encode(o.pixels(), scope);
      starts.add(s.toFloatArray());
      encodeSeconds[0] += (System.nanoTime() - t0) / 1e9;
      return s;
    };
    ObjectiveSchedule schedule = subgoal != null ? subgoal : ObjectiveSchedule.fixed(toGoal);
    MpcResult r = loop.runScheduled(system, encoder, dynamics, schedule,
        o -> task.reached(o.position()), manager, rng);
    double[][] p = system.path().toArray(double[][]::new);
    Map<String, Double> firstTerms = Map.of();
    if (!r.replans().isEmpty()) {
      boolean towardsWaypoint = subgoal != null && subgoal.switchStep() != 0;
      firstTerms = planTerms(towardsWaypoint ? toWaypoint : toGoal, starts.get(0),
          r.replans().get(0).plan().actions(), manager);
    }
    WaypointRecord wr = subgoal == null ? null : new WaypointRecord(waypointAt, bankSize,
        chosen.score(), chosen.fromStart(), chosen.toGoal(), subgoal.switchStep(),
        subgoal.reached(), waypointSeconds);
    return new Result(task, r.success(), p, task.distanceToGoal(p[p.length - 1]), r,
        List.copyOf(starts), goalError, encodeSeconds[0], system.seconds(), firstTerms,
        finalGoalCosts(world.observation(), goal, manager), wr);
  }

  /** Each term's raw value on plan {@code actions} [h][A] rolled out from {@code start} [D]. */
  private Map<String, Double> planTerms(WeightedObjective cost, float[] start, float[][] actions,
      NDManager manager) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray a = actionsArray(actions, scope);
      return GradMode.disabled(() -> {
        NDArray states = dynamics.rollout(scope.create(start), a); // [1, h + 1, D]
        Map<String, Double> out = new LinkedHashMap<>();
        cost.partValues(states, a).forEach((name, v) -> out.put(name, v[0]));
        return out;
      });
    }
  }

  /** ||s_T − g||^2 and, with a distance head, d(s_T, g) for the last frame. */
  private Map<String, Double> finalGoalCosts(byte[] last, float[] goal, NDManager manager) {
    try (NDManager scope = manager.newSubManager()) {
      return GradMode.disabled(() -> {
        NDArray s = model.encode(last, scope).reshape(1, goal.length); // [1, D]
        NDArray g = scope.create(goal).reshape(1, goal.length);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("latent", (double) s.sub(g).square().sum().toType(DataType.FLOAT32, false)
            .getFloat());
        model.distanceHead().ifPresent(h -> out.put("distance",
            (double) h.distance(s, g).toType(DataType.FLOAT32, false).getFloat()));
        return out;
      });
    }
  }

  private NDArray actionsArray(float[][] a, NDManager scope) {
    int h = a.length;
    float[] flat = new float[h * model.actionDim()];
    for (int t = 0; t < h; t++) {
      System.arraycopy(a[t], 0, flat, t * model.actionDim(), model.actionDim());
    }
    return scope.create(flat, new Shape(1, h, model.actionDim()));
  }

  private TemporalDistanceHead distanceHead() {
    return model.distanceHead().orElseThrow(() -> new IllegalStateException(
        "no distance head; requireSupported should have refused this cost"));
  }

  /**
   * The imagined trajectory of every re-plan of {@code result}, decoded by the position probe: for
   * re-plan j, probe(rollout(s_j, plan_j)) [h_j + 1][2] in world units (index 0: the probe's
   * reading of the encoded frame). Runs the model once per re-plan, outside any timing.
   */
  public List<double[][]> imagined(Result result, NDManager manager) {
    List<double[][]> out = new ArrayList<>();
    List<Replan> replans = result.mpc().replans();
    for (int j = 0; j < replans.size(); j++) {
      try (NDManager scope = manager.newSubManager()) {
        NDArray s0 = scope.create(result.starts().get(j));
        NDArray actions = actionsArray(replans.get(j).plan().actions(), scope);
        NDArray states = GradMode.disabled(
            () -> dynamics.rollout(s0, actions)); // [1, h + 1, D]
        out.add(model.positions(states));
      }
    }
    return out;
  }
}
