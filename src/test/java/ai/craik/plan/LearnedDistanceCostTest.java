package ai.craik.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.engine.HostRandom;
import ai.craik.jepa.TemporalDistanceHead;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The learned goal cost against the head itself on fixed inputs (N = 2, T = 3, D = 4). */
class LearnedDistanceCostTest {
  static final int N = 2;
  static final int T = 3;
  static final int D = 4;

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  static TemporalDistanceHead head(NDManager m) {
    return new TemporalDistanceHead(m, D, new int[] {8}, 5, 30, 1e-3, new SplittableRandom(3));
  }

  @Test
  void sumsTheHeadsDistanceOverStepsOneToTOrTakesTheLastStep() {
    try (NDManager m = NDManager.newBaseManager()) {
      TemporalDistanceHead h = head(m);
      float[] s = HostRandom.normal(new SplittableRandom(4), N * (T + 1) * D);
      float[] g = HostRandom.normal(new SplittableRandom(5), D);
      NDArray states = m.create(s, new Shape(N, T + 1, D));
      NDArray actions = m.zeros(new Shape(N, T, 2));
      NDArray goal = m.create(g, new Shape(1, D));
      float[] all = new LearnedDistanceCost(h, g, GoalDistance.Steps.ALL_STEPS)
          .cost(states, actions).toFloatArray();
      float[] last = LearnedDistanceCost.of(h, goal, GoalDistance.Steps.LAST_STEP)
          .cost(states, actions).toFloatArray();
      assertThat(all).hasSize(N);
      for (int i = 0; i < N; i++) {
        double sum = 0;
        for (int t = 1; t <= T; t++) {
          sum += h.distance(states.get("{}, {}", i, t).reshape(1, D), goal).getFloat();
        }
        assertThat((double) all[i]).isCloseTo(sum, offset(1e-4));
        assertThat((double) last[i]).isCloseTo(
            h.distance(states.get("{}, {}", i, T).reshape(1, D), goal).getFloat(), offset(1e-5));
      }
      // a weighted term like any other objective
      float[] w = WeightedObjective.of("learned", 2.0, new LearnedDistanceCost(h, g,
          GoalDistance.Steps.ALL_STEPS)).cost(states, actions).toFloatArray();
      assertThat((double) w[1]).isCloseTo(2.0 * all[1], offset(1e-4));
    }
  }

  @Test
  void isDifferentiableInTheImaginedStatesButNotTheStart() {
    try (NDManager m = NDManager.newBaseManager()) {
      TemporalDistanceHead h = head(m);
      float[] s = HostRandom.normal(new SplittableRandom(6), N * (T + 1) * D);
      float[] g = HostRandom.normal(new SplittableRandom(7), D);
      LearnedDistanceCost cost = new LearnedDistanceCost(h, g, GoalDistance.Steps.ALL_STEPS);
      NDArray states = m.create(s, new Shape(N, T + 1, D));
      NDArray actions = m.zeros(new Shape(N, T, 2));
      states.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(cost.cost(states, actions).sum());
      }
      float[] grad = states.getGradient().toFloatArray();
      // central finite difference of the total cost in a few coordinates, in float64 on copies
      int[] probes = {0, D + 1, 2 * D + 2, (T + 1) * D + 3 * D + 3};
      for (int k : probes) {
        double eps = 1e-2;
        float[] plus = s.clone();
        float[] minus = s.clone();
        plus[k] += (float) eps;
        minus[k] -= (float) eps;
        double fd = (total(m, cost, plus, actions) - total(m, cost, minus, actions)) / (2 * eps);
        boolean start = k % ((T + 1) * D) < D;
        if (start) {
          assertThat(grad[k]).isEqualTo(0f);
        } else {
          assertThat((double) grad[k]).as("coordinate %s", k).isCloseTo(fd, offset(2e-2));
        }
      }
    }
  }

  @Test
  void rejectsAGoalOfTheWrongSize() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> new LearnedDistanceCost(head(m), new float[3],
          GoalDistance.Steps.ALL_STEPS)).hasMessageContaining("D = 4");
    }
  }

  private static double total(NDManager m, LearnedDistanceCost c, float[] s, NDArray actions) {
    return c.cost(m.create(s, new Shape(N, T + 1, D)), actions).sum()
        .toType(DataType.FLOAT64, false).getDouble();
  }
}
