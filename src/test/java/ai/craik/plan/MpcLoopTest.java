package ai.craik.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The receding-horizon loop, checked with a recording fake planner whose plan of call c is
 * a_t = 100 c + t (A = 1) and a fake system whose observation is the number of actions taken.
 */
class MpcLoopTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  /** Records every call; plans a_t = 100 call + t. */
  static final class RecordingPlanner implements Planner {
    final List<Integer> horizons = new ArrayList<>();
    final List<Integer> iterations = new ArrayList<>();
    final List<float[][]> warmStarts = new ArrayList<>();
    final List<Float> starts = new ArrayList<>();
    final List<PlanObjective> objectives = new ArrayList<>();

    @Override
    public Plan plan(NDArray s0, LatentDynamics model, PlanObjective objective, int horizon,
        float[][] warmStart, int iters, SplittableRandom rng) {
      int call = horizons.size();
      objectives.add(objective);
      horizons.add(horizon);
      iterations.add(iters);
      warmStarts.add(warmStart);
      starts.add(s0.toFloatArray()[0]);
      float[][] actions = new float[horizon][1];
      for (int t = 0; t < horizon; t++) {
        actions[t][0] = 100 * call + t;
      }
      return new Plan(actions, 0, new double[iters], new double[iters], new float[horizon][1],
          iters, 0);
    }
  }

  /** Observation = actions taken so far; records the actions. */
  static final class CountingSystem implements ControlledSystem<Integer> {
    final List<Float> received = new ArrayList<>();

    @Override
    public Integer observe() {
      return received.size();
    }

    @Override
    public Integer act(float[] action) {
      received.add(action[0]);
      return received.size();
    }
  }

  static final LatentEncoder<Integer> ENCODER = (o, scope) -> scope.create(new float[] {o});

  static final LatentDynamics ONE_D = new LatentDynamics() {
    @Override
    public NDArray rollout(NDArray s0, NDArray actions) {
      throw new AssertionError("the fake planner never rolls out");
    }

    @Override
    public int latentDim() {
      return 1;
    }

    @Override
    public int actionDim() {
      return 1;
    }
  };

  @Test
  void executesKActionsPerPlanShrinksTheHorizonAndWarmStartsFromTheShiftedPlan() {
    RecordingPlanner planner = new RecordingPlanner();
    CountingSystem system = new CountingSystem();
    MpcLoop mpc = new MpcLoop(planner, new MpcSettings(5, 2, 10, 3, 9,
        WarmStartPadding.LAST_ACTION));
    try (NDManager m = NDManager.newBaseManager()) {
      MpcResult r = mpc.run(system, ENCODER, ONE_D, new ActionMagnitude(), o -> false, m,
          new SplittableRandom(1));
      assertThat(r.success()).isFalse();
      assertThat(r.steps()).isEqualTo(9);
      // steps 0, 2, 4: full horizon 5; step 6: 3 left; step 8: 1 left
      assertThat(planner.horizons).containsExactly(5, 5, 5, 3, 1);
      assertThat(r.replans().stream().map(Replan::step)).containsExactly(0, 2, 4, 6, 8);
      assertThat(r.replans().stream().map(Replan::executed)).containsExactly(2, 2, 2, 2, 1);
      assertThat(planner.iterations).containsExactly(10, 3, 3, 3, 3); // cold, then warm
      assertThat(r.replans().stream().map(Replan::iterations)).containsExactly(10, 3, 3, 3, 3);
      // the first two actions of each plan, in order
      assertThat(system.received).containsExactly(0f, 1f, 100f, 101f, 200f, 201f, 300f, 301f,
          400f);
      assertThat(r.actions().stream().map(a -> a[0])).containsExactlyElementsOf(system.received);
      // each plan starts from the encoding of the observation it was made at
      assertThat(planner.starts).containsExactly(0f, 2f, 4f, 6f, 8f);
      // warm starts: the previous plan shifted by 2, padded with its last action, cut to h
      assertThat(planner.warmStarts.get(0)).isNull();
      assertThat(planner.warmStarts.get(1)).isDeepEqualTo(new float[][] {{2}, {3}, {4}, {4}, {4}});
      assertThat(planner.warmStarts.get(2))
          .isDeepEqualTo(new float[][] {{102}, {103}, {104}, {104}, {104}});
      assertThat(planner.warmStarts.get(3)).isDeepEqualTo(new float[][] {{202}, {203}, {204}});
      assertThat(planner.warmStarts.get(4)).isDeepEqualTo(new float[][] {{302}});
      assertThat(r.replans()).allSatisfy(p -> assertThat(p.seconds()).isNotNegative());
      assertThat(m.getManagedArrays()).as("encoded latents die with their re-plan").isEmpty();
    }
  }

  @Test
  void aScheduledRunPlansEachStepWithTheObjectiveTheScheduleGivesFromItsStartLatent() {
    RecordingPlanner planner = new RecordingPlanner();
    PlanObjective toWaypoint = new ActionMagnitude();
    PlanObjective toGoal = new ActionMagnitude();
    // the latent is the count of actions taken; the waypoint is 6, reached within 0.5
    SubgoalSchedule schedule = new SubgoalSchedule(toWaypoint, toGoal, LatentMetric.euclidean(),
        new float[] {6}, 0.5, 100);
    MpcLoop mpc = new MpcLoop(planner, new MpcSettings(5, 2, 10, 3, 10,
        WarmStartPadding.ZEROS));
    try (NDManager m = NDManager.newBaseManager()) {
      MpcResult r = mpc.runScheduled(new CountingSystem(), ENCODER, ONE_D, schedule, o -> false,
          m, new SplittableRandom(1));
      assertThat(r.replans().stream().map(Replan::step)).containsExactly(0, 2, 4, 6, 8);
      assertThat(planner.objectives).containsExactly(toWaypoint, toWaypoint, toWaypoint, toGoal,
          toGoal);
      assertThat(schedule.switchStep()).isEqualTo(6);
      assertThat(schedule.reached()).isTrue();
      assertThat(m.getManagedArrays()).isEmpty();
    }
  }

  @Test
  void zeroPaddingFillsTheTailWithZeros() {
    float[][] prev = {{1, 1}, {2, 2}, {3, 3}};
    assertThat(MpcLoop.shifted(prev, 2, 3, WarmStartPadding.ZEROS))
        .isDeepEqualTo(new float[][] {{3, 3}, {0, 0}, {0, 0}});
    assertThat(MpcLoop.shifted(prev, 1, 3, WarmStartPadding.LAST_ACTION))
        .isDeepEqualTo(new float[][] {{2, 2}, {3, 3}, {3, 3}});
    assertThat(MpcLoop.shifted(prev, 0, 2, WarmStartPadding.ZEROS))
        .isDeepEqualTo(new float[][] {{1, 1}, {2, 2}});
  }

  @Test
  void stopsAsSoonAsTheSuccessTestHoldsEvenInsideAChunk() {
    RecordingPlanner planner = new RecordingPlanner();
    CountingSystem system = new CountingSystem();
    MpcLoop mpc = new MpcLoop(planner, new MpcSettings(4, 2, 5, 2, 20, WarmStartPadding.ZEROS));
    try (NDManager m = NDManager.newBaseManager()) {
      MpcResult r = mpc.run(system, ENCODER, ONE_D, new ActionMagnitude(), o -> o >= 3, m,
          new SplittableRandom(1));
      assertThat(r.success()).isTrue();
      assertThat(r.steps()).isEqualTo(3);
      assertThat(system.received).containsExactly(0f, 1f, 100f);
      assertThat(r.replans().stream().map(Replan::executed)).containsExactly(2, 1);
      // success on the first observation: no plan at all
      RecordingPlanner idle = new RecordingPlanner();
      MpcResult none = new MpcLoop(idle, mpc.settings()).run(new CountingSystem(), ENCODER, ONE_D,
          new ActionMagnitude(), o -> true, m, new SplittableRandom(1));
      assertThat(none.success()).isTrue();
      assertThat(none.steps()).isZero();
      assertThat(idle.horizons).isEmpty();
    }
  }

  @Test
  void reachesTheGoalOfAGridWorldWithARealPlanner() {
    GridSystem system = new GridSystem();
    float[] goal = {3, 2};
    MpcLoop mpc = new MpcLoop(new DynamicProgrammingPlanner(GridWorld.MOVES,
        DynamicProgrammingSettings.defaults()), new MpcSettings(3, 1, 1, 1, 12,
        WarmStartPadding.ZEROS));
    try (NDManager m = NDManager.newBaseManager()) {
      MpcResult r = mpc.run(system, (o, scope) -> scope.create(o), new GridWorld(),
          new GoalDistance(goal), o -> o[0] == goal[0] && o[1] == goal[1], m,
          new SplittableRandom(1));
      assertThat(r.success()).isTrue();
      assertThat(r.steps()).isEqualTo(5); // the Manhattan distance from (0, 0)
      assertThat(r.replans()).hasSize(5);
    }
  }

  @Test
  void badSettingsGiveOneLineErrors() {
    assertThatThrownBy(() -> new MpcSettings(5, 6, 10, 3, 9, WarmStartPadding.ZEROS))
        .hasMessage("plan.mpc.execute_steps=6 must be in 1..5 (plan.mpc.horizon); lower"
            + " plan.mpc.execute_steps");
    assertThatThrownBy(() -> new MpcSettings(5, 2, 10, 0, 9, WarmStartPadding.ZEROS))
        .hasMessage("plan.mpc.warm_iterations=0 must be at least 1");
  }

  /** The grid world as a system: the observation is the position. */
  static final class GridSystem implements ControlledSystem<float[]> {
    float[] pos = {0, 0};

    @Override
    public float[] observe() {
      return pos.clone();
    }

    @Override
    public float[] act(float[] action) {
      pos = new float[] {Math.min(4, Math.max(0, pos[0] + action[0])),
          Math.min(4, Math.max(0, pos[1] + action[1]))};
      return pos.clone();
    }
  }
}
