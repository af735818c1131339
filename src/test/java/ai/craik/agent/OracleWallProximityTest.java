package ai.craik.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsGeometry;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The oracle wall penalty on positions read from latents (here the latent is the position). */
class OracleWallProximityTest {
  private static final Layout L = new Layout(30, 40); // wall x = 30, door y in (35.5, 44.5)
  private static final UnaryOperator<NDArray> IDENTITY = x -> x;

  private static float cost(NDManager m, double margin, float[]... points) {
    float[] flat = new float[(points.length + 1) * 2];
    for (int i = 0; i < points.length; i++) {
      System.arraycopy(points[i], 0, flat, (i + 1) * 2, 2);
    }
    NDArray states = m.create(flat, new Shape(1, points.length + 1, 2)); // index 0 not counted
    return new OracleWallProximity(IDENTITY, L, margin).cost(states, m.zeros(new Shape(1,
        points.length, 2))).getFloat(0);
  }

  @Test
  void penalizesOnlyWithinTheMarginOfAWallAndNotInTheDoor() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThat(cost(m, 3, new float[] {15, 20})).isZero(); // open floor
      float face = 30f + (float) TwoRoomsGeometry.WALL_HALF;
      assertThat(cost(m, 3, new float[] {face + 0.5f, 20})).isCloseTo(6.25f, within(1e-4f));
      assertThat(cost(m, 3, new float[] {face + 0.5f, 40})).isZero(); // in the door
      assertThat(cost(m, 3, new float[] {30f, 20})).isCloseTo(4.5f * 4.5f, within(1e-4f));
      float low = (float) TwoRoomsGeometry.LOW;
      assertThat(cost(m, 3, new float[] {low + 1, 20})).isCloseTo(4f, within(1e-4f));
      assertThat(cost(m, 3, new float[] {low + 1, low + 2})).isCloseTo(5f, within(1e-4f));
      // steps add up
      assertThat(cost(m, 3, new float[] {low + 1, 20}, new float[] {face + 0.5f, 20}))
          .isCloseTo(10.25f, within(1e-4f));
    }
    assertThatThrownBy(() -> new OracleWallProximity(IDENTITY, L, 0))
        .hasMessageContaining("oracle wall margin 0.0 must be > 0");
  }
}
