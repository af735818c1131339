package ai.craik.plan;

import ai.craik.config.Checks;
import ai.craik.env.CollisionPolicy;
import ai.craik.env.TwoRooms;
import ai.craik.env.TwoRoomsConfig;
import ai.craik.env.TwoRoomsTask;
import ai.craik.train.TrainedWorldModel;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One Two Rooms planning episode through a trained world model: the agent sees pixels only, the
 * goal is given as an image, and it acts by model-predictive control ({@link MpcLoop}):
 *
 * <pre>
 *   g = Enc(goal image)                                   (rendered at the model's size and σ)
 *   cost(states, a) = sum_t ||s_t - g||^2  (or the last step only)  + w sum_t ||a_t||^2
 *   MPC: encode the frame, plan H steps from it, execute k actions a · u (u = world units per
 *        model action unit) in the environment (CONTACT collisions), re-plan; stop on success
 *        (distance to the goal below the task's radius) or after the task's budget
 * </pre>
 *
 * <p>Planning is timed by the MPC loop (the planner call only); encoding and environment stepping
 * are timed here, apart. The true position is read only to test success and for the record.
 * Each re-plan's start latent is kept on the host, so {@link #imagined} can decode every plan's
 * imagined trajectory with the position probe afterwards, outside the timed loop.
 */
public final class TwoRoomsEpisode {
  /** What the system returns after each step: the frame (for the agent) and the true position. */
  public record Observation(byte[] pixels, double[] position) {}

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
   */
  public record Result(TwoRoomsTask task, boolean success, double[][] path, double finalDistance,
      MpcResult mpc, List<float[]> starts, double goalProbeErrorPx, double encodeSeconds,
      double envSeconds) {
    /** Actions executed. */
    public int steps() {
      return mpc.steps();
    }

    /** Planner wall time over the episode (planning only). */
    public double planningSeconds() {
      return mpc.planningSeconds();
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
  private final TwoRoomsConfig env;

  /**
   * Episodes of {@code planner} under {@code mpc} through {@code model}.
   *
   * @param objective the planning cost's settings
   */
  public TwoRoomsEpisode(TrainedWorldModel model, Planner planner, MpcSettings mpc,
      TwoRoomsPlanConfig.Objective objective) {
    Checks.arg(model != null && planner != null && mpc != null && objective != null,
        "a Two Rooms episode needs a model, a planner, MPC settings and an objective; one is null");
    this.model = model;
    this.dynamics = new JepaDynamics(model.jepa(), model.actionDim());
    this.planner = planner;
    this.loop = new MpcLoop(planner, mpc);
    this.objective = objective;
    TwoRoomsConfig d = TwoRoomsConfig.defaults();
    this.env = new TwoRoomsConfig(model.imageSize(), model.config().env().maxStep(),
        d.collision(), d.contactNoise(), model.config().env().sigma(), d.layout())
        .withCollision(CollisionPolicy.CONTACT);
  }

  /** The planner. */
  public Planner planner() {
    return planner;
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
    WeightedObjective cost = WeightedObjective.of("goal", 1.0,
        new GoalDistance(goal, objective.steps()));
    if (objective.actionWeight() > 0) {
      cost = cost.with("action", objective.actionWeight(), new ActionMagnitude());
    }
    double unit = model.worldUnitsPerAction();
    List<double[]> path = new ArrayList<>();
    path.add(world.state());
    double[] envSeconds = {0};
    ControlledSystem<Observation> system = new ControlledSystem<>() {
      private Observation current = new Observation(world.observation(), world.state());

      @Override
      public Observation observe() {
        return current;
      }

      @Override
      public Observation act(float[] action) {
        long t0 = System.nanoTime();
        world.step(new float[] {(float) (action[0] * unit), (float) (action[1] * unit)});
        current = new Observation(world.observation(), world.state());
        envSeconds[0] += (System.nanoTime() - t0) / 1e9;
        path.add(current.position());
        return current;
      }
    };
    List<float[]> starts = new ArrayList<>();
    double[] encodeSeconds = {0};
    LatentEncoder<Observation> encoder = (o, scope) -> {
      long t0 = System.nanoTime();
      NDArray s = model.encode(o.pixels(), scope);
      starts.add(s.toFloatArray());
      encodeSeconds[0] += (System.nanoTime() - t0) / 1e9;
      return s;
    };
    MpcResult r = loop.run(system, encoder, dynamics, cost,
        o -> task.reached(o.position()), manager, rng);
    double[][] p = path.toArray(double[][]::new);
    return new Result(task, r.success(), p, task.distanceToGoal(p[p.length - 1]), r,
        List.copyOf(starts), goalError, encodeSeconds[0], envSeconds[0]);
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
      float[][] a = replans.get(j).plan().actions();
      int h = a.length;
      float[] flat = new float[h * model.actionDim()];
      for (int t = 0; t < h; t++) {
        System.arraycopy(a[t], 0, flat, t * model.actionDim(), model.actionDim());
      }
      try (NDManager scope = manager.newSubManager()) {
        NDArray s0 = scope.create(result.starts().get(j));
        NDArray actions = scope.create(flat, new Shape(1, h, model.actionDim()));
        NDArray states = ai.craik.engine.GradMode.disabled(
            () -> dynamics.rollout(s0, actions)); // [1, h + 1, D]
        out.add(model.positions(states));
      }
    }
    return out;
  }
}
