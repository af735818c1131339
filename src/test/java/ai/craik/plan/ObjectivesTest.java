package ai.craik.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cost terms against values worked by hand on N = 2, T = 2, D = 2, A = 1. */
class ObjectivesTest {
  // states [2, 3, 2]: candidate 0 goes (0,0) -> (1,0) -> (1,1); candidate 1 (0,0) -> (2,0) -> (3,0)
  static final float[] STATES = {0, 0, 1, 0, 1, 1, 0, 0, 2, 0, 3, 0};
  static final float[] ACTIONS = {1, 2, -3, 0.5f}; // [2, 2, 1]
  static final float[] GOAL = {1, 1};

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void goalDistanceSumsStepsOneToTOrTakesTheLastStep() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray s = m.create(STATES, new Shape(2, 3, 2));
      NDArray a = m.create(ACTIONS, new Shape(2, 2, 1));
      // candidate 0: ||(1,0)-(1,1)||^2 + ||(1,1)-(1,1)||^2 = 1 + 0; start (0,0) not counted
      // candidate 1: ||(2,0)-(1,1)||^2 + ||(3,0)-(1,1)||^2 = 2 + 5
      assertThat(new GoalDistance(GOAL).cost(s, a).toFloatArray()).containsExactly(1f, 7f);
      assertThat(new GoalDistance(GOAL, GoalDistance.Steps.LAST_STEP).cost(s, a).toFloatArray())
          .containsExactly(0f, 5f);
      assertThat(new ActionMagnitude().cost(s, a).toFloatArray()).containsExactly(5f, 9.25f);
    }
  }

  @Test
  void weightedObjectiveIsTheWeightedSumAndReportsRawParts() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray s = m.create(STATES, new Shape(2, 3, 2));
      NDArray a = m.create(ACTIONS, new Shape(2, 2, 1));
      WeightedObjective w = WeightedObjective.of("goal", 2.0, new GoalDistance(GOAL))
          .with("action", 0.1, new ActionMagnitude());
      float[] c = w.cost(s, a).toFloatArray();
      assertThat((double) c[0]).isCloseTo(2 * 1 + 0.1 * 5, offset(1e-6));
      assertThat((double) c[1]).isCloseTo(2 * 7 + 0.1 * 9.25, offset(1e-5));
      Map<String, double[]> parts = w.partValues(s, a);
      assertThat(parts.keySet()).containsExactly("goal", "action");
      assertThat(parts.get("goal")).containsExactly(1.0, 7.0);
      assertThat(parts.get("action")).containsExactly(5.0, 9.25);
      // a plugged-in term (e.g. a critic) is just another objective
      PlanObjective critic = (states, actions) -> states.get(":, -1, 0"); // x of the last state
      float[] more = w.with("critic", 1.0, critic).cost(s, a).toFloatArray();
      assertThat((double) more[1] - c[1]).isCloseTo(3.0, offset(1e-5));
    }
  }
}
