package ai.craik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.craik.cli.CliTest.Result;
import java.nio.file.Path;

/** A tiny Two Rooms world model for command tests, trained through the command line. */
final class TinyWorldModel {
  private TinyWorldModel() {}

  /**
   * Trains a tiny world model (16x16 frames, D = 16, 10 steps) with a 4-step distance phase into
   * {@code dir} and returns it.
   */
  static Path train(Path dir) {
    Result r = CliTest.run("train", "world-model", "--run-dir", dir.toString(), "--threads", "1",
        "--seed", "2", "--set", "env.image_size=16",
        "--set", "model.encoder={type: conv, widths: [8, 16, 16], latent_dim: 16}",
        "--set", "data.batch=8", "--set", "data.window=5", "--set", "data.trajectory_length=20",
        "--set", "data.threads=1", "--set", "loss.rollout_steps=2", "--set", "loss.rollout_starts=2",
        "--set", "loss.idm_hidden=16", "--set", "optim.warmup_steps=2", "--set", "probe.hidden=16",
        "--set", "train.steps=10", "--set", "train.log_every=5", "--set",
        "train.checkpoint_every=10", "--set", "train.eval_every=10", "--set",
        "eval.trajectories=8", "--set", "eval.horizon=4", "--set", "eval.horizons=[1, 4]",
        "--set", "eval.gifs=0", "--set", "distance.steps=4", "--set", "distance.batch=4",
        "--set", "distance.pairs=16", "--set", "distance.hidden=[32]", "--set",
        "distance.embedding=16", "--set", "distance.max_gap=20", "--set",
        "distance.eval_layouts=2", "--set", "distance.eval_positions=8");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(dir.resolve("checkpoints/distance-latest.ckpt")).exists();
    return dir;
  }
}
