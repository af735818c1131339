package ai.craik.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The task's own layout behind its methods: points placed by room, free space, goal images. */
class TwoRoomsTaskTest {
  private static TwoRoomsTask task(Layout layout) {
    return new TwoRoomsTask(1, layout, new double[] {10, 10}, new double[] {50, 50}, 200, 4.5);
  }

  @Test
  void pointsInRoomsAreInsideTheirRoomsFreeBoxWhateverTheLayout() {
    for (Layout l : List.of(new Layout(20, 10), new Layout(44, 54), new Layout(30, 40))) {
      TwoRoomsTask t = task(l);
      double[] left = t.pointInRoom("left", 1.0, 0.0, 2.6);
      double[] right = t.pointInRoom("right", 0.0, 1.0, 2.6);
      assertThat(t.isFree(left[0], left[1])).isTrue();
      assertThat(t.isFree(right[0], right[1])).isTrue();
      assertThat(TwoRoomsGeometry.room(l, left[0])).isZero();
      assertThat(TwoRoomsGeometry.room(l, right[0])).isEqualTo(1);
      assertThat(left[0]).isEqualTo(l.wallX() - TwoRoomsGeometry.WALL_HALF - 2.6);
      assertThat(right[1]).isEqualTo(TwoRoomsGeometry.HIGH - 2.6);
      assertThat(t.pointInRoom("arena", 0.5, 0.5, 2.6)).containsExactly(32.0, 32.0);
    }
    assertThatThrownBy(() -> task(Layout.fixed()).pointInRoom("attic", 0.5, 0.5, 1))
        .hasMessageContaining("room 'attic' is not one of [left, right, arena]");
  }

  @Test
  void isFreeAndImagesUseTheTasksOwnLayout() {
    Layout l = new Layout(30, 40);
    TwoRoomsTask t = task(l);
    assertThat(t.isFree(30, 20)).isFalse(); // in the middle wall
    assertThat(t.isFree(30, 40)).isTrue(); // in its door
    assertThat(t.isFree(3, 20)).isFalse(); // outside the arena
    TwoRoomsRenderer r = new TwoRoomsRenderer(65, 1.3);
    assertThat(t.imageWithDotAt(r, 12.5, 33)).isEqualTo(r.render(l, 12.5, 33));
    assertThat(t.goalImage(r)).isEqualTo(r.render(l, 50, 50));
  }
}
