package ai.craik.agent;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.craik.plan.ControlledSystem;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The agent: perception, world model, cost, short-term memory and actor, run as one loop (LeCun
 * 2022, section 3),
 *
 * <pre>
 *   o = observe()
 *   repeat until success(o) or the budget is spent:
 *     s = perceive(o)                                   perception
 *     write memory (t - 1, s_{t-1}, a_{t-1}) with IC of arriving at s   (from the second step on)
 *     if the configurator's schedule reached its goal: next goal, actor forgets its plan
 *     a = actor(s)                                      Mode-1, Mode-2 or auto, through the cost
 *     o = act(a)
 *   write the last state
 * </pre>
 *
 * <p>The memory entry of time t holds s_t, the action taken from it, the goal in force when it was
 * chosen, and the IC of arriving at s_t under the goal of the step that led there (the goal and
 * wall terms of s_t, the energy of a_{t-1}, the surprise of f(s_{t-1}, a_{t-1}) against s_t). With {@code storeImagined}, each Mode-2 plan's imagined states are written too
 * (depth 1..H under the time of the plan, with their per-step IC). Between episodes the caller may
 * train the critic and the policy from the memory. Each action's choice runs in its own child
 * manager; the episode is a pure function of its stream (the planner draws from
 * {@code rng.split()} per plan).
 *
 * @param <O> the observation type
 */
public final class Agent<O> {
  private final Perception<O> perception;
  private final WorldModel model;
  private final Actor actor;
  private final ShortTermMemory memory;
  private final boolean storeImagined;

  public Agent(Perception<O> perception, WorldModel model, Actor actor, ShortTermMemory memory,
      boolean storeImagined) {
    Checks.arg(perception != null && model != null && actor != null && memory != null,
        "an agent needs perception, a world model, an actor and a memory; one is null");
    Checks.arg(perception.latentDim() == model.latentDim(), "perception gives latents of %s"
        + " values, the world model takes %s", perception.latentDim(), model.latentDim());
    this.perception = perception;
    this.model = model;
    this.actor = actor;
    this.memory = memory;
    this.storeImagined = storeImagined;
  }

  public ShortTermMemory memory() {
    return memory;
  }

  public Actor actor() {
    return actor;
  }

  public WorldModel model() {
    return model;
  }

  /**
   * Runs one episode.
   *
   * @param episode the episode's index (the memory's key)
   * @param system what the agent acts on
   * @param success the task's test, on every observation (the first included)
   * @param goals the configurator's goals for this episode
   * @param budget the most actions
   */
  public EpisodeRecord run(int episode, ControlledSystem<O> system, Predicate<O> success,
      GoalSchedule goals, int budget, SplittableRandom rng, NDManager manager) {
    Checks.arg(budget >= 1, "episode budget %s must be >= 1", budget);
    actor.reset();
    O obs = system.observe();
    boolean done = success.test(obs);
    List<float[]> actions = new ArrayList<>();
    List<Integer> modes = new ArrayList<>();
    double decision = 0;
    double planning = 0;
    double memorySeconds = 0;
    double costSum = 0;
    int plans = 0;
    float[] prevState = null;
    float[] prevAction = null;
    IntrinsicCost prevCost = null;
    while (true) {
      long t0 = System.nanoTime();
      float[] s;
      Actor.Decision d = null;
      try (NDManager scope = manager.newSubManager()) {
        NDArray state = perception.perceive(obs, scope);
        s = state.toType(DataType.FLOAT32, false).toFloatArray();
        if (!done && actions.size() < budget) {
          if (goals.advance(state, actions.size(), scope)) {
            actor.reset();
          }
          d = actor.act(state, goals, model, budget - actions.size(), rng.split(), scope);
        }
      }
      decision += (System.nanoTime() - t0) / 1e9;
      if (d != null && d.plan() != null) {
        planning += d.plan().seconds();
        plans++;
      }
      long t1 = System.nanoTime();
      int time = actions.size();
      IntrinsicCost ic = prevCost != null ? prevCost : goals.cost().intrinsic();
      double c = ic.observed(prevState, prevAction, s, manager);
      costSum += c;
      memory.write(new MemoryEntry(episode, time, 0, s, d == null ? new float[0]
          : d.action().clone(), c, goals.goal()));
      if (d != null && d.plan() != null && storeImagined) {
        writePlan(episode, time, d, goals, manager);
      }
      memorySeconds += (System.nanoTime() - t1) / 1e9;
      if (d == null) {
        break;
      }
      obs = system.act(d.action());
      actions.add(d.action());
      modes.add(d.mode());
      done = success.test(obs);
      prevState = s;
      prevAction = d.action();
      prevCost = goals.cost().intrinsic();
    }
    return new EpisodeRecord(done, actions.size(), actions, modes, plans, decision, planning,
        memorySeconds, goals.switchSteps(), costSum / (actions.size() + 1));
  }

  /** Writes the imagined states of a fresh plan (depth 1..H) with their per-step IC. */
  private void writePlan(int episode, int time, Actor.Decision d, GoalSchedule goals,
      NDManager manager) {
    float[][] a = d.plan().actions();
    int h = a.length;
    int na = model.actionDim();
    int dim = model.latentDim();
    try (NDManager scope = manager.newSubManager()) {
      float[] flat = new float[h * na];
      for (int t = 0; t < h; t++) {
        System.arraycopy(a[t], 0, flat, t * na, na);
      }
      NDArray actionArray = scope.create(flat, new Shape(1, h, na));
      NDArray states = GradMode.disabled(() -> model.imagine(scope.create(d.planStart()),
          actionArray)); // [1, h + 1, D]
      float[] sf = states.toType(DataType.FLOAT32, false).toFloatArray();
      float[] cf = goals.cost().intrinsic().perStep(states, actionArray)
          .toType(DataType.FLOAT32, false).toFloatArray(); // [h]
      for (int j = 1; j <= h; j++) {
        float[] sj = java.util.Arrays.copyOfRange(sf, j * dim, (j + 1) * dim);
        float[] aj = j < h ? a[j].clone() : new float[0];
        memory.write(new MemoryEntry(episode, time, j, sj, aj, cf[j - 1], goals.goal()));
      }
    }
  }
}
