package ai.craik.train;

import ai.craik.config.Checks;
import ai.craik.config.ConfigException;
import ai.craik.config.ConfigLoader;
import ai.craik.data.ObservationScaling;
import ai.craik.engine.GradMode;
import ai.craik.engine.RandomStreams;
import ai.craik.jepa.Jepa;
import ai.craik.jepa.PositionProbe;
import ai.craik.jepa.TemporalDistanceHead;
import ai.craik.run.Checkpoint;
import ai.craik.run.CheckpointException;
import ai.craik.run.RunDir;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A world model trained by {@code craik train world-model}, loaded from its run folder for
 * planning and evaluation:
 *
 * <pre>
 *   config  = preset two-rooms-quick, then RUN/config.yaml merged over it (keys added to Craik after
 *             the run was made take the preset's defaults)
 *   seed    = the run's seed (config.yaml's "seed", else summary.json's provenance.seed)
 *   model   = the construction of training ({@code WorldModelSetup}: JEPA, probe, observation
 *             scaling from the seeded "scaling" stream), then the latest checkpoint of phase
 *             "train" restored into it
 *   distance = when the run has a checkpoint of phase "distance": the temporal-distance head
 *             built as that phase builds it ({@link DistanceTrainer#newHead}) and restored;
 *             else absent ({@link #hasDistance()} false)
 *   encode(o uint8 [2, R, R]) = Enc(gain_c u + bias_c) = s [D]      (the training batches' scaling)
 * </pre>
 *
 * <p>Actions of the model are in world units (pixels of the 65 frame), the units of the training
 * batches: {@link #worldUnitsPerAction()} is 1. The model's parameters and the probe live in a child
 * of the manager given to {@link #load}; {@link #close} releases them. Errors are one line naming the
 * folder or file: a missing folder, a missing checkpoint ({@link CheckpointException}), an
 * unreadable config ({@link ConfigException}).
 */
public final class TrainedWorldModel implements AutoCloseable {
  /** The training phase whose checkpoint holds the model. */
  public static final String PHASE = "train";
  /** The phase whose checkpoint holds the temporal-distance head, when the run has one. */
  public static final String DISTANCE_PHASE = "distance";
  /** The preset a run's config is merged over. */
  public static final String PRESET = "two-rooms-quick";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path runDir;
  private final WorldModelConfig config;
  private final long seed;
  private final long step;
  private final NDManager manager;
  private final WorldModelSetup setup;
  private final TemporalDistanceHead distance; // null: the run has no distance phase checkpoint
  private final long distanceStep;

  private TrainedWorldModel(Path runDir, WorldModelConfig config, long seed, long step,
      NDManager manager, WorldModelSetup setup, TemporalDistanceHead distance,
      long distanceStep) {
    this.runDir = runDir;
    this.config = config;
    this.seed = seed;
    this.step = step;
    this.manager = manager;
    this.setup = setup;
    this.distance = distance;
    this.distanceStep = distanceStep;
  }

  /**
   * Loads the world model of run folder {@code runDir}; its arrays live in a child manager of
   * {@code manager}.
   */
  public static TrainedWorldModel load(Path runDir, NDManager manager) {
    Checks.arg(runDir != null, "no world-model run folder given (null); pass the folder of a"
        + " 'craik train world-model' run");
    Checks.arg(Files.isDirectory(runDir), "world-model run folder %s does not exist; pass the"
        + " folder of a 'craik train world-model' run (--model)", runDir);
    Path configFile = runDir.resolve(RunDir.CONFIG);
    if (!Files.isRegularFile(configFile)) {
      throw new ConfigException(runDir + " has no " + RunDir.CONFIG + "; it is not the folder of"
          + " a 'craik train world-model' run");
    }
    String text;
    try {
      text = Files.readString(configFile);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + configFile + ": " + e.getMessage());
    }
    ObjectNode tree = ConfigLoader.parse(text, configFile.toString());
    String command = tree.path("command").asText("");
    if (!command.isEmpty() && !command.equals("train world-model")) {
      throw new ConfigException(runDir + " is a run of 'craik " + command + "', not of 'craik train"
          + " world-model'; pass a world-model run folder");
    }
    long seed = seed(runDir, tree);
    tree.remove(List.of("command", "seed"));
    WorldModelConfig cfg;
    try {
      cfg = ConfigLoader.loadWithOverlay(WorldModelConfig.class, PRESET, tree, List.of()).value();
    } catch (ConfigException e) {
      throw new ConfigException(configFile + ": " + e.getMessage());
    }
    Path ckpt = runDir.resolve(RunDir.CHECKPOINTS).resolve(PHASE + "-latest.ckpt");
    if (!Files.isRegularFile(ckpt)) {
      throw new CheckpointException("world-model run " + runDir + " has no checkpoint ("
          + RunDir.CHECKPOINTS + "/" + PHASE + "-latest.ckpt); train it first, or resume it with"
          + " 'craik train world-model --run-dir " + runDir + "'");
    }
    NDManager own = manager.newSubManager();
    WorldModelSetup setup = null;
    try {
      setup = WorldModelSetup.build(cfg, new RandomStreams(seed), own);
      long step;
      try (NDManager tmp = own.newSubManager()) {
        Checkpoint c = Checkpoint.read(ckpt, tmp);
        try {
          setup.state().restore(c.arrays());
        } catch (IllegalArgumentException e) {
          throw new CheckpointException("checkpoint " + ckpt + " does not fit the model that "
              + configFile + " describes (" + e.getMessage() + ")");
        }
        step = c.step();
      }
      Path distanceCkpt = runDir.resolve(RunDir.CHECKPOINTS)
          .resolve(DISTANCE_PHASE + "-latest.ckpt");
      TemporalDistanceHead head = null;
      long distanceStep = 0;
      if (Files.isRegularFile(distanceCkpt)) {
        head = DistanceTrainer.newHead(cfg, setup.jepa().latentDim(), new RandomStreams(seed),
            own);
        try (NDManager tmp = own.newSubManager()) {
          Checkpoint c = Checkpoint.read(distanceCkpt, tmp);
          try {
            head.restore(c.arrays());
          } catch (IllegalArgumentException e) {
            throw new CheckpointException("checkpoint " + distanceCkpt + " does not fit the"
                + " distance head that " + configFile + " describes (" + e.getMessage() + ")");
          }
          distanceStep = c.step();
        }
      }
      return new TrainedWorldModel(runDir, cfg, seed, step, own, setup, head, distanceStep);
    } catch (RuntimeException e) {
      if (setup != null) {
        setup.close();
      }
      own.close();
      throw e;
    }
  }

  /** The run's seed: config.yaml's top-level "seed", else summary.json's provenance.seed. */
  private static long seed(Path runDir, JsonNode config) {
    if (config.path("seed").canConvertToLong()) {
      return config.get("seed").asLong();
    }
    Path summary = runDir.resolve(RunDir.SUMMARY);
    if (Files.isRegularFile(summary)) {
      try {
        JsonNode s = JSON.readTree(summary.toFile()).path("provenance").path("seed");
        if (s.canConvertToLong()) {
          return s.asLong();
        }
      } catch (IOException e) {
        throw new ConfigException("cannot read " + summary + ": " + e.getMessage());
      }
    }
    throw new ConfigException(runDir + " records no seed (no 'seed' in " + RunDir.CONFIG
        + " and no provenance.seed in " + RunDir.SUMMARY + "); the observation scaling cannot be"
        + " rebuilt without it");
  }

  /**
   * The wall and layout indicators of the loaded model ({@link WallIndicators}), from the run's
   * own seed streams: the figures its training run reported at its last evaluation. Diagnostics
   * that read labels; no planner or agent may use them.
   */
  public WallIndicators indicators(NDManager parent) {
    return WallIndicators.measure(setup.jepa(), setup.probe(),
        new ai.craik.env.TwoRoomsRenderer(config.env().imageSize(), config.env().sigma()),
        setup.scaling(), "random".equals(config.data().layout()),
        new ai.craik.engine.RandomStreams(seed), parent);
  }

  /** The run folder. */
  public Path runDir() {
    return runDir;
  }

  /** The run's resolved config (preset defaults for keys the run did not have). */
  public WorldModelConfig config() {
    return config;
  }

  /** The run's seed. */
  public long seed() {
    return seed;
  }

  /** Training steps done at the restored checkpoint. */
  public long step() {
    return step;
  }

  /** Whether the run has a trained temporal-distance head (a phase "distance" checkpoint). */
  public boolean hasDistance() {
    return distance != null;
  }

  /**
   * The temporal-distance head d(s_a, s_b) (steps) of the run's phase "distance", restored from
   * its latest checkpoint; empty when the run has none (trained with distance.steps: 0).
   */
  public Optional<TemporalDistanceHead> distanceHead() {
    return Optional.ofNullable(distance);
  }

  /** Steps of the distance phase at the restored checkpoint; 0 without a distance head. */
  public long distanceStep() {
    return distanceStep;
  }

  /** The world model. */
  public Jepa jepa() {
    return setup.jepa();
  }

  /** The position probe (latents to positions, world units). */
  public PositionProbe probe() {
    return setup.probe();
  }

  /** How frames were scaled for training. */
  public ObservationScaling scaling() {
    return setup.scaling();
  }

  /** The latent size D. */
  public int latentDim() {
    return setup.jepa().latentDim();
  }

  /** The action size A (2: a displacement). */
  public int actionDim() {
    return WorldModelSetup.ACTION_DIM;
  }

  /**
   * World units (pixels of the 65 frame) per unit of the model's actions: 1, since the training
   * batches carry actions in world units (env.max_step when they are divided by it).
   */
  public double worldUnitsPerAction() {
    return setup.spec().normalizeActions() ? config.env().maxStep() : 1.0;
  }

  /** The image side R the encoder takes. */
  public int imageSize() {
    return config.env().imageSize();
  }

  /** A uint8 observation [2, R, R] as the float frame [2, R, R] a training batch holds. */
  public float[] scale(byte[] observation) {
    int r = imageSize();
    Checks.arg(observation != null && observation.length == 2 * r * r, "observation of %s bytes"
        + " does not match the model's input [2, %s, %s] (%s bytes); render it at env.image_size=%s",
        observation == null ? null : observation.length, r, r, 2 * r * r, r);
    return setup.scaling().apply(observation);
  }

  /** The latent s [D] of a uint8 observation [2, R, R], in {@code scope} (no graph). */
  public NDArray encode(byte[] observation, NDManager scope) {
    float[] x = scale(observation);
    int r = imageSize();
    return GradMode.disabled(() -> {
      NDArray frame = scope.create(x, new Shape(1, 2, r, r));
      return setup.jepa().encode(frame).reshape(latentDim()); // [D]
    });
  }

  /** The latents [K, D] of K uint8 observations [2, R, R], in one batch in {@code scope} (no graph). */
  public NDArray encode(List<byte[]> observations, NDManager scope) {
    Checks.arg(observations != null && !observations.isEmpty(), "no observations to encode");
    int r = imageSize();
    int k = observations.size();
    float[] x = new float[k * 2 * r * r];
    for (int i = 0; i < k; i++) {
      System.arraycopy(scale(observations.get(i)), 0, x, i * 2 * r * r, 2 * r * r);
    }
    return GradMode.disabled(() -> setup.jepa().encode(scope.create(x, new Shape(k, 2, r, r))));
  }

  /** The latent s [D] of a uint8 observation [2, R, R], on the host. */
  public float[] latent(byte[] observation) {
    try (NDManager scope = manager.newSubManager()) {
      return encode(observation, scope).toType(DataType.FLOAT32, false).toFloatArray();
    }
  }

  /** The probe's positions [N][2] (world units) of latents [N, D] or [..., D] (no graph). */
  public double[][] positions(NDArray latents) {
    float[] p = GradMode.disabled(() -> setup.probe().predict(latents)
        .toType(DataType.FLOAT32, false).toFloatArray());
    double[][] out = new double[p.length / 2][2];
    for (int i = 0; i < out.length; i++) {
      out[i][0] = p[2 * i];
      out[i][1] = p[2 * i + 1];
    }
    return out;
  }

  @Override
  public void close() {
    setup.close();
    manager.close();
  }
}
