package ai.craik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code craik train image-jepa} end to end on tiny generated shapes and tiny MNIST files. */
class ImageJepaCommandTest {
  @TempDir Path tmp;

  /** A tiny run: 16 px shapes, a two-layer CNN, 12 steps, short probes. */
  private static String[] tiny(Path dir, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "image-jepa", "--run-dir",
        dir.toString(), "--threads", "1",
        "--set", "data.shapes_train=96", "--set", "data.shapes_test=48",
        "--set", "data.shapes_pixels=16", "--set", "model.widths=[8, 16]",
        "--set", "model.projector=[32, 32]", "--set", "train.steps=12",
        "--set", "train.batch=16", "--set", "train.warmup_steps=2",
        "--set", "train.checkpoint_every=6", "--set", "train.log_every=3",
        "--set", "eval.probe_epochs=3", "--set", "eval.every=6",
        "--set", "eval.quick_train=48", "--set", "eval.quick_test=24",
        "--set", "eval.pca_points=40"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void everyLossTrainsAndWritesTheSummaryKeys() throws Exception {
    for (String loss : List.of("vicreg", "barlow-twins", "sigreg", "infonce")) {
      Path dir = tmp.resolve(loss);
      CliTest.Result r = CliTest.run(tiny(dir, "--loss", loss));
      assertThat(r.code()).as(loss + ": " + r.err()).isZero();
      JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
      for (String key : List.of("linear_probe_accuracy", "knn_accuracy",
          "random_init_linear_probe_accuracy")) {
        assertThat(s.get(key).asDouble()).as(loss + " " + key).isBetween(0.0, 1.0);
      }
      assertThat(s.get("train_seconds").asDouble()).isPositive();
      assertThat(s.get("losses").has("total")).as(loss).isTrue();
      assertThat(s.get("loss").asText()).isEqualTo(loss);
      for (String f : List.of("figures/losses.png", "figures/pca.png", "figures/knn.png",
          "report.html", "checkpoints/train-latest.ckpt")) {
        assertThat(dir.resolve(f)).as(f).exists();
      }
    }
    JsonNode vic = new ObjectMapper().readTree(tmp.resolve("vicreg/summary.json").toFile());
    assertThat(vic.at("/losses").has("inv")).isTrue();
    assertThat(vic.at("/losses").has("cov")).isTrue();
    // A finished run folder opened again resumes at its last step and gives the same figures.
    CliTest.Result again = CliTest.run(tiny(tmp.resolve("vicreg"), "--loss", "vicreg"));
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("resuming run");
    JsonNode resumed = new ObjectMapper().readTree(tmp.resolve("vicreg/summary.json").toFile());
    assertThat(resumed.get("linear_probe_accuracy").asDouble())
        .isEqualTo(vic.get("linear_probe_accuracy").asDouble());
  }

  @Test
  void mnistFilesTrainThroughTheSameCommand() throws Exception {
    Path data = tmp.resolve("mnist");
    Files.createDirectories(data);
    writeSplit(data, "train", 64);
    writeSplit(data, "t10k", 20);
    Path dir = tmp.resolve("run");
    CliTest.Result r = CliTest.run(tiny(dir, "--data", "mnist:" + data));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(s.get("data").asText()).isEqualTo("mnist:" + data);
    assertThat(s.get("test_images").asInt()).isEqualTo(20);
    assertThat(s.get("linear_probe_accuracy").asDouble()).isBetween(0.0, 1.0);
    // --data mnist:... picks the MNIST preset: digits are not flipped or turned upside down.
    String config = Files.readString(dir.resolve("config.yaml"));
    assertThat(config).contains("rotation: 15").contains("flip: 0.0").contains("invert: 0.0");
  }

  @Test
  void badDataAndLossAreOneLineErrors() {
    CliTest.Result missing = CliTest.run(tiny(tmp.resolve("a"), "--data",
        "mnist:" + tmp.resolve("nowhere")));
    assertThat(missing.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(missing.err().strip()).doesNotContain("\n").contains("is not a folder");
    CliTest.Result unknown = CliTest.run(tiny(tmp.resolve("b"), "--data", "imagenet"));
    assertThat(unknown.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(unknown.err()).contains("unknown data 'imagenet'");
    CliTest.Result loss = CliTest.run(tiny(tmp.resolve("c"), "--loss", "simclr"));
    assertThat(loss.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(loss.err().strip()).doesNotContain("\n").contains("loss.name");
  }

  /** n 12 x 12 images: digit-like bars whose position is the label (i % 4). */
  private static void writeSplit(Path dir, String prefix, int n) throws IOException {
    byte[] px = new byte[n * 144];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      int label = i % 4;
      labels[i] = (byte) label;
      for (int y = 0; y < 12; y++) {
        px[i * 144 + y * 12 + 2 + 2 * label] = (byte) 255;
      }
    }
    Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), idx(0x803, new int[] {n, 12, 12},
        px));
    Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), idx(0x801, new int[] {n}, labels));
  }

  private static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    for (int d : dims) {
      out.writeInt(d);
    }
    out.write(data);
    return bytes.toByteArray();
  }
}
