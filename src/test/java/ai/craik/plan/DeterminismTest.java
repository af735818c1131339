package ai.craik.plan;

import static org.assertj.core.api.Assertions.assertThat;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Same stream and thread count give the identical plan; another stream gives another plan. */
class DeterminismTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void sameSeedGivesTheIdenticalPlanForEveryRandomizedPlanner() {
    Planner[] planners = {
        new CemPlanner(new CemSettings(32, 4, 1.0, 0.05, 1.0)),
        new MppiPlanner(new MppiSettings(32, 0.5, 1.0, 0.05, true, 1.0)),
        new GradientPlanner(new GradientSettings(3, 0.05, 0.5, 1.0)),
        new HybridPlanner(new HybridSettings(new CemSettings(32, 4, 1.0, 0.05, 1.0), 2, 3, 0.05))};
    float[][] warm = {{0.1f, 0.2f}, {0, 0}, {-0.3f, 0.1f}};
    try (NDManager m = NDManager.newBaseManager()) {
      for (Planner p : planners) {
        Plan a = plan(m, p, warm, 7);
        Plan b = plan(m, p, warm, 7);
        Plan c = plan(m, p, warm, 8);
        String name = p.getClass().getSimpleName();
        assertThat(b.actions()).as(name).isDeepEqualTo(a.actions());
        assertThat(b.cost()).as(name).isEqualTo(a.cost());
        assertThat(b.bestCosts()).as(name).containsExactly(a.bestCosts());
        assertThat(b.std()).as(name).isDeepEqualTo(a.std());
        assertThat(c.actions()).as("%s with another seed", name).isNotEqualTo(a.actions());
      }
    }
  }

  private static Plan plan(NDManager m, Planner p, float[][] warm, long seed) {
    return p.plan(m.create(LinearWorld.S0), new LinearWorld(true), LinearWorld.objective(0.1), 3,
        warm, 4, new SplittableRandom(seed));
  }
}
