package ai.craik.train;

import ai.craik.data.BatchSource;
import ai.craik.data.BatchSpec;
import ai.craik.data.BatchTensors;
import ai.craik.data.GeneratedBatchSource;
import ai.craik.data.ShardBatchSource;
import ai.craik.data.TwoRoomsDataset;
import ai.craik.data.WindowBatch;
import ai.craik.engine.GradMode;
import ai.craik.engine.RandomStreams;
import ai.craik.jepa.Jepa;
import ai.craik.jepa.LatentDiagnostics;
import ai.craik.jepa.LearningRateSchedule;
import ai.craik.jepa.ModuleOptimizers;
import ai.craik.jepa.PositionProbe;
import ai.craik.run.Checkpointable;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a JEPA world model of Two Rooms from random play (no labels, no rewards): each step draws
 * a batch of windows, computes the multi-step rollout loss plus the anti-collapse regularizers,
 * steps one clipped AdamW per module on the warm-up/cosine schedule, and trains the position probe
 * on the detached latents of the same step. {@link #evaluate} measures the probe and the unroll on
 * a fixed held-out set.
 *
 * <p>Randomness: initial weights from the {@code init} stream, batches from ("batch", step),
 * SIGReg directions from ("sigreg", step), the held-out set from {@code eval}; so a run resumed
 * from a checkpoint (see {@link #state}) continues exactly.
 */
public final class WorldModelTrainer implements AutoCloseable {
  private final WorldModelConfig cfg;
  private final RandomStreams random;
  private final WorldModelSetup setup;
  private final Jepa jepa;
  private final ModuleOptimizers optimizers;
  private final PositionProbe probe;
  private final LearningRateSchedule schedule;
  private final BatchSource source;
  private final WindowBatch batch;
  private final BatchTensors tensors;
  private final WindowBatch heldOut;
  private final BatchSpec spec;
  private final Map<String, Double> weights;

  /**
   * Builds the model, optimizers, probe and observation scaling ({@link WorldModelSetup}, the
   * construction {@link TrainedWorldModel} repeats to load a run), the data source and the held-out
   * set in {@code manager}.
   */
  public WorldModelTrainer(WorldModelConfig cfg, RandomStreams random, NDManager manager) {
    this.cfg = cfg;
    this.random = random;
    setup = WorldModelSetup.build(cfg, random, manager);
    jepa = setup.jepa();
    optimizers = setup.optimizers();
    probe = setup.probe();
    weights = setup.weights();
    // A run shorter than the warm-up warms up over all of it.
    schedule = new LearningRateSchedule(cfg.optim().learningRate(),
        Math.min(cfg.optim().warmupSteps(), cfg.train().steps()), Math.max(1, cfg.train().steps()),
        cfg.optim().minLearningRate());
    spec = setup.spec();
    source = source(cfg, spec);
    batch = WindowBatch.allocate(spec);
    tensors = BatchTensors.allocate(spec, manager);
    BatchSpec evalSpec = WorldModelSetup.spec(cfg, cfg.eval().trajectories(),
        cfg.eval().horizon() + 1).withScaling(setup.scaling());
    // Held-out play follows the plain policy whatever data.wall_stick is, so runs compare.
    try (GeneratedBatchSource held = WorldModelSetup.generated(cfg, evalSpec,
        Math.max(cfg.eval().horizon(), cfg.data().trajectoryLength()),
        ai.craik.env.ExplorationConfig.defaults())) {
      heldOut = held.next(random.stream("eval"), WindowBatch.allocate(evalSpec));
    }
  }

  /** The training batches' source: a dataset's shards or random play generated on the fly. */
  static BatchSource source(WorldModelConfig cfg, BatchSpec spec) {
    if ("dataset".equals(cfg.data().source())) {
      TwoRoomsDataset ds = TwoRoomsDataset.open(Path.of(cfg.data().dataset()));
      return new ShardBatchSource(ds, spec, 2, 0L, cfg.data().threads());
    }
    return WorldModelSetup.generated(cfg, spec, cfg.data().trajectoryLength());
  }

  /** The held-out windows (frames scaled as the training batches). */
  WindowBatch heldOut() {
    return heldOut;
  }

  /** The world model. */
  public Jepa jepa() {
    return jepa;
  }

  /**
   * The training batches' spec: image size, the dot's width and the observation scaling that
   * frames must be rendered with to be encoded as in training.
   */
  public BatchSpec batchSpec() {
    return spec;
  }

  /** The position probe. */
  public PositionProbe probe() {
    return probe;
  }

  /** Everything a checkpoint must hold: every module with its optimizer, and the probe. */
  public Checkpointable state() {
    return setup.state();
  }

  /** Repositions a dataset source after a resume so it reads what an uninterrupted run would. */
  public void seek(long step) {
    if (source instanceof ShardBatchSource shards) {
      shards.seek(step);
    }
  }

  /**
   * One training step (0-based {@code step}); with {@code diagnose}, also the collapse monitor and
   * the probe's error on this batch.
   */
  public Map<String, Double> step(long step, NDManager scope, boolean diagnose) {
    long t0 = System.nanoTime();
    source.next(random.stream("batch", step), batch);
    tensors.copyFrom(batch);
    long tData = System.nanoTime();
    NDArray obs = tensors.observations();
    NDArray act = tensors.actions();
    NDArray pos = tensors.positions();
    // The batch tensors live in the trainer's long-lived manager and are the first operand of the
    // encoder's ops; lend them to the step's scope so every intermediate dies with the step.
    obs.tempAttach(scope);
    act.tempAttach(scope);
    pos.tempAttach(scope);
    Map<String, Double> m = new LinkedHashMap<>();
    NDArray latents;
    optimizers.zeroGradients();
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      Jepa.TrainingLoss tl = jepa.trainingLoss(obs, act, cfg.loss().rolloutSteps(),
          cfg.loss().rolloutStarts(), cfg.loss().oneStep(), random.stream("sigreg", step));
      gc.backward(tl.terms().total());
      tl.terms().scalars().forEach((k, v) -> {
        m.put("loss/" + k, v);
        if (weights.containsKey(k)) {
          m.put("loss_weighted/" + k, v * weights.get(k));
        }
      });
      latents = tl.latents().stopGradient();
    }
    double lr = schedule.at(step);
    m.put("lr", lr);
    optimizers.step(lr).forEach((k, v) -> {
      if (Double.isFinite(v)) { // a skipped step's NaN norm is counted, not logged (JSON has no NaN)
        m.put("grad_norm/" + k, v);
      }
    });
    m.put("skipped_steps", (double) optimizers.skippedSteps());
    long b = batch.batchSize();
    long l = batch.window();
    int d = jepa.latentDim();
    NDArray flatZ = latents.reshape(b * l, d);
    NDArray flatP = pos.reshape(b * l, 2);
    m.put("probe/loss", probe.trainStep(flatZ, flatP));
    if (diagnose) {
      LatentDiagnostics diag = LatentDiagnostics.of(jepa.learned(flatZ));
      m.put("latent/std_min", diag.stdMin());
      m.put("latent/std_mean", diag.stdMean());
      m.put("latent/effective_rank", diag.effectiveRank());
      m.put("probe/train_error_px", probe.errorPixels(flatZ, flatP));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    m.put("time/data_seconds", (tData - t0) / 1e9);
    m.put("time/frames_per_second", b * l / seconds);
    return m;
  }

  /** Probe and unroll errors on the held-out set (no graph). */
  public UnrollEvaluation evaluate(NDManager parent) {
    return GradMode.disabled(() -> {
      try (NDManager scope = parent.newSubManager()) {
        WindowBatch.Tensors t = heldOut.toNDArrays(scope);
        int k = heldOut.batchSize();
        int frames = heldOut.window();
        int d = jepa.latentDim();
        NDArray z = encodeInChunks(scope, t.observations()); // [K, H+1, D]
        NDArray pos = t.positions(); // [K, H+1, 2]
        double probeError = probe.errorPixels(z.reshape((long) k * frames, d),
            pos.reshape((long) k * frames, 2));
        NDArray s0 = z.get(new NDIndex(":, 0"));
        NDArray rolled = jepa.unroll(s0, t.actions()).states(); // [K, H+1, D]
        float[] decoded = decode(rolled, k, frames);
        double[] latentError = rolled.sub(z).square().mean(new int[] {2}).mean(new int[] {0}).toType(
            ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
        // The same starts under another window's actions: what the model does with other inputs.
        NDArray shifted = NDArrays.concat(new NDList(t.actions().get(new NDIndex("1:")),
            t.actions().get(new NDIndex(":1"))), 0);
        float[] other = decode(jepa.unroll(s0, shifted).states(), k, frames);
        float[] truth = heldOut.positions();
        double[] err = new double[frames];
        double[] still = new double[frames];
        float[] start = decode(s0, k, 1);
        for (int i = 0; i < k; i++) {
          for (int s = 0; s < frames; s++) {
            int o = 2 * (i * frames + s);
            err[s] += StrictMath.hypot(decoded[o] - truth[o], decoded[o + 1] - truth[o + 1]) / k;
            still[s] += StrictMath.hypot(start[2 * i] - truth[o], start[2 * i + 1] - truth[o + 1])
                / k;
          }
        }
        List<UnrollEvaluation.Example> examples = new ArrayList<>();
        for (int i = 0; i < Math.min(cfg.eval().gifs(), k); i++) {
          examples.add(new UnrollEvaluation.Example(heldOut.wallX()[i], heldOut.doorY()[i],
              path(truth, i, frames), path(decoded, i, frames), path(other, i, frames)));
        }
        return new UnrollEvaluation(probeError, err, still, latentError, examples);
      }
    });
  }

  /** The wall and layout indicators ({@link WallIndicators}) of the model as it is now. */
  public WallIndicators indicators(NDManager parent) {
    return WallIndicators.measure(jepa, probe,
        new ai.craik.env.TwoRoomsRenderer(cfg.env().imageSize(), cfg.env().sigma()),
        setup.scaling(), "random".equals(cfg.data().layout()), random, parent);
  }

  /** Encodes [K, F, C, H, W] in chunks of about 512 frames so activations stay small. */
  private NDArray encodeInChunks(NDManager scope, NDArray observations) {
    long k = observations.getShape().get(0);
    long per = Math.max(1, 512 / observations.getShape().get(1));
    NDList chunks = new NDList();
    for (long from = 0; from < k; from += per) {
      long to = Math.min(k, from + per);
      try (NDManager chunk = scope.newSubManager()) {
        NDArray slice = observations.get(new NDIndex("{}:{}", from, to));
        slice.attach(chunk); // the encoder's intermediates follow their input into the chunk
        NDArray z = jepa.encodeWindows(slice);
        z.attach(scope);
        chunks.add(z);
      }
    }
    return NDArrays.concat(chunks, 0);
  }

  private float[] decode(NDArray states, int k, int frames) {
    return probe.predict(states.reshape((long) k * frames, jepa.latentDim())).toFloatArray();
  }

  private static double[][] path(float[] flat, int i, int frames) {
    double[][] p = new double[frames][2];
    for (int s = 0; s < frames; s++) {
      p[s][0] = flat[2 * (i * frames + s)];
      p[s][1] = flat[2 * (i * frames + s) + 1];
    }
    return p;
  }

  @Override
  public void close() {
    source.close();
    tensors.close();
    setup.close();
  }
}
