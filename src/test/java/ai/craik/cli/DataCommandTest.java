package ai.craik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.craik.cli.CliTest.Result;
import ai.craik.data.TwoRoomsDataset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code craik data two-rooms} and {@code craik bench data} as a user meets them. */
class DataCommandTest {
  @TempDir Path tmp;

  private static Result run(String... args) {
    return CliTest.run(args);
  }

  @Test
  void writesADatasetAndRefusesToOverwriteItWithOtherSettings() throws Exception {
    String dir = tmp.resolve("tr").toString();
    Result r = run("data", "two-rooms", "--trajectories", "7", "--length", "5", "--layout",
        "random", "--shard-size", "3", "--out", dir, "--threads", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote 7 trajectories of 5 steps in 3 shards to " + dir);
    TwoRoomsDataset ds = TwoRoomsDataset.open(Path.of(dir));
    ds.verify();
    assertThat(ds.spec().randomLayout()).isTrue();
    JsonNode json = new ObjectMapper().readTree(Files.readString(Path.of(dir, "dataset.json")));
    assertThat(json.path("format_version").asInt()).isEqualTo(1);
    assertThat(json.path("generator").path("exploration").path("kappa").asDouble()).isEqualTo(5);
    assertThat(json.path("shards").get(2).path("trajectories").asInt()).isEqualTo(1);
    assertThat(json.path("shards").get(0).path("sha256").asText()).hasSize(64);

    Result same = run("data", "two-rooms", "--trajectories", "7", "--length", "5", "--layout",
        "random", "--shard-size", "3", "--out", dir);
    assertThat(same.code()).isZero();
    assertThat(same.out()).contains("is complete: 3 shards verified, nothing to generate");

    Result other = run("data", "two-rooms", "--trajectories", "8", "--length", "5", "--layout",
        "random", "--shard-size", "3", "--out", dir);
    assertThat(other.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(other.err().strip().lines().count()).as(other.err()).isEqualTo(1);
    assertThat(other.err()).startsWith("craik: error: " + dir + " already holds a dataset made"
        + " with other settings (trajectories: 7 -> 8)").contains("--force");

    Result forced = run("data", "two-rooms", "--trajectories", "8", "--length", "5", "--out", dir,
        "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(TwoRoomsDataset.open(Path.of(dir)).size()).isEqualTo(8);
  }

  @Test
  void badValuesGiveOneLine() {
    Result layout = run("data", "two-rooms", "--trajectories", "3", "--length", "5", "--layout",
        "round", "--out", tmp.resolve("x").toString());
    assertThat(layout.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(layout.err()).contains("layout='round' is not allowed: use one of [fixed, random]");
    Result missing = run("data", "two-rooms", "--length", "5", "--out", "x");
    assertThat(missing.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(missing.err()).contains("--trajectories");
    assertThat(run("--help").out()).contains("data").contains("bench");
  }

  @Test
  void benchPrintsBothRatesWithTheirTargetsAndWritesJson() throws Exception {
    Path json = tmp.resolve("bench.json");
    Result r = run("bench", "data", "--trajectories", "1000", "--seconds", "0.3", "--batch", "8",
        "--window", "5", "--no-ndarray", "--out", json.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("trajectories/s").contains("target >= 10,000")
        .contains("frames/s").contains("target >= 50,000").contains("load");
    JsonNode j = new ObjectMapper().readTree(Files.readString(json));
    assertThat(j.path("generation_trajectories_per_second").asDouble()).isPositive();
    assertThat(j.path("reader_frames_per_second").asDouble()).isPositive();
    assertThat(j.path("reader_target").asDouble()).isEqualTo(50_000);
  }
}
