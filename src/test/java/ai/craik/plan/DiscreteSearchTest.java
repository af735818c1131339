package ai.craik.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Claim: on a deterministic model with finitely many states (a 5 x 5 grid) and step-additive costs
 * (goal distance at every step, or at the last step, plus action energy), forward dynamic
 * programming with state merging returns exactly the plan of exhaustive search over all 5^T
 * sequences, including which of several equally cheap sequences wins (the lexicographically first).
 */
class DiscreteSearchTest {
  static final ExhaustiveSearch EXHAUSTIVE =
      new ExhaustiveSearch(GridWorld.MOVES, ExhaustiveSettings.defaults());
  static final DynamicProgrammingPlanner DP =
      new DynamicProgrammingPlanner(GridWorld.MOVES, DynamicProgrammingSettings.defaults());

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void dynamicProgrammingEqualsExhaustiveSearchOnAGridWorld() {
    float[][] starts = {{0, 0}, {2, 2}, {4, 1}};
    float[][] goals = {{3, 1}, {0, 4}, {2, 2}};
    try (NDManager m = NDManager.newBaseManager()) {
      int compared = 0;
      for (float[] start : starts) {
        for (float[] goal : goals) {
          List<PlanObjective> objectives = List.of(
              new GoalDistance(goal),
              WeightedObjective.of("goal", 1, new GoalDistance(goal))
                  .with("action", 0.5, new ActionMagnitude()),
              WeightedObjective.of("goal", 1, new GoalDistance(goal, GoalDistance.Steps.LAST_STEP))
                  .with("action", 0.25, new ActionMagnitude()));
          for (PlanObjective objective : objectives) {
            for (int t = 1; t <= 4; t++) {
              Plan ex = EXHAUSTIVE.plan(m.create(start), new GridWorld(), objective, t, null, 1,
                  new SplittableRandom(1));
              Plan dp = DP.plan(m.create(start), new GridWorld(), objective, t, null, 1,
                  new SplittableRandom(1));
              assertThat(dp.actions()).as("start %s goal %s T %s", start[0] + "," + start[1],
                  goal[0] + "," + goal[1], t).isDeepEqualTo(ex.actions());
              assertThat(dp.cost()).isEqualTo(ex.cost());
              assertThat(dp.iterations()).isEqualTo(t);
              compared++;
            }
          }
        }
      }
      assertThat(compared).isEqualTo(3 * 3 * 3 * 4);
    }
  }

  @Test
  void tiesGoToTheLexicographicallyFirstSequenceInBothSearches() {
    try (NDManager m = NDManager.newBaseManager()) {
      GoalDistance objective = new GoalDistance(new float[] {1, 1});
      // right-then-up and up-then-right both cost 1 + 0; "right" (choice 1) precedes "up" (2)
      float[] rightUp = {1, 0, 0, 1};
      float[] upRight = {0, 1, 1, 0};
      double[] costs = Candidates.costs(m, new float[] {0, 0}, new GridWorld(), objective,
          concat(rightUp, upRight), 2, 2);
      assertThat(costs).containsExactly(1.0, 1.0);
      for (Planner p : new Planner[] {EXHAUSTIVE, DP}) {
        Plan plan = p.plan(m.create(new float[] {0, 0}), new GridWorld(), objective, 2, null, 1,
            new SplittableRandom(1));
        assertThat(plan.actions()).isDeepEqualTo(new float[][] {{1, 0}, {0, 1}});
        assertThat(plan.cost()).isEqualTo(1.0);
      }
    }
  }

  @Test
  void aBeamOfOneKeepsOneStateAndNeverBeatsTheExactSearch() {
    try (NDManager m = NDManager.newBaseManager()) {
      PlanObjective objective = WeightedObjective.of("goal", 1, new GoalDistance(
          new float[] {4, 4}, GoalDistance.Steps.LAST_STEP));
      DynamicProgrammingPlanner beam = new DynamicProgrammingPlanner(GridWorld.MOVES,
          new DynamicProgrammingSettings(1e-4, 1, 64, 1e-6));
      Plan exact = EXHAUSTIVE.plan(m.create(new float[] {0, 0}), new GridWorld(), objective, 4,
          null, 1, new SplittableRandom(1));
      Plan greedy = beam.plan(m.create(new float[] {0, 0}), new GridWorld(), objective, 4, null, 1,
          new SplittableRandom(1));
      assertThat(exact.cost()).isEqualTo(8.0); // (4 - 2)^2 + (4 - 2)^2: four moves reach (2, 2)
      assertThat(greedy.cost()).isGreaterThanOrEqualTo(exact.cost());
      // one kept state per depth: the mean cost of the kept set is its best cost
      assertThat(greedy.eliteCosts()).containsExactly(greedy.bestCosts());
      Plan all = DP.plan(m.create(new float[] {0, 0}), new GridWorld(), objective, 4, null, 1,
          new SplittableRandom(1));
      assertThat(all.eliteCosts()[3]).isGreaterThan(all.bestCosts()[3]);
      assertThat(all.cost()).isEqualTo(exact.cost());
    }
  }

  @Test
  void exhaustiveSearchRefusesHorizonsBeyondItsLimit() {
    ExhaustiveSearch small = new ExhaustiveSearch(GridWorld.MOVES,
        new ExhaustiveSettings(64, 1000, 1e-6));
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> small.plan(m.create(new float[] {0, 0}), new GridWorld(),
          new GoalDistance(new float[] {1, 1}), 5, null, 1, new SplittableRandom(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("would evaluate 3125 sequences, more than max_sequences=1000")
          .hasMessageContaining("use DynamicProgrammingPlanner");
    }
  }

  private static float[] concat(float[] x, float[] y) {
    float[] out = java.util.Arrays.copyOf(x, x.length + y.length);
    System.arraycopy(y, 0, out, x.length, y.length);
    return out;
  }
}
