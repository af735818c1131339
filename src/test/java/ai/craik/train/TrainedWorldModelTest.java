package ai.craik.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.config.ConfigException;
import ai.craik.config.ConfigLoader;
import ai.craik.config.ResolvedConfig;
import ai.craik.data.BatchSource;
import ai.craik.data.WindowBatch;
import ai.craik.engine.EngineInfo;
import ai.craik.engine.Engines;
import ai.craik.engine.RandomStreams;
import ai.craik.env.Layout;
import ai.craik.env.TwoRooms;
import ai.craik.env.TwoRoomsConfig;
import ai.craik.env.TwoRoomsTask;
import ai.craik.jepa.TemporalDistanceHead;
import ai.craik.lab.WorldModelJob;
import ai.craik.run.Checkpoint;
import ai.craik.run.CheckpointException;
import ai.craik.run.ProgressListener;
import ai.craik.run.RunDir;
import ai.craik.run.RunSession;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a world-model run folder: the loaded model encodes as the trainer did, environment
 * frames are scaled exactly like training frames, the distance head is restored when the run has
 * a distance phase (and reported absent otherwise), and a bad folder fails with one line.
 */
class TrainedWorldModelTest {
  static final long SEED = 5;
  @TempDir static Path shared;
  @TempDir Path tmp;
  static EngineInfo engine;
  static Path run;
  static ResolvedConfig<WorldModelConfig> cfg;

  /**
   * A tiny run (16x16 frames, D = 16, 10 steps) with a dot wider than the default (sigma 1.6), and
   * a 5-step distance phase.
   */
  @BeforeAll
  static void train() {
    engine = Engines.start(1, SEED);
    cfg = ConfigLoader.load(WorldModelConfig.class, TrainedWorldModel.PRESET, null, List.of(
        "env.image_size=16", "env.sigma=1.6",
        "model.encoder={type: conv, widths: [8, 16, 16], latent_dim: 16}",
        "data.batch=8", "data.window=5", "data.trajectory_length=20", "data.threads=1",
        "loss.rollout_steps=2", "loss.rollout_starts=2", "loss.idm_hidden=16",
        "optim.warmup_steps=2", "probe.hidden=16", "train.steps=10", "train.log_every=5",
        "train.checkpoint_every=10", "train.eval_every=10", "eval.trajectories=8",
        "eval.horizon=4", "eval.horizons=[1, 4]", "eval.gifs=0", "distance.steps=5",
        "distance.batch=4", "distance.pairs=16", "distance.hidden=[32]", "distance.embedding=16",
        "distance.max_gap=20", "distance.eval_layouts=2", "distance.eval_positions=8"));
    run = shared.resolve("wm");
    RunDir dir = RunDir.open(run, yaml(SEED), false, 2);
    try (RunSession session = new RunSession(dir, ProgressListener.silent(),
            new RandomStreams(SEED), engine, "train world-model");
        NDManager manager = NDManager.newBaseManager()) {
      session.writeSummary(new WorldModelJob().run(cfg.value(), session, manager).summary());
    }
  }

  /** The config.yaml the command line writes: command, seed, then the resolved config. */
  static String yaml(long seed) {
    return "command: train world-model\nseed: " + seed + "\n" + cfg.yaml();
  }

  @Test
  void encodesTheHeldOutFrameAsTheTrainerDoes() {
    try (NDManager m = NDManager.newBaseManager();
        TrainedWorldModel loaded = TrainedWorldModel.load(run, m);
        WorldModelTrainer trainer = new WorldModelTrainer(cfg.value(), new RandomStreams(SEED),
            m)) {
      assertThat(loaded.seed()).isEqualTo(SEED);
      assertThat(loaded.step()).isEqualTo(10);
      assertThat(loaded.config()).isEqualTo(cfg.value());
      WindowBatch held = trainer.heldOut();
      int r = held.imageSize();
      float[] frame = Arrays.copyOf(held.observations(), held.frameSize()); // window 0, frame 0
      float[] untrained = trainerLatent(trainer, frame, m, r);
      try (NDManager tmpM = m.newSubManager()) {
        trainer.state().restore(Checkpoint.read(run.resolve("checkpoints/train-latest.ckpt"),
            tmpM).arrays());
      }
      float[] expected = trainerLatent(trainer, frame, m, r);
      byte[] observation = render(loaded, new Layout(held.wallX()[0], held.doorY()[0]),
          held.positions()[0], held.positions()[1]);
      float[] latent = loaded.latent(observation);
      assertThat(latent).containsExactly(expected);
      assertThat(latent).isNotEqualTo(untrained); // the checkpoint was restored, not the init
      // the probe was restored too: it reads the latent as the trained probe does
      double[] read = loaded.positions(m.create(latent, new Shape(1, latent.length)))[0];
      float[] trained = trainer.probe().predict(m.create(expected, new Shape(1, latent.length)))
          .toFloatArray();
      assertThat(read).containsExactly(trained[0], trained[1]);
    }
  }

  @Test
  void theDistanceHeadIsBuiltAsThePhaseBuildsItAndRestoredFromItsCheckpoint() {
    try (NDManager m = NDManager.newBaseManager();
        TrainedWorldModel loaded = TrainedWorldModel.load(run, m)) {
      assertThat(loaded.hasDistance()).isTrue();
      assertThat(loaded.distanceStep()).isEqualTo(5);
      TemporalDistanceHead head = loaded.distanceHead().orElseThrow();
      assertThat(head.latentDim()).isEqualTo(16);
      assertThat(head.maxGap()).isEqualTo(20);
      SplittableRandom rng = new SplittableRandom(3);
      float[] za = new float[6 * 16];
      float[] zb = new float[6 * 16];
      for (int i = 0; i < za.length; i++) {
        za[i] = (float) rng.nextGaussian();
        zb[i] = (float) rng.nextGaussian();
      }
      NDArray a = m.create(za, new Shape(6, 16));
      NDArray b = m.create(zb, new Shape(6, 16));
      // the phase's construction, restored by hand from the phase's checkpoint
      TemporalDistanceHead phase = DistanceTrainer.newHead(cfg.value(), 16,
          new RandomStreams(SEED), m);
      float[] untrained = phase.distance(a, b).toFloatArray();
      phase.restore(Checkpoint.read(run.resolve("checkpoints/distance-latest.ckpt"), m)
          .arrays());
      float[] expected = phase.distance(a, b).toFloatArray();
      assertThat(head.distance(a, b).toFloatArray()).containsExactly(expected);
      assertThat(expected).isNotEqualTo(untrained); // trained weights, not the initialization
    }
  }

  @Test
  void aRunWithoutADistancePhaseLoadsWithTheHeadReportedAbsent() throws IOException {
    Path plain = copyRun("no-distance"); // the train checkpoint only
    try (NDManager m = NDManager.newBaseManager();
        TrainedWorldModel loaded = TrainedWorldModel.load(plain, m)) {
      assertThat(loaded.hasDistance()).isFalse();
      assertThat(loaded.distanceHead()).isEmpty();
      assertThat(loaded.distanceStep()).isZero();
      assertThat(loaded.step()).isEqualTo(10); // the world model itself loads as before
    }
  }

  @Test
  void aDistanceCheckpointThatDoesNotFitTheConfigFailsWithOneLine() throws IOException {
    Path other = copyRun("other-head");
    Files.copy(run.resolve("checkpoints/distance-latest.ckpt"),
        other.resolve("checkpoints/distance-latest.ckpt"));
    String text = yaml(SEED);
    int at = text.indexOf("\ndistance:");
    Files.writeString(other.resolve("config.yaml"), text.substring(0, at)
        + text.substring(at).replace("embedding: 16", "embedding: 8"));
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> TrainedWorldModel.load(other, m))
          .isInstanceOf(CheckpointException.class)
          .hasMessageContaining("distance-latest.ckpt")
          .hasMessageContaining("does not fit the distance head")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Test
  void environmentFramesAreScaledExactlyAsTrainingFrames() {
    try (NDManager m = NDManager.newBaseManager();
        TrainedWorldModel loaded = TrainedWorldModel.load(run, m);
        WorldModelSetup setup = WorldModelSetup.build(cfg.value(), new RandomStreams(SEED), m);
        BatchSource source = WorldModelTrainer.source(cfg.value(), setup.spec())) {
      assertThat(loaded.scaling()).isEqualTo(setup.scaling());
      assertThat(loaded.worldUnitsPerAction()).isEqualTo(1.0);
      WindowBatch batch = source.next(new RandomStreams(SEED).stream("batch", 0),
          WindowBatch.allocate(setup.spec()));
      int size = batch.frameSize();
      for (int b = 0; b < batch.batchSize(); b++) {
        Layout layout = new Layout(batch.wallX()[b], batch.doorY()[b]);
        for (int f = 0; f < batch.window(); f++) {
          int at = b * batch.window() + f;
          byte[] obs = render(loaded, layout, batch.positions()[2 * at],
              batch.positions()[2 * at + 1]);
          assertThat(loaded.scale(obs)).as("window %s frame %s", b, f)
              .containsExactly(Arrays.copyOfRange(batch.observations(), at * size, (at + 1) * size));
        }
      }
    }
  }

  @Test
  void aRunWithoutNewerKeysGetsThePresetDefaults() throws IOException {
    Path old = copyRun("old");
    String text = Files.readString(old.resolve("config.yaml"));
    Files.writeString(old.resolve("config.yaml"), text.replaceAll("(?m)^  one_step: .*\\n", ""));
    try (NDManager m = NDManager.newBaseManager();
        TrainedWorldModel loaded = TrainedWorldModel.load(old, m)) {
      assertThat(loaded.config().loss().oneStep()).isEqualTo(0.0);
      assertThat(loaded.config().env().sigma()).isEqualTo(1.6);
    }
  }

  @Test
  void theSeedComesFromTheSummaryWhenTheConfigLacksIt() throws IOException {
    Path noSeed = copyRun("no-seed");
    Files.writeString(noSeed.resolve("config.yaml"), cfg.yaml());
    try (NDManager m = NDManager.newBaseManager();
        TrainedWorldModel loaded = TrainedWorldModel.load(noSeed, m)) {
      assertThat(loaded.seed()).isEqualTo(SEED);
    }
    Files.delete(noSeed.resolve("summary.json"));
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> TrainedWorldModel.load(noSeed, m))
          .isInstanceOf(ConfigException.class).hasMessageContaining("records no seed");
    }
  }

  @Test
  void badFoldersFailWithOneLineNamingThem() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      Path missing = tmp.resolve("missing");
      assertThatThrownBy(() -> TrainedWorldModel.load(missing, m))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");

      Path noCkpt = tmp.resolve("untrained");
      Files.createDirectories(noCkpt);
      Files.writeString(noCkpt.resolve("config.yaml"), yaml(SEED));
      assertThatThrownBy(() -> TrainedWorldModel.load(noCkpt, m))
          .isInstanceOf(CheckpointException.class).hasMessageContaining("has no checkpoint");

      Path broken = copyRun("broken");
      Files.writeString(broken.resolve("config.yaml"), "seed: 1\nenv: [unclosed\n");
      assertThatThrownBy(() -> TrainedWorldModel.load(broken, m))
          .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
      Files.writeString(broken.resolve("config.yaml"), yaml(SEED).replace("sigma:", "sigmaa:"));
      assertThatThrownBy(() -> TrainedWorldModel.load(broken, m))
          .isInstanceOf(ConfigException.class).hasMessageContaining("env.sigmaa");

      Path other = copyRun("other-model");
      Files.writeString(other.resolve("config.yaml"), yaml(SEED).replace("latent_dim: 16",
          "latent_dim: 8"));
      assertThatThrownBy(() -> TrainedWorldModel.load(other, m))
          .isInstanceOf(CheckpointException.class).hasMessageContaining("does not fit the model");
    }
  }

  private Path copyRun(String name) throws IOException {
    Path to = tmp.resolve(name);
    Files.createDirectories(to.resolve("checkpoints"));
    Files.copy(run.resolve("config.yaml"), to.resolve("config.yaml"));
    Files.copy(run.resolve("summary.json"), to.resolve("summary.json"));
    Files.copy(run.resolve("checkpoints/train-latest.ckpt"),
        to.resolve("checkpoints/train-latest.ckpt"));
    return to;
  }

  private static float[] trainerLatent(WorldModelTrainer trainer, float[] frame, NDManager m,
      int r) {
    try (NDManager scope = m.newSubManager()) {
      return ai.craik.engine.GradMode.disabled(() -> trainer.jepa()
          .encode(scope.create(frame, new Shape(1, 2, r, r))).toFloatArray());
    }
  }

  /** The environment's observation of a dot at (x, y), at the model's image size and sigma. */
  private static byte[] render(TrainedWorldModel model, Layout layout, double x, double y) {
    WorldModelConfig.Env e = model.config().env();
    TwoRooms env = new TwoRooms(new TwoRoomsConfig(e.imageSize(), e.maxStep(), "contact", 0.1,
        e.sigma(), "random"));
    env.reset(new TwoRoomsTask(1, layout, new double[] {x, y}, new double[] {x, y}, 200, 4.5));
    return env.observation();
  }
}
