package ai.craik.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.config.ConfigValueException;
import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsGeometry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configurator's oracle route through the door, and the task sections' checks. */
class ConfiguratorTest {
  private static final Layout L = new Layout(30, 40);

  @Test
  void theOracleRoutesThroughTheTrueDoorOnlyWhenTheNextGoalIsInTheOtherRoom() {
    double[] a = {10, 10};
    double[] b = {50, 50};
    double[] c = {52, 20};
    List<double[]> r = Configurator.oracleViaDoor(L, List.of(a, b, c), new double[] {12, 30});
    assertThat(r).hasSize(5);
    assertThat(r.get(0)).isSameAs(a); // same room as the start
    assertThat(r.get(1)).containsExactly(25.5, 40); // into the doorway from the left ...
    assertThat(r.get(2)).containsExactly(34.5, 40); // ... and out of it on the right, before b
    assertThat(r.get(3)).isSameAs(b);
    assertThat(r.get(4)).isSameAs(c); // b and c share the right room
    List<double[]> back = Configurator.oracleViaDoor(L, List.of(a), new double[] {50, 30});
    assertThat(back).hasSize(3);
    assertThat(back.get(0)).containsExactly(34.5, 40); // from the right: the right side first
    for (double[] p : r) {
      assertThat(TwoRoomsGeometry.free(L, p[0], p[1])).isTrue();
    }
  }

  @Test
  void taskSectionsRejectBadValuesWithTheirKey() {
    assertThatThrownBy(() -> new TaskConfig.Point("attic", List.of(0.5, 0.5)))
        .isInstanceOf(ConfigValueException.class).hasMessageContaining("attic");
    assertThatThrownBy(() -> new TaskConfig.Point("left", List.of(0.5, 1.5)))
        .hasMessageContaining("waypoint at");
    assertThatThrownBy(() -> new TaskConfig.Goal("position", List.of(1.0), List.of(), 3, false))
        .hasMessageContaining("goal.position");
    assertThatThrownBy(() -> new TaskConfig.Cost(0, "distance", 0, 0, 3, 0, 0))
        .hasMessageContaining("cost.goal");
    assertThatThrownBy(() -> new TaskConfig.Cost(1, "manhattan", 0, 0, 3, 0, 0))
        .hasMessageContaining("cost.goal_metric");
    assertThatThrownBy(() -> new TaskConfig.Cost(1, "distance", 0, -1, 3, 0, 0))
        .hasMessageContaining("cost.oracle_wall");
    assertThatThrownBy(() -> new TaskConfig.Cost(1, "distance", 0, 0, 0, 0, 0))
        .hasMessageContaining("cost.oracle_wall_margin");
  }
}
