package ai.craik.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.plan.MppiPlanner;
import ai.craik.plan.MppiSettings;
import ai.craik.plan.WarmStartPadding;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The agent loop on the point world: Mode-2 plans, Mode-1 is distilled from it, auto mixes. */
class DistillationTest {
  private static final double MAX_NORM = 0.5;
  private static final int BUDGET = 30;

  private static ActorSettings settings() {
    return new ActorSettings(8, 2, 4, 2, WarmStartPadding.LAST_ACTION, 0.05, 0.05, 0.05, 8, 2, 6,
        false);
  }

  private static Actor actor(Mode mode, Policy policy) {
    MppiPlanner planner = new MppiPlanner(new MppiSettings(64, 0.5, 0.5, 0.05, true, MAX_NORM));
    return new Actor(mode == Mode.MODE1 ? null : planner, policy, mode, settings());
  }

  /** Runs {@code n} episodes (task seeds from {@code seed}) and returns how many succeeded. */
  private static int episodes(Agent<float[]> agent, int n, long seed, double[] mode1Share,
      NDManager nd) {
    int ok = 0;
    double share = 0;
    for (int i = 0; i < n; i++) {
      SplittableRandom task = new SplittableRandom(seed + i);
      float[] start = {(float) task.nextDouble(-2, 2), (float) task.nextDouble(-2, 2)};
      float[] goal = {(float) task.nextDouble(-2, 2), (float) task.nextDouble(-2, 2)};
      IntrinsicCost ic = PointWorld.cost(goal, 0.01, 0);
      EpisodeRecord r = agent.run(i, PointWorld.system(start),
          o -> Math.hypot(o[0] - goal[0], o[1] - goal[1]) < 0.25,
          GoalSchedule.single(goal, new CostModule(ic, null, 0)), BUDGET,
          new SplittableRandom(100 + i), nd);
      ok += r.success() ? 1 : 0;
      share += r.mode1Share() / n;
      assertThat(r.actions()).allSatisfy(a -> assertThat(Math.hypot(a[0], a[1]))
          .isLessThanOrEqualTo(MAX_NORM + 1e-5));
    }
    if (mode1Share != null) {
      mode1Share[0] = share;
    }
    return ok;
  }

  @Test
  void modeOneDistilledFromModeTwoReachesItsGoalsAndAutoUsesBoth() {
    try (NDManager nd = NDManager.newBaseManager()) {
      WorldModel wm = new WorldModel(new PointWorld());
      ShortTermMemory memory = new ShortTermMemory(50_000);
      Agent<float[]> planner = new Agent<>(PointWorld.perception(), wm, actor(Mode.MODE2, null),
          memory, true);
      int mode2 = episodes(planner, 40, 0, null, nd);
      assertThat(mode2).isGreaterThanOrEqualTo(38);
      assertThat(memory.observedCount()).isGreaterThan(40 * 5);
      assertThat(memory.size()).isGreaterThan(memory.observedCount()); // imagined plans too
      MemoryEntry first = memory.get(0, 0).orElseThrow();
      assertThat(first.action()).hasSize(2);

      Policy policy = new Policy(nd, 2, 2, new int[] {64, 64}, MAX_NORM, new SplittableRandom(2));
      double before = policy.imitationError(memory.observed(), nd);
      double[] losses = policy.distil(memory, 1, false, 0, 150, 64, 3e-3, new SplittableRandom(3), nd);
      assertThat(losses[losses.length - 1]).isLessThan(losses[0]);
      assertThat(policy.imitationError(memory.observed(), nd)).isLessThan(before / 3);

      Agent<float[]> reactive = new Agent<>(PointWorld.perception(), wm,
          actor(Mode.MODE1, policy), new ShortTermMemory(10_000), false);
      int mode1 = episodes(reactive, 12, 1000, null, nd);
      assertThat(mode1).isGreaterThanOrEqualTo(10);

      double[] share = new double[1];
      Agent<float[]> auto = new Agent<>(PointWorld.perception(), wm, actor(Mode.AUTO, policy),
          new ShortTermMemory(10_000), false);
      int mixed = episodes(auto, 12, 1000, share, nd);
      assertThat(mixed).isGreaterThanOrEqualTo(10);
      assertThat(share[0]).isGreaterThan(0.2).isLessThan(1.0);
    }
  }

  @Test
  void actorRefusesModesWithoutTheirParts() {
    assertThatThrownBy(() -> actor(Mode.MODE1, null))
        .hasMessageContaining("mode 1 needs a Mode-1 policy");
    assertThatThrownBy(() -> new Actor(null, null, Mode.MODE2, settings()))
        .hasMessageContaining("mode 2 needs a planner");
    assertThat(Mode.parse("auto")).isEqualTo(Mode.AUTO);
    assertThat(Mode.parse("mode1")).isEqualTo(Mode.MODE1);
    assertThatThrownBy(() -> Mode.parse("3")).hasMessageContaining("use one of [1, 2, auto]");
  }
}
