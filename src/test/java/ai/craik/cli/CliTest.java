package ai.craik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.craik.run.MetricsLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, one-line errors, run folders, resume. */
class CliTest {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** A quick ellipse: few steps and a coarse heat map. */
  private String[] ellipse(Path dir, String... extra) {
    List<String> args = new ArrayList<>(List.of("ebm", "ellipse", "--run-dir", dir.toString(),
        "--threads", "1", "--set", "train.steps=30", "--set", "train.checkpoint_every=10",
        "--set", "eval.grid_x=24", "--set", "eval.grid_y=16"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void helpListsTheCommands() {
    Result r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("info").contains("ebm").contains("env").contains("data")
        .contains("bench").contains("train");
    assertThat(run("train", "world-model", "--help").out()).contains("--config").contains("--set");
    Result ebm = run("ebm", "--help");
    assertThat(ebm.code()).isZero();
    assertThat(ebm.out()).contains("ellipse");
    assertThat(run("ebm", "ellipse", "--help").out()).contains("--run-dir").contains("--set");
  }

  @Test
  void badArgumentsGiveOneLineAndExitTwo() {
    for (String[] args : List.of(new String[] {"nonsense"},
        new String[] {"ebm", "ellipse", "--threads", "many"},
        new String[] {"ebm", "ellipse", "--no-such-flag"})) {
      Result r = run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(Main.EXIT_USAGE);
      assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
      assertThat(r.err()).startsWith("craik: ").contains("--help");
    }
  }

  @Test
  void badConfigGivesOneLineNamingTheKeyAndExitOne() {
    Result r = run(ellipse(tmp.resolve("r"), "--set", "train.stpes=3"));
    assertThat(r.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(r.err()).contains("unknown config key 'train.stpes'")
        .contains("did you mean 'train.steps'?");
    Result range = run(ellipse(tmp.resolve("r"), "--set", "latent.grid=1"));
    assertThat(range.err()).contains("'latent.grid'=1 is not allowed: must be in 2..100000");
    assertThat(tmp.resolve("r")).doesNotExist();
  }

  @Test
  void infoShowsTheEngine() {
    Result r = run("info", "--threads", "1");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("PyTorch 2.7.1").contains("threads         1");
  }

  @Test
  void ellipseWritesTheRunFolderAndResumesOrRefuses() throws Exception {
    Path dir = tmp.resolve("ellipse");
    Result first = run(ellipse(dir));
    assertThat(first.code()).as(first.err()).isZero();
    for (String f : List.of("config.yaml", "metrics.jsonl", "summary.json", "report.html",
        "checkpoints/train_zero_temperature-latest.ckpt", "figures/free_energy_zero_temperature.png",
        "figures/free_energy_cross_section.png", "figures/learned_manifold.png")) {
      assertThat(dir.resolve(f)).as(f).exists();
    }
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.at("/probes/0/F_inf").asDouble()).isCloseTo(2.25, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(summary.at("/probes/0/F_beta/3.2").isNumber()).isTrue();
    assertThat(summary.at("/provenance/engine").asText()).isEqualTo("PyTorch");
    double w1 = summary.at("/learned_w/0").asDouble();
    assertThat(w1).isGreaterThan(0.5); // 30 steps move w away from its poor start

    Result again = run(ellipse(dir));
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("resuming run");
    JsonNode resumed = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(resumed.at("/learned_w/0").asDouble()).isEqualTo(w1);

    Result other = run(ellipse(dir, "--seed", "9"));
    assertThat(other.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(other.err()).contains("different config (seed: 0 -> 9)").contains("--force");
    assertThat(run(ellipse(dir, "--seed", "9", "--force")).code()).isZero();
  }

  @Test
  void corruptCheckpointStopsTheRunNamingTheFile() throws Exception {
    Path dir = tmp.resolve("corrupt");
    assertThat(run(ellipse(dir)).code()).isZero();
    Path ckpt = dir.resolve("checkpoints/train_zero_temperature-latest.ckpt");
    byte[] bytes = Files.readAllBytes(ckpt);
    Files.write(ckpt, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Result r = run(ellipse(dir));
    assertThat(r.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(r.err()).contains(ckpt.toString()).contains("truncated");
  }

  @Test
  void sameSeedAndThreadsGiveIdenticalMetrics() {
    assertThat(run(ellipse(tmp.resolve("a"))).code()).isZero();
    assertThat(run(ellipse(tmp.resolve("b"))).code()).isZero();
    assertThat(deterministic(tmp.resolve("a/metrics.jsonl")))
        .hasSize(6)
        .isEqualTo(deterministic(tmp.resolve("b/metrics.jsonl")));
  }

  /** Metrics rows without the wall-clock keys (time/...). */
  private static List<Map<String, Object>> deterministic(Path metrics) {
    return MetricsLog.read(metrics).stream()
        .map(r -> r.entrySet().stream().filter(e -> !e.getKey().startsWith("time/"))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
        .toList();
  }
}
