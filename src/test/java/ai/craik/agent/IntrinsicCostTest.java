package ai.craik.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The intrinsic cost: fixed, without trainable parameters, and the sums it promises. */
class IntrinsicCostTest {
  private static final float[] GOAL = {1f, 2f};

  @Test
  void exposesNoTrainableParametersAndRefusesChanges() {
    IntrinsicCost ic = PointWorld.cost(GOAL, 0.5, 0.0);
    assertThat(ic.trainableParameters()).isEmpty();
    assertThat(ic.weights()).containsEntry("goal", 1.0).containsEntry("action", 0.5)
        .containsEntry("wall", 0.0).containsEntry("curiosity", 0.0);
    assertThatThrownBy(() -> ic.weights().put("goal", 9.0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ic.weights().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    float[] g = ic.goal();
    g[0] = 100f;
    assertThat(ic.goal()).containsExactly(GOAL);
    // No public constructor: only the configurator (this package) can make one.
    assertThat(IntrinsicCost.class.getConstructors()).isEmpty();
  }

  @Test
  void rejectsUnknownTermsAndNegativeWeights() {
    WorldModel wm = new WorldModel(new PointWorld());
    var goal = new ai.craik.plan.GoalDistance(GOAL);
    assertThatThrownBy(() -> new IntrinsicCost(Map.of("goal", 1.0, "fun", 1.0), GOAL, goal,
        null, wm)).hasMessageContaining("unknown intrinsic cost term 'fun'");
    assertThatThrownBy(() -> new IntrinsicCost(Map.of("goal", -1.0), GOAL, goal, null, wm))
        .hasMessageContaining("goal=-1.0 must be finite and >= 0");
    assertThatThrownBy(() -> new IntrinsicCost(Map.of("goal", 1.0, "wall", 1.0), GOAL, goal,
        null, wm)).hasMessageContaining("wall weight > 0 needs a wall term");
  }

  @Test
  void trajectoryCostIsTheSumOfItsStepsAndMatchesTheFormula() {
    IntrinsicCost ic = PointWorld.cost(GOAL, 0.5, 0.0);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray states = PointWorld.states(m, new float[] {0, 0}, new float[] {1, 0},
          new float[] {1, 1}); // [1, 3, 2]
      NDArray actions = m.create(new float[] {1, 0, 0, 1}, new Shape(1, 2, 2));
      // steps: ||(1,0)-(1,2)||^2 + 0.5*1 = 4.5 and ||(1,1)-(1,2)||^2 + 0.5*1 = 1.5
      assertThat(ic.cost(states, actions).getFloat(0)).isCloseTo(6.0f, within(1e-5f));
      float[] steps = ic.perStep(states, actions).toFloatArray();
      assertThat(steps).containsExactly(new float[] {4.5f, 1.5f}, within(1e-5f));
      assertThat(ic.observed(new float[] {1, 0}, new float[] {0, 1}, new float[] {1, 1}, m))
          .isCloseTo(1.5, within(1e-5));
      assertThat(ic.observed(null, null, new float[] {1, 0}, m)).isCloseTo(4.0, within(1e-5));
    }
  }

  @Test
  void curiosityRewardsSurpriseOnObservedStepsOnly() {
    IntrinsicCost plain = PointWorld.cost(GOAL, 0.0, 0.0);
    IntrinsicCost curious = PointWorld.cost(GOAL, 0.0, 2.0);
    try (NDManager m = NDManager.newBaseManager()) {
      // The model predicts (1, 1) from (1, 0) + (0, 1); the world put the point at (1, 3).
      float[] s = {1, 0};
      float[] a = {0, 1};
      float[] next = {1, 3};
      double base = plain.observed(s, a, next, m);
      assertThat(base).isCloseTo(1.0, within(1e-5)); // ||(1,3) - (1,2)||^2
      assertThat(curious.observed(s, a, next, m)).isCloseTo(base - 2.0 * 4.0, within(1e-4));
      NDArray states = PointWorld.states(m, s, new float[] {1, 1});
      NDArray actions = m.create(a, new Shape(1, 1, 2));
      assertThat(curious.cost(states, actions).getFloat(0))
          .isEqualTo(plain.cost(states, actions).getFloat(0)); // imagined: no surprise
    }
  }
}
