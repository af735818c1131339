package ai.craik.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.config.ConfigException;
import ai.craik.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The agent's preset (configs/agent.yaml) and every task file under configs/tasks keep both
 * oracles off: the agent is never told the true layout or its position unless a user asks.
 */
class TaskPresetsTest {
  private static final List<String> MODEL = List.of("model=runs/wm");

  private static TaskConfig task(Path file, List<String> overrides) {
    return ConfigLoader.loadWithSection(AgentConfig.class, "agent", null, "task", file,
        overrides).value().task();
  }

  private static void assertOraclesOff(TaskConfig t) {
    assertThat(t.goal().oracleViaDoor()).isFalse();
    assertThat(t.cost().oracleWall()).isZero();
  }

  @Test
  void thePresetAndEveryTaskFileHaveBothOraclesOff() throws IOException {
    assertOraclesOff(task(null, MODEL));
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("configs", "tasks"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      assertOraclesOff(task(f, MODEL));
    }
  }

  @Test
  void theOraclesCanBeSwitchedOnByTheirOracleKeys() {
    TaskConfig t = task(null, List.of("model=runs/wm", "task.goal.oracle_via_door=true",
        "task.cost.oracle_wall=30", "task.cost.oracle_wall_margin=4"));
    assertThat(t.goal().oracleViaDoor()).isTrue();
    assertThat(t.cost().oracleWall()).isEqualTo(30.0);
    assertThat(t.cost().oracleWallMargin()).isEqualTo(4.0);
  }

  @Test
  void theOldKeysAreRefusedNamingTheirOracleKeys() {
    assertThatThrownBy(() -> task(null, List.of("model=runs/wm", "task.goal.via_door=true")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown config key 'task.goal.via_door'")
        .hasMessageContaining("did you mean 'task.goal.oracle_via_door'?");
    assertThatThrownBy(() -> task(null, List.of("model=runs/wm", "task.cost.wall=30")))
        .hasMessageContaining("unknown config key 'task.cost.wall'")
        .hasMessageContaining("did you mean 'task.cost.oracle_wall'?");
    assertThatThrownBy(() -> task(null, List.of("model=runs/wm", "task.cost.wall_margin=4")))
        .hasMessageContaining("did you mean 'task.cost.oracle_wall_margin'?");
  }
}
