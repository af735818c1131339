package ai.craik.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad settings and bad planning arguments fail with one line naming the value and the fix. */
class SettingsTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void badSettingsNameTheKeyTheValueAndTheFix() {
    assertOneLine(() -> new CemSettings(30, 40, 1.0, 0.05, 0), "plan.cem.elites=40 must be in"
        + " 1..30 (plan.cem.samples); lower plan.cem.elites or raise plan.cem.samples");
    assertOneLine(() -> new CemSettings(30, 4, 1.0, 2.0, 0), "plan.cem.min_std=2.0 must be in"
        + " [0, 1.0] (plan.cem.init_std); lower plan.cem.min_std");
    assertOneLine(() -> new CemSettings(30, 4, 1.0, 0.1, -1), "plan.cem.max_norm=-1.0 must be"
        + " >= 0 (0 = no limit); use the environment's largest action norm");
    assertOneLine(() -> new MppiSettings(30, 0, 1.0, 0.1, true, 0), "plan.mppi.temperature=0.0"
        + " must be > 0 (in cost units); use e.g. the spread of the costs");
    assertOneLine(() -> new MppiSettings(1, 1, 1.0, 0.1, true, 0), "plan.mppi.samples=1 must be"
        + " at least 2; raise plan.mppi.samples");
    assertOneLine(() -> new GradientSettings(0, 0.05, 0.5, 0), "plan.gradient.restarts=0 must be"
        + " at least 1; raise plan.gradient.restarts");
    assertOneLine(() -> new GradientSettings(2, Double.NaN, 0.5, 0),
        "plan.gradient.learning_rate=NaN must be > 0; use e.g. 0.05");
    assertOneLine(() -> new HybridSettings(new CemSettings(30, 4, 1.0, 0.1, 0), 31, 5, 0.1),
        "plan.hybrid.refine_top=31 must be in 1..30 (plan.hybrid.cem.samples); lower"
            + " plan.hybrid.refine_top");
    assertOneLine(() -> new DynamicProgrammingSettings(-1, 0, 10, 0),
        "plan.dp.state_tolerance=-1.0 must be >= 0; use e.g. 1e-4");
    assertOneLine(() -> new ExhaustiveSettings(0, 10, 0),
        "plan.exhaustive.batch_size=0 must be at least 1");
    assertOneLine(() -> new DiscreteActions(new float[][] {{0, 0}, {1}}),
        "discrete action 1 has size 1, action 0 has 2; give all actions the same size");
    assertOneLine(() -> WeightedObjective.of("goal", 1, new ActionMagnitude())
        .with("goal", 2, new ActionMagnitude()),
        "objective term 'goal' appears twice; give each term its own name");
    assertOneLine(() -> WeightedObjective.of("goal", -1, new ActionMagnitude()),
        "objective term 'goal' has weight -1.0; use a finite weight >= 0");
  }

  @Test
  void badPlanningArgumentsNameTheShapeAndTheFix() {
    Planner cem = new CemPlanner(CemSettings.defaults());
    LinearWorld model = new LinearWorld(false);
    PlanObjective objective = LinearWorld.objective(0.1);
    try (NDManager m = NDManager.newBaseManager()) {
      assertOneLine(() -> cem.plan(m.create(new float[] {1, 2}), model, objective, 3, null, 2,
          new SplittableRandom(1)),
          "planning expects one start latent [D] or [1, D] with D = 3, got (2)");
      assertOneLine(() -> cem.plan(m.create(LinearWorld.S0), model, objective, 0, null, 2,
          new SplittableRandom(1)), "planning horizon=0 must be at least 1");
      assertOneLine(() -> cem.plan(m.create(LinearWorld.S0), model, objective, 3,
          new float[2][2], 2, new SplittableRandom(1)),
          "warm start has 2 steps, the horizon is 3; give [3][2]");
      assertOneLine(() -> cem.plan(m.create(LinearWorld.S0), model, objective, 2,
          new float[][] {{0, 0}, {0, 0, 0}}, 2, new SplittableRandom(1)),
          "warm start step 1 has 3 values, the model's action size is 2");
      PlanObjective wrongShape = (states, actions) -> states.sum(new int[] {2});
      assertOneLine(() -> cem.plan(m.create(LinearWorld.S0), model, wrongShape, 2, null, 1,
          new SplittableRandom(1)), "the objective returned costs (300, 3) for 300 candidates;"
          + " a PlanObjective must return one cost per candidate [N]");
      assertThat(m.getManagedArrays()).as("failed calls leave only their inputs").hasSize(5);
    }
  }

  private static void assertOneLine(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
