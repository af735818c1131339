package ai.craik.train;

import ai.craik.data.BatchSpec;
import ai.craik.data.GeneratedBatchSource;
import ai.craik.data.ObservationScaling;
import ai.craik.data.WindowBatch;
import ai.craik.engine.RandomStreams;
import ai.craik.env.ExplorationConfig;
import ai.craik.jepa.Jepa;
import ai.craik.jepa.ModelParts;
import ai.craik.jepa.ModuleOptimizers;
import ai.craik.jepa.PositionProbe;
import ai.craik.jepa.RegularizerSet;
import ai.craik.jepa.SquaredError;
import ai.craik.run.Checkpointable;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one construction path of a world-model run, shared by {@link WorldModelTrainer} (which trains
 * it) and {@link TrainedWorldModel} (which loads it): the JEPA (encoder, action encoder, predictor,
 * regularizers), one AdamW per module, the position probe, and the observation scaling of the
 * training batches. Everything is a pure function of the config and the run's seed:
 *
 * <pre>
 *   networks   from the streams "init" (split per module), "init.idm", "init.probe"
 *   scaling    per-channel standardization of one generated batch from the stream "scaling"
 *              (or [0, 1] with data.scaling: unit)
 *   batches    B windows of L frames at env.image_size and env.sigma, scaled as above, actions
 *              in world units (pixels of the 65 frame, not divided by env.max_step)
 * </pre>
 *
 * so rebuilding with the run's config and seed and restoring its checkpoint ({@link #state}) gives
 * back exactly the trained model and the frames it was trained on.
 */
final class WorldModelSetup implements AutoCloseable {
  /** Observation channels (dot, walls) and action size of Two Rooms. */
  static final int CHANNELS = 2;
  static final int ACTION_DIM = 2;

  private final ModelParts parts;
  private final Jepa jepa;
  private final ModuleOptimizers optimizers;
  private final PositionProbe probe;
  private final ObservationScaling scaling;
  private final BatchSpec spec;
  private final Map<String, Double> weights;

  private WorldModelSetup(ModelParts parts, Jepa jepa, ModuleOptimizers optimizers,
      PositionProbe probe, ObservationScaling scaling, BatchSpec spec,
      Map<String, Double> weights) {
    this.parts = parts;
    this.jepa = jepa;
    this.optimizers = optimizers;
    this.probe = probe;
    this.scaling = scaling;
    this.spec = spec;
    this.weights = weights;
  }

  /** Builds everything in {@code manager} from the config and the run's streams. */
  static WorldModelSetup build(WorldModelConfig cfg, RandomStreams random, NDManager manager) {
    int r = cfg.env().imageSize();
    ModelParts parts = cfg.model().build(manager, CHANNELS, r, r, ACTION_DIM,
        random.stream("init"));
    int d = parts.encoder().latentDim();
    // Regularizers see the learned part only (a context of pooled pixels is not trained).
    RegularizerSet regs = RegularizerSet.of(cfg.loss(), d - parts.encoder().contextDim(),
        ACTION_DIM, manager,
        random.stream("init.idm"));
    Map<String, Double> weights = new LinkedHashMap<>();
    regs.terms().forEach(t -> weights.put("reg." + t.name(), t.weight()));
    if (cfg.loss().oneStep() > 0) {
      weights.put("pred_1step", cfg.loss().oneStep());
    }
    Jepa jepa = new Jepa(parts.encoder(), parts.actionEncoder(), parts.predictor(), regs,
        new SquaredError());
    ModuleOptimizers optimizers = ModuleOptimizers.adamW(jepa.modules(),
        cfg.optim().weightDecay(), cfg.optim().clipNorm());
    PositionProbe probe = new PositionProbe(manager, d, cfg.probe().hidden(),
        cfg.probe().learningRate(), random.stream("init.probe"));
    ObservationScaling scaling = scaling(cfg, random);
    BatchSpec spec = spec(cfg, cfg.data().batch(), cfg.data().window()).withScaling(scaling);
    return new WorldModelSetup(parts, jepa, optimizers, probe, scaling, spec,
        java.util.Collections.unmodifiableMap(weights));
  }

  /**
   * B windows of L frames as the run renders them: the config's image size and dot width, frames
   * in [0, 1] until a scaling is set, actions in world units.
   */
  static BatchSpec spec(WorldModelConfig cfg, int batch, int window) {
    return BatchSpec.of(batch, window).withImageSize(cfg.env().imageSize())
        .withSigma(cfg.env().sigma());
  }

  /** [0, 1] frames, or per-channel standardization estimated on one batch of the "scaling" stream. */
  static ObservationScaling scaling(WorldModelConfig cfg, RandomStreams random) {
    if (!"standardize".equals(cfg.data().scaling())) {
      return ObservationScaling.unit();
    }
    BatchSpec unit = spec(cfg, cfg.data().batch(), cfg.data().window());
    try (GeneratedBatchSource src = generated(cfg, unit, cfg.data().trajectoryLength())) {
      WindowBatch sample = src.next(random.stream("scaling"), WindowBatch.allocate(unit));
      return ObservationScaling.estimate(sample.observations(), cfg.env().imageSize());
    }
  }

  /** Random play of the config's layout, max step and policy, rendered into batches of {@code spec}. */
  static GeneratedBatchSource generated(WorldModelConfig cfg, BatchSpec spec, int length) {
    return generated(cfg, spec, length,
        ExplorationConfig.defaults().withWallStick(cfg.data().wallStick())
            .withWallFraction(cfg.data().wallFraction()));
  }

  /** Random play of the config's layout and max step under {@code policy}. */
  static GeneratedBatchSource generated(WorldModelConfig cfg, BatchSpec spec, int length,
      ExplorationConfig policy) {
    return new GeneratedBatchSource(spec, policy, cfg.env().maxStep(), length,
        "random".equals(cfg.data().layout()), cfg.data().threads());
  }

  ModelParts parts() {
    return parts;
  }

  Jepa jepa() {
    return jepa;
  }

  ModuleOptimizers optimizers() {
    return optimizers;
  }

  PositionProbe probe() {
    return probe;
  }

  ObservationScaling scaling() {
    return scaling;
  }

  /** The training batches' spec (batch, window, image size, σ, scaling, action units). */
  BatchSpec spec() {
    return spec;
  }

  /** Loss weights by metric name ({@code reg.std}, ..., {@code pred_1step}). */
  Map<String, Double> weights() {
    return weights;
  }

  /** Everything a checkpoint holds: every module with its optimizer ("model"), and the probe. */
  Checkpointable state() {
    Map<String, Checkpointable> s = new LinkedHashMap<>();
    s.put("model", optimizers);
    s.put("probe", probe);
    return new CompositeState(s);
  }

  @Override
  public void close() {
    parts.close();
  }
}
