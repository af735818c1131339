package ai.craik.plan;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Receding-horizon (model-predictive) control in latent space:
 *
 * <pre>
 *   o = observe();  done = success(o)
 *   while not done and steps &lt; max_steps:
 *     h  = min(H, max_steps - steps)                          (the horizon shrinks at the end)
 *     s0 = encode(o)
 *     n    = first plan ? iterations : warm_iterations
 *     plan = planner.plan(s0, model, objective, h, warm, n, rng')
 *     execute a_0 .. a_{min(k, h) - 1}, observing after each; stop early on success
 *     warm = plan shifted by the executed count, padded (zeros or last action) to the next h
 * </pre>
 *
 * The first plan is cold (no warm start) with {@code iterations}; every re-plan is warm with
 * {@code warm_iterations}. Each re-plan runs in a child manager of {@code manager} (the encoded
 * latent and all planner temporaries die with it) and draws from its own stream,
 * {@code rng.split()} in order, so an episode is a pure function of the seed. Timing is of the
 * planner call only.
 */
public final class MpcLoop {
  private final Planner planner;
  private final MpcSettings settings;

  public MpcLoop(Planner planner, MpcSettings settings) {
    Checks.arg(planner != null && settings != null, "MPC needs a planner and settings, got %s and"
        + " %s", planner, settings);
    this.planner = planner;
    this.settings = settings;
  }

  public MpcSettings settings() {
    return settings;
  }

  /**
   * Runs one episode.
   *
   * @param system what is controlled (act and observe)
   * @param encoder observation to start latent
   * @param model the frozen world model
   * @param objective the planning cost (e.g. distance to the encoded goal)
   * @param success tested on every observation, the first included; true ends the episode
   * @param manager parent of the per-re-plan scopes
   * @param rng the episode's stream; each re-plan gets {@code rng.split()}
   */
  public <O> MpcResult run(ControlledSystem<O> system, LatentEncoder<O> encoder,
      LatentDynamics model, PlanObjective objective, Predicate<O> success, NDManager manager,
      SplittableRandom rng) {
    Checks.arg(objective != null, "MPC run needs an objective, got null");
    return runScheduled(system, encoder, model, ObjectiveSchedule.fixed(objective), success,
        manager, rng);
  }

  /**
   * Runs one episode whose objective may change between re-plans (a sub-goal, then the goal):
   * before each plan, {@code schedule} gets the steps taken and the encoded start latent and
   * returns the objective of that plan (the call is timed with the planner's). Otherwise as
   * {@link #run}.
   */
  public <O> MpcResult runScheduled(ControlledSystem<O> system, LatentEncoder<O> encoder,
      LatentDynamics model, ObjectiveSchedule schedule, Predicate<O> success, NDManager manager,
      SplittableRandom rng) {
    Checks.arg(system != null && encoder != null && model != null && schedule != null
        && success != null && manager != null && rng != null,
        "MPC run needs a system, an encoder, a model, an objective, a success test, a manager"
        + " and a random stream; one is null");
    O obs = system.observe();
    boolean done = success.test(obs);
    List<float[]> executed = new ArrayList<>();
    List<Replan> replans = new ArrayList<>();
    float[][] previous = null;
    int shift = 0;
    while (!done && executed.size() < settings.maxSteps()) {
      int step = executed.size();
      int h = Math.min(settings.horizon(), settings.maxSteps() - step);
      float[][] warm = previous == null ? null
          : shifted(previous, shift, h, settings.padding());
      int iters = previous == null ? settings.iterations() : settings.warmIterations();
      Plan plan;
      double seconds;
      try (NDManager scope = manager.newSubManager()) {
        O current = obs;
        NDArray s0 = GradMode.disabled(() -> encoder.encode(current, scope));
        long t0 = System.nanoTime();
        PlanObjective objective = GradMode.disabled(() -> schedule.objective(step, s0));
        plan = planner.plan(s0, model, objective, h, warm, iters, rng.split());
        seconds = (System.nanoTime() - t0) / 1e9;
      }
      Checks.state(plan.actions().length == h, "the planner returned %s actions for horizon %s",
          plan.actions().length, h);
      int run = Math.min(settings.executeSteps(), h);
      int ran = 0;
      while (ran < run && !done) {
        float[] action = plan.actions()[ran].clone();
        obs = system.act(action);
        executed.add(action);
        ran++;
        done = success.test(obs);
      }
      replans.add(new Replan(step, h, iters, seconds, ran, plan));
      previous = plan.actions();
      shift = ran;
    }
    return new MpcResult(done, executed.size(), executed, replans);
  }

  /**
   * The warm start of the next plan: {@code previous} [T][A] shifted left by {@code shift} steps,
   * cut or padded to {@code horizon} steps:
   *
   * <pre>
   *   warm[t] = previous[t + shift]                  if t + shift &lt; T
   *           = 0 (ZEROS) or previous[T - 1] (LAST_ACTION)   otherwise
   * </pre>
   */
  public static float[][] shifted(float[][] previous, int shift, int horizon,
      WarmStartPadding padding) {
    Checks.arg(previous != null && previous.length >= 1, "no previous plan to shift");
    Checks.arg(shift >= 0 && horizon >= 1, "shift=%s must be >= 0 and horizon=%s >= 1", shift,
        horizon);
    int a = previous[0].length;
    float[][] warm = new float[horizon][];
    for (int t = 0; t < horizon; t++) {
      int from = t + shift;
      if (from < previous.length) {
        warm[t] = previous[from].clone();
      } else {
        warm[t] = padding == WarmStartPadding.LAST_ACTION ? previous[previous.length - 1].clone()
            : new float[a];
      }
    }
    return warm;
  }
}
