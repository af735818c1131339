package ai.craik.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.config.ConfigException;
import ai.craik.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cost variant labels and the cost keys of {@code configs/plan-two-rooms.yaml}. */
class CostVariantTest {

  private static TwoRoomsPlanConfig load(String... sets) {
    List<String> all = new ArrayList<>(List.of("model=run"));
    all.addAll(List.of(sets));
    return ConfigLoader.load(TwoRoomsPlanConfig.class, "plan-two-rooms", null, all).value();
  }

  @Test
  void labelsParseToCostAndWaypointAndBack() {
    CostVariant v = CostVariant.parse("latent+distance/waypoint");
    assertThat(v.cost()).isEqualTo("latent+distance");
    assertThat(v.waypoint()).isTrue();
    assertThat(v.usesLatent()).isTrue();
    assertThat(v.usesDistance()).isTrue();
    assertThat(v.label()).isEqualTo("latent+distance/waypoint");
    assertThat(v.slug()).isEqualTo("latent-distance-waypoint");
    CostVariant latent = CostVariant.parse("latent");
    assertThat(latent.usesDistance()).isFalse();
    assertThat(latent.waypoint()).isFalse();
    assertThat(CostVariant.parse("distance").usesLatent()).isFalse();
    assertThatThrownBy(() -> CostVariant.parse("distnce/waypoint"))
        .hasMessage("unknown cost 'distnce/waypoint'; use one of [latent, distance,"
            + " latent+distance], optionally followed by /waypoint (e.g. distance/waypoint)");
  }

  @Test
  void thePresetPlansWithTheLearnedDistanceAndNoSubgoal() {
    TwoRoomsPlanConfig cfg = load();
    assertThat(cfg.plan().objective().cost()).isEqualTo("distance");
    assertThat(cfg.plan().subgoal()).isEqualTo("none");
    assertThat(cfg.defaultVariant()).isEqualTo(new CostVariant("distance", false));
    assertThat(cfg.variants()).containsExactly(new CostVariant("distance", false));
    assertThat(cfg.plan().waypoint().balance()).isEqualTo(1.0);
  }

  @Test
  void comparedCostsRunInOrderWithTheDefaultFirstWhenNotListed() {
    assertThat(load("compare_costs=[latent, distance/waypoint]").variants())
        .extracting(CostVariant::label).containsExactly("distance", "latent",
            "distance/waypoint");
    assertThat(load("compare_costs=[latent, distance]").variants())
        .extracting(CostVariant::label).containsExactly("latent", "distance");
    TwoRoomsPlanConfig w = load("plan.subgoal=waypoint", "plan.objective.cost=latent");
    assertThat(w.defaultVariant().label()).isEqualTo("latent/waypoint");
    assertThat(TwoRoomsPlanConfig.ALL_COSTS).containsExactly("latent", "distance",
        "latent+distance", "distance/waypoint");
  }

  @Test
  void badCostKeysNameTheKeyAndTheChoices() {
    assertThatThrownBy(() -> load("plan.objective.cost=learned"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("plan.objective.cost")
        .hasMessageContaining("latent+distance");
    assertThatThrownBy(() -> load("compare_costs=[latent, critic]"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("compare_costs")
        .hasMessageContaining("'critic' is not");
    assertThatThrownBy(() -> load("compare_costs=[latent, latent]"))
        .hasMessageContaining("lists 'latent' twice");
    assertThatThrownBy(() -> load("plan.subgoal=tree"))
        .hasMessageContaining("plan.subgoal").hasMessageContaining("waypoint");
    assertThatThrownBy(() -> load("plan.waypoint.grid=1"))
        .hasMessageContaining("plan.waypoint.grid");
    assertThatThrownBy(() -> load("plan.objective.distance_weight=-1"))
        .hasMessageContaining("plan.objective.distance_weight");
  }
}
