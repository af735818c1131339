package ai.craik.plan;

import static org.assertj.core.api.Assertions.assertThat;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Claim: with a binding action limit (the unconstrained optimum has steps of norm above 0.3), every
 * planner returns actions with ||a_t|| &lt;= max_norm = 0.3, also from a warm start far outside the
 * ball, and uses the limit (some step at the boundary).
 */
class ClippingTest {
  static final double MAX = 0.3;

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void everyPlannerKeepsEachActionInsideTheNormBall() {
    double[][] opt = LinearWorld.optimum(4, 0.1);
    assertThat(ActionSequences.maxNorm(LinearWorld.toFloat(opt))).as("the limit binds")
        .isGreaterThan(2 * MAX);
    float[][] farWarmStart = {{3, 3}, {-3, 0}, {0, 5}, {1, -4}};
    Planner[] planners = {
        new CemPlanner(new CemSettings(64, 8, 1.0, 0.05, MAX)),
        new MppiPlanner(new MppiSettings(64, 0.1, 1.0, 0.05, true, MAX)),
        new GradientPlanner(new GradientSettings(3, 0.1, 0.5, MAX)),
        new HybridPlanner(new HybridSettings(new CemSettings(64, 8, 1.0, 0.05, MAX), 2, 10, 0.1))};
    try (NDManager m = NDManager.newBaseManager()) {
      for (Planner p : planners) {
        for (float[][] warm : new float[][][] {null, farWarmStart}) {
          Plan plan = p.plan(m.create(LinearWorld.S0), new LinearWorld(false),
              LinearWorld.objective(0.1), 4, warm, 10, new SplittableRandom(3));
          for (float[] at : plan.actions()) {
            assertThat(norm(at)).as("%s", p.getClass().getSimpleName()).isLessThanOrEqualTo(MAX);
          }
          assertThat(ActionSequences.maxNorm(plan.actions())).as("%s uses the limit",
              p.getClass().getSimpleName()).isGreaterThan(0.9 * MAX);
        }
      }
    }
  }

  @Test
  void projectionScalesOnlyActionsOutsideTheBall() {
    float[] x = {3, 4, 0.1f, 0.2f}; // norms 5 and 0.22
    ActionSequences.project(x, 2, 1.0);
    assertThat(norm(new float[] {x[0], x[1]})).isLessThanOrEqualTo(1.0).isGreaterThan(0.99999);
    assertThat((double) x[0] / x[1]).isCloseTo(0.75, org.assertj.core.api.Assertions.offset(1e-6));
    assertThat(new float[] {x[2], x[3]}).containsExactly(0.1f, 0.2f);
    float[] y = {3, 4};
    ActionSequences.project(y, 2, 0.0); // 0 = no limit
    assertThat(y).containsExactly(3f, 4f);
  }

  static double norm(float[] a) {
    double sq = 0;
    for (float v : a) {
      sq += (double) v * v;
    }
    return Math.sqrt(sq);
  }
}
