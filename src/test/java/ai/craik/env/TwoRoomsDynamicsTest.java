package ai.craik.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class TwoRoomsDynamicsTest {

  /**
   * Over many random moves of every length up to (and beyond) the clip, in random layouts: the dot
   * stays in free space, and whenever it changes rooms the segment crosses the wall's centre line
   * inside the door.
   */
  @ParameterizedTest
  @EnumSource(CollisionPolicy.class)
  void dotStaysFreeAndChangesRoomsOnlyThroughTheDoor(CollisionPolicy policy) {
    SplittableRandom rng = new SplittableRandom(42);
    TwoRoomsDynamics dyn = new TwoRoomsDynamics(2.45, policy, 0.1);
    int crossings = 0;
    for (int episode = 0; episode < 200; episode++) {
      Layout layout = Layout.random(rng);
      double[] pos = TrajectoryGenerator.uniformFree(layout, rng);
      for (int t = 0; t < 500; t++) {
        double len = rng.nextDouble() * 4.0; // up to beyond the 2.45 clip
        double h = rng.nextDouble() * 2 * Math.PI;
        double px = pos[0];
        double py = pos[1];
        dyn.apply(layout, pos, len * Math.cos(h), len * Math.sin(h), rng);
        assertThat(TwoRoomsGeometry.free(layout, pos[0], pos[1]))
            .as("free after move from (%s, %s) to (%s, %s) in %s", px, py, pos[0], pos[1], layout)
            .isTrue();
        assertThat(Math.hypot(pos[0] - px, pos[1] - py)).isLessThanOrEqualTo(2.45 + 1e-9);
        if (TwoRoomsGeometry.room(layout, px) != TwoRoomsGeometry.room(layout, pos[0])) {
          crossings++;
          double s = (layout.wallX() - px) / (pos[0] - px);
          double yCross = py + s * (pos[1] - py);
          assertThat(Math.abs(yCross - layout.doorY())).isLessThan(TwoRoomsGeometry.DOOR_HALF);
        }
      }
    }
    assertThat(crossings).as("some moves went through the door").isGreaterThan(10);
  }

  @Test
  void stopRejectsABlockedMoveAndLeavesThePositionUnchanged() {
    TwoRoomsDynamics dyn = new TwoRoomsDynamics(2.45, CollisionPolicy.STOP, 0.1);
    Layout l = Layout.fixed();
    double[] pos = {29.0, 40.0}; // left of the wall (columns 31..33), below the door
    assertThat(dyn.apply(l, pos, 2.0, 0.0, new SplittableRandom(1))).isTrue();
    assertThat(pos).containsExactly(29.0, 40.0);
    double[] border = {5.0, 30.0};
    assertThat(dyn.apply(l, border, -1.0, 0.0, new SplittableRandom(1))).isTrue();
    assertThat(border).containsExactly(5.0, 30.0);
    double[] ok = {20.0, 30.0};
    assertThat(dyn.apply(l, ok, 1.0, 1.0, new SplittableRandom(1))).isFalse();
    assertThat(ok).containsExactly(21.0, 31.0);
  }

  @Test
  void contactEndsInFreeSpaceNearTheContactPoint() {
    TwoRoomsDynamics dyn = new TwoRoomsDynamics(2.45, CollisionPolicy.CONTACT, 0.1);
    Layout l = Layout.fixed();
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      double[] pos = {29.0 + rng.nextDouble(), 40.0};
      double start = pos[0];
      assertThat(dyn.apply(l, pos, 2.4, 0.0, rng)).isTrue();
      // The wall face is at x = 30.5; the dot rests just before it, on the commanded line.
      assertThat(TwoRoomsGeometry.free(l, pos[0], pos[1])).isTrue();
      assertThat(pos[1]).isEqualTo(40.0);
      assertThat(pos[0]).isLessThan(30.5).isGreaterThan(30.5 - 0.5);
      assertThat(pos[0]).isGreaterThanOrEqualTo(start);
    }
  }

  @Test
  void longActionsAreClippedToTheMaximumNorm() {
    TwoRoomsDynamics dyn = new TwoRoomsDynamics(2.45, CollisionPolicy.STOP, 0.0);
    double[] pos = {10.0, 30.0};
    dyn.apply(Layout.fixed(), pos, 30.0, 40.0, new SplittableRandom(1));
    assertThat(pos[0]).isCloseTo(10.0 + 2.45 * 0.6, within(1e-12));
    assertThat(pos[1]).isCloseTo(30.0 + 2.45 * 0.8, within(1e-12));
  }

  @Test
  void aLongMoveCannotTunnelThroughTheWall() {
    Layout l = Layout.fixed();
    // From x=29 to x=35 at y=40 jumps over the 3-px wall: must be blocked at the face x = 30.5.
    double t = TwoRoomsGeometry.contact(l, 29.0, 40.0, 35.0, 40.0);
    assertThat(t).isCloseTo(0.25, within(1e-12));
    // Through the door (rows 14..22) the same move is free.
    assertThat(TwoRoomsGeometry.contact(l, 29.0, 18.0, 35.0, 18.0)).isEqualTo(1.0);
  }
}
