package ai.craik.agent;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.craik.plan.MpcLoop;
import ai.craik.plan.Plan;
import ai.craik.plan.Planner;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * The actor: chooses each action in Mode-1 (the policy), Mode-2 (a planner through the world model,
 * model-predictive control) or auto, as {@link ActorSettings} describes. It keeps the episode's
 * state between actions (the actions left of the current plan, the last Mode-2 plan and its age);
 * {@link #reset} clears it at the start of an episode and when the goal changes.
 */
public final class Actor {
  /**
   * One choice.
   *
   * @param action the action [A] to run
   * @param mode 1 or 2: which mode chose it
   * @param plan the Mode-2 plan made for it, or null (running a plan made earlier, or Mode-1)
   * @param planStart the start latent [D] of {@code plan}, or null
   */
  public record Decision(float[] action, int mode, Plan plan, float[] planStart) {}

  private final Planner planner;
  private final Policy policy;
  private final Mode mode;
  private final ActorSettings settings;
  private final Deque<float[]> queue = new ArrayDeque<>();
  private float[][] lastPlan;
  private int age;
  private int mode1Run;
  private int mode1Left;

  /**
   * @param planner Mode-2's planner (null only in Mode-1)
   * @param policy the Mode-1 policy (null only in Mode-2)
   */
  public Actor(Planner planner, Policy policy, Mode mode, ActorSettings settings) {
    Checks.arg(mode != null && settings != null, "the actor needs a mode and settings");
    Checks.arg(mode == Mode.MODE1 || planner != null, "mode %s needs a planner", mode.label());
    Checks.arg(mode == Mode.MODE2 || policy != null, "mode %s needs a Mode-1 policy; distil one"
        + " with 'craik agent distill' first", mode.label());
    this.planner = planner;
    this.policy = policy;
    this.mode = mode;
    this.settings = settings;
  }

  public Mode mode() {
    return mode;
  }

  public ActorSettings settings() {
    return settings;
  }

  /** Forgets the current plan (a new episode, or a new goal). */
  public void reset() {
    queue.clear();
    lastPlan = null;
    age = 0;
    mode1Run = 0;
    mode1Left = 0;
  }

  /**
   * The next action from state s [D] (in {@code scope}) towards {@code goals}' current goal.
   *
   * @param stepsLeft actions left in the episode's budget (the horizon shrinks to it)
   */
  public Decision act(NDArray s, GoalSchedule goals, WorldModel model, int stepsLeft,
      SplittableRandom rng, NDManager scope) {
    Checks.arg(stepsLeft >= 1, "no steps left to act");
    float[] goal = goals.goal();
    if (mode == Mode.MODE1) {
      return new Decision(policyAction(s, goal, scope), 1, null, null);
    }
    if (!queue.isEmpty()) {
      age++;
      return new Decision(queue.pollFirst(), 2, null, null);
    }
    if (mode1Left > 0 && mode1Run < settings.maxMode1Steps()) {
      mode1Left--;
      mode1Run++;
      age++;
      return new Decision(policyAction(s, goal, scope), 1, null, null);
    }
    int h = Math.min(settings.horizon(), stepsLeft);
    float[][] warm = lastPlan == null ? null
        : MpcLoop.shifted(lastPlan, age, h, settings.padding());
    if (mode == Mode.AUTO) {
      int c = Math.min(settings.checkHorizon(), h);
      Policy.Imagined mine = policy.imagine(s, goal, model, c, scope);
      float[] steps = GradMode.disabled(() -> goals.cost().intrinsic().perStep(mine.states(),
          mine.actionArray()).toType(DataType.FLOAT32, false).toFloatArray()); // [c]
      boolean confident = steps[0] - steps[c - 1] >= settings.progress() * (c - 1)
          || steps[c - 1] <= settings.arrive();
      double[] costs = null;
      if (!confident && warm != null) {
        float[][] theirs = java.util.Arrays.copyOf(warm, c);
        costs = GradMode.disabled(() -> {
          NDArray a = actions(theirs, scope);
          NDArray states = model.imagine(s, a);
          NDArray both = goals.cost().cost(mine.states(), mine.actionArray())
              .concat(goals.cost().cost(states, a));
          float[] f = both.toType(DataType.FLOAT32, false).toFloatArray();
          return new double[] {f[0], f[1]};
        });
        confident = costs[0] <= costs[1] + settings.margin() * Math.abs(costs[1]);
      }
      if (confident && mode1Run < settings.maxMode1Steps()) {
        age++;
        mode1Run++;
        mode1Left = settings.checkEvery() - 1;
        return new Decision(mine.actions()[0], 1, null, null);
      }
      if (warm == null || (costs != null && costs[0] < costs[1])) {
        warm = MpcLoop.shifted(mine.actions(), 0, h, settings.padding());
      }
    } else if (warm == null && policy != null && settings.seedWithPolicy()) {
      warm = policy.imagine(s, goal, model, h, scope).actions();
    }
    int iterations = warm == null ? settings.iterations() : settings.warmIterations();
    Plan plan = planner.plan(s, model.dynamics(), goals.cost(), h, warm, iterations, rng);
    Checks.state(plan.actions().length == h, "the planner returned %s actions for horizon %s",
        plan.actions().length, h);
    lastPlan = plan.actions();
    age = 1;
    mode1Run = 0;
    mode1Left = 0;
    for (int t = 1; t < Math.min(settings.executeSteps(), h); t++) {
      queue.addLast(plan.actions()[t].clone());
    }
    float[] start = s.toType(DataType.FLOAT32, false).toFloatArray();
    return new Decision(plan.actions()[0].clone(), 2, plan, start);
  }

  /** The policy's action [A] for state s [D] (in scope) and goal g [D]. */
  private float[] policyAction(NDArray s, float[] goal, NDManager scope) {
    return GradMode.disabled(() -> policy.act(s.reshape(1, -1), scope.create(goal))
        .toType(DataType.FLOAT32, false).toFloatArray());
  }

  private static NDArray actions(float[][] a, NDManager scope) {
    int t = a.length;
    int n = a[0].length;
    float[] flat = new float[t * n];
    for (int i = 0; i < t; i++) {
      System.arraycopy(a[i], 0, flat, i * n, n);
    }
    return scope.create(flat, new Shape(1, t, n));
  }
}
