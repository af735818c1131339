package ai.craik.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.craik.env.Layout;
import ai.craik.plan.GoalDistance;
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
        .containsEntry("oracle_wall", 0.0).containsEntry("curiosity", 0.0)
        .doesNotContainKey("wall");
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
    var goal = new GoalDistance(GOAL);
    assertThatThrownBy(() -> new IntrinsicCost(Map.of("goal", 1.0, "fun", 1.0), GOAL, goal,
        null, wm)).hasMessageContaining("unknown intrinsic cost term 'fun'");
    assertThatThrownBy(() -> new IntrinsicCost(Map.of("goal", -1.0), GOAL, goal, null, wm))
        .hasMessageContaining("goal=-1.0 must be finite and >= 0");
    assertThatThrownBy(() -> new IntrinsicCost(Map.of("goal", 1.0, "wall", 1.0), GOAL, goal,
        null, wm)).hasMessageContaining("unknown intrinsic cost term 'wall'")
        .hasMessageContaining("oracle_wall");
    assertThatThrownBy(() -> new IntrinsicCost(Map.of("goal", 1.0, "oracle_wall", 1.0), GOAL,
        goal, null, wm)).hasMessageContaining("oracle_wall weight > 0 needs an oracle wall term");
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
  void theOracleWallTermAddsItsWeightedPenaltyWhenSwitchedOn() {
    WorldModel wm = new WorldModel(new PointWorld());
    float[] goal = {15, 20};
    // The latent is the position; true wall at x = 30, door y in (35.5, 44.5).
    OracleWallProximity wall = new OracleWallProximity(x -> x, new Layout(30, 40), 3);
    IntrinsicCost on = new IntrinsicCost(Map.of("goal", 1.0, "oracle_wall", 2.0), goal,
        new GoalDistance(goal), wall, wm);
    IntrinsicCost off = new IntrinsicCost(Map.of("goal", 1.0), goal, new GoalDistance(goal),
        null, wm);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray states = PointWorld.states(m, goal, new float[] {32f, 20}); // 0.5 px off the face
      NDArray actions = m.create(new float[] {17, 0}, new Shape(1, 1, 2));
      float plain = off.cost(states, actions).getFloat(0); // ||(32,20) - (15,20)||^2 = 289
      assertThat(plain).isCloseTo(289f, within(1e-3f));
      assertThat(on.cost(states, actions).getFloat(0))
          .isCloseTo(plain + 2 * 2.5f * 2.5f, within(1e-3f)); // relu(3 - 0.5)^2, weight 2
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
