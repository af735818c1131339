package ai.craik.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Shortest paths on hand-made cases of the fixed layout (wall columns 31..33, door rows 14..22). */
class TwoRoomsPathsTest {
  static final Layout L = Layout.fixed(); // wall faces x = 30.5, 33.5; door opening 13.5 < y < 22.5

  @Test
  void sameRoomIsTheStraightLine() {
    assertThat(TwoRoomsPaths.shortestPath(L, 10, 10, 20, 40)).isCloseTo(Math.hypot(10, 30),
        within(1e-12));
    assertThat(TwoRoomsPaths.shortestPath(L, 40, 50, 58, 6)).isCloseTo(Math.hypot(18, 44),
        within(1e-12));
  }

  @Test
  void acrossTheWallLevelWithTheDoorIsTheStraightLine() {
    // y = 18 is the door's centre row: the segment passes through the opening
    assertThat(TwoRoomsPaths.shortestPath(L, 20, 18, 45, 18)).isCloseTo(25, within(1e-12));
    assertThat(TwoRoomsPaths.visible(L, 20, 18, 45, 18)).isTrue();
  }

  @Test
  void acrossTheWallFarFromTheDoorBendsRoundBothDoorCorners() {
    // (28, 40) and (36, 40): 8 px apart in a straight line, but the path goes down to the door:
    // (28, 40) -> (30.5, 22.5) -> (33.5, 22.5) -> (36, 40)
    double leg = Math.hypot(2.5, 17.5);
    assertThat(TwoRoomsPaths.visible(L, 28, 40, 36, 40)).isFalse();
    assertThat(TwoRoomsPaths.shortestPath(L, 28, 40, 36, 40)).isCloseTo(leg + 3 + leg,
        within(1e-9));
  }

  @Test
  void throughTheDoorEdgeGrazesOneCorner() {
    // From (25, 22) in the door's row band to (40, 23): the straight line meets the upper wall's
    // lower face (y = 22.5) inside the wall (at x = 32.5), so it bends round the corner (33.5, 22.5)
    assertThat(TwoRoomsPaths.visible(L, 25, 22, 40, 23)).isFalse();
    double viaCorner = Math.hypot(33.5 - 25, 0.5) + Math.hypot(40 - 33.5, 0.5);
    assertThat(TwoRoomsPaths.shortestPath(L, 25, 22, 40, 23)).isCloseTo(viaCorner, within(1e-9));
    // just inside the edge, level: straight through
    assertThat(TwoRoomsPaths.shortestPath(L, 25, 22.4, 40, 22.4)).isCloseTo(15, within(1e-12));
    // a point inside the door opening (in the wall's columns) sees both rooms' near points
    assertThat(TwoRoomsPaths.shortestPath(L, 32, 20, 36, 24)).isCloseTo(Math.hypot(4, 4),
        within(1e-12));
  }

  @Test
  void isSymmetricAtLeastTheStraightLineAndObeysTheTriangleInequality() {
    SplittableRandom rng = new SplittableRandom(7);
    int bent = 0;
    for (int i = 0; i < 2000; i++) {
      Layout l = Layout.random(rng);
      double[] a = TrajectoryGenerator.uniformFree(l, rng);
      double[] b = TrajectoryGenerator.uniformFree(l, rng);
      double[] c = TrajectoryGenerator.uniformFree(l, rng);
      double ab = TwoRoomsPaths.shortestPath(l, a[0], a[1], b[0], b[1]);
      double straight = Math.hypot(b[0] - a[0], b[1] - a[1]);
      assertThat(TwoRoomsPaths.shortestPath(l, b[0], b[1], a[0], a[1])).isCloseTo(ab,
          within(1e-9));
      assertThat(ab).isGreaterThanOrEqualTo(straight - 1e-9);
      assertThat(ab).isLessThanOrEqualTo(TwoRoomsPaths.shortestPath(l, a[0], a[1], c[0], c[1])
          + TwoRoomsPaths.shortestPath(l, c[0], c[1], b[0], b[1]) + 1e-9);
      // when both see the door's centre, the two segments through it are a (longer) free path
      if (TwoRoomsPaths.visible(l, a[0], a[1], l.wallX(), l.doorY())
          && TwoRoomsPaths.visible(l, l.wallX(), l.doorY(), b[0], b[1])) {
        double viaDoor = Math.hypot(l.wallX() - a[0], l.doorY() - a[1])
            + Math.hypot(b[0] - l.wallX(), b[1] - l.doorY());
        assertThat(ab).isLessThanOrEqualTo(viaDoor + 1e-9);
      }
      boolean outsideDoor = Math.abs(a[0] - l.wallX()) > TwoRoomsGeometry.WALL_HALF
          && Math.abs(b[0] - l.wallX()) > TwoRoomsGeometry.WALL_HALF;
      if (ab > straight + 1e-6 && outsideDoor) { // (a point in the door may bend round a corner)
        bent++;
        assertThat(TwoRoomsGeometry.room(l, a[0])).isNotEqualTo(TwoRoomsGeometry.room(l, b[0]));
      }
    }
    assertThat(bent).as("some pairs need the door").isGreaterThan(200);
  }

  @Test
  void pointsInAWallAreRejected() {
    assertThatThrownBy(() -> TwoRoomsPaths.shortestPath(L, 32, 40, 10, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(32.0, 40.0)");
  }
}
