package ai.craik.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirTest {
  @TempDir Path tmp;

  @Test
  void freshFolderGetsTheLayout() {
    RunDir run = RunDir.open(tmp.resolve("r"), "seed: 1\n", false, 2);
    assertThat(run.resumed()).isFalse();
    assertThat(run.root().resolve("config.yaml")).hasContent("seed: 1");
    assertThat(run.root().resolve("checkpoints")).isDirectory();
    assertThat(run.figures()).isDirectory();
  }

  @Test
  void sameConfigResumesAndDifferentConfigIsRefusedWithoutTouchingFiles() throws Exception {
    Path root = tmp.resolve("r");
    RunDir.open(root, "seed: 1\ntrain:\n  steps: 5\n", false, 2).writeSummary(Map.of("a", 1));
    RunDir again = RunDir.open(root, "seed: 1\ntrain:\n  steps: 5\n", false, 2);
    assertThat(again.resumed()).isTrue();
    assertThatThrownBy(() -> RunDir.open(root, "seed: 1\ntrain:\n  steps: 9\n", false, 2))
        .isInstanceOf(RunDirException.class)
        .hasMessageContaining("different config (train.steps: 5 -> 9)")
        .hasMessageContaining("--force");
    assertThat(root.resolve("summary.json")).exists();
    assertThat(root.resolve("config.yaml")).content().contains("steps: 5");
  }

  @Test
  void forceStartsOverButForeignFoldersAreNeverCleared() throws Exception {
    Path root = tmp.resolve("r");
    RunDir.open(root, "seed: 1\n", false, 2).writeSummary(Map.of("a", 1));
    RunDir forced = RunDir.open(root, "seed: 2\n", true, 2);
    assertThat(forced.resumed()).isFalse();
    assertThat(root.resolve("summary.json")).doesNotExist();
    assertThat(root.resolve("config.yaml")).hasContent("seed: 2");

    Path foreign = tmp.resolve("mine");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("notes.txt"), "keep me");
    assertThatThrownBy(() -> RunDir.open(foreign, "seed: 1\n", true, 2))
        .hasMessageContaining("is not a Craik run folder");
    assertThat(foreign.resolve("notes.txt")).hasContent("keep me");
  }

  @Test
  void periodicCheckpointsArePrunedPerPhase() throws Exception {
    try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
      ai.craik.engine.Engines.start(1, 0);
      RunDir run = RunDir.open(tmp.resolve("r"), "seed: 1\n", false, 2);
      ai.djl.ndarray.NDArray a = m.create(new float[] {1});
      a.setName("a");
      for (int step : List.of(10, 20, 30)) {
        run.saveCheckpoint("train", step, Map.of(), new ai.djl.ndarray.NDList(a));
      }
      run.saveCheckpoint("other", 5, Map.of(), new ai.djl.ndarray.NDList(a));
      try (var s = Files.list(run.root().resolve("checkpoints"))) {
        assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
            "other-latest.ckpt", "other-step-00000005.ckpt", "train-latest.ckpt",
            "train-step-00000020.ckpt", "train-step-00000030.ckpt");
      }
      assertThat(run.loadLatestCheckpoint("train", m).orElseThrow().step()).isEqualTo(30);
      assertThat(run.loadLatestCheckpoint("missing", m)).isEmpty();
    }
  }

  @Test
  void metricsTruncateDropsOnlyTheResumedPhaseRowsPastTheCheckpoint() {
    Path file = tmp.resolve("metrics.jsonl");
    try (MetricsLog log = MetricsLog.open(file)) {
      log.log("a", 1, Map.of("x", 1.0));
      log.log("b", 1, Map.of("x", 2.0));
      log.log("b", 2, Map.of("x", 3.0));
      log.log("b", 3, Map.of("x", 4.0));
      log.truncate("b", 2);
      log.log("b", 3, Map.of("x", 5.0));
    }
    List<Map<String, Object>> rows = MetricsLog.read(file);
    assertThat(rows).extracting(r -> r.get("x")).containsExactly(1.0, 2.0, 3.0, 5.0);
  }
}
