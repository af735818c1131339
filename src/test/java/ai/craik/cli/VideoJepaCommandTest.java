package ai.craik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code craik train video-jepa} end to end with a tiny model and few clips. */
class VideoJepaCommandTest {
  @TempDir Path tmp;

  private static String[] tiny(Path dir, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "video-jepa", "--run-dir",
        dir.toString(), "--threads", "1",
        "--set", "model.widths=[4, 8, 8]", "--set", "model.predictor_width=8",
        "--set", "model.projector=[16]", "--set", "train.steps=4", "--set", "train.batch=2",
        "--set", "train.decoder_clips=1", "--set", "train.warmup_steps=1",
        "--set", "train.checkpoint_every=2", "--set", "train.log_every=2",
        "--set", "loss.rollout_steps=2", "--set", "eval.test_clips=4",
        "--set", "eval.horizons=3", "--set", "eval.head_steps=2", "--set", "eval.every=2",
        "--set", "eval.quick_clips=2", "--set", "eval.gifs=1"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void writesApPerHorizonAgainstTheBaselineAndAGif() throws Exception {
    Path dir = tmp.resolve("run");
    CliTest.Result r = CliTest.run(tiny(dir));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode s = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    for (String h : List.of("1", "2", "3")) {
      assertThat(s.at("/ap_per_horizon/" + h).asDouble()).isBetween(0.0, 1.0);
      assertThat(s.at("/baseline_ap_per_horizon/" + h).asDouble()).isBetween(0.0, 1.0);
    }
    assertThat(s.at("/ap_per_horizon").size()).isEqualTo(3);
    assertThat(s.get("map").asDouble()).isBetween(0.0, 1.0);
    assertThat(s.get("train_seconds").asDouble()).isPositive();
    assertThat(s.at("/losses").has("pred")).isTrue();
    assertThat(dir.resolve("figures/prediction_0.gif")).exists();
    assertThat(dir.resolve("figures/ap_per_horizon.png")).exists();

    CliTest.Result digits = CliTest.run(tiny(tmp.resolve("digits"), "--data", "moving-digits"));
    assertThat(digits.code()).as(digits.err()).isZero();
    CliTest.Result bad = CliTest.run(tiny(tmp.resolve("bad"), "--data", "ucf101"));
    assertThat(bad.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(bad.err().strip()).doesNotContain("\n").contains("unknown video data 'ucf101'");
  }
}
