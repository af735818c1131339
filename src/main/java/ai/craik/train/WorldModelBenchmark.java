package ai.craik.train;

import ai.craik.data.BatchSpec;
import ai.craik.data.GeneratedBatchSource;
import ai.craik.data.WindowBatch;
import ai.craik.engine.MatmulRate;
import ai.craik.engine.RandomStreams;
import ai.craik.env.ExplorationConfig;
import ai.craik.jepa.Encoder;
import ai.craik.jepa.NormalizedEncoder;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures world-model training speed: full training steps per second (data, loss, backward,
 * optimizers, probe), encoder forward + backward frames per second, the encoder's FLOPs per frame
 * and the machine's matmul rate, so the achieved fraction of peak is visible. Training FLOPs are
 * counted as 3 × the forward FLOPs (forward, and backward for inputs and weights).
 */
public final class WorldModelBenchmark {
  private WorldModelBenchmark() {}

  /** What was measured. */
  public record Result(double stepsPerSecond, double trainFramesPerSecond,
      double encoderFramesPerSecond, double encoderFlopsPerFrame, double achievedGflops,
      double matmulGflops, int batch, int window, int imageSize, int latentDim) {

    /** Achieved encoder training FLOP rate over the machine's matmul rate. */
    public double fractionOfPeak() {
      return achievedGflops / matmulGflops;
    }

    /** As a JSON-friendly map. */
    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("steps_per_second", stepsPerSecond);
      m.put("train_frames_per_second", trainFramesPerSecond);
      m.put("encoder_frames_per_second", encoderFramesPerSecond);
      m.put("encoder_gflop_per_frame", encoderFlopsPerFrame / 1e9);
      m.put("achieved_gflops", achievedGflops);
      m.put("matmul_gflops", matmulGflops);
      m.put("fraction_of_peak", fractionOfPeak());
      m.put("batch", batch);
      m.put("window", window);
      m.put("image_size", imageSize);
      m.put("latent_dim", latentDim);
      return m;
    }
  }

  /** Runs {@code warmup} untimed and {@code steps} timed training steps of {@code cfg}. */
  public static Result run(WorldModelConfig cfg, int warmup, int steps, NDManager manager) {
    RandomStreams random = new RandomStreams(0);
    try (WorldModelTrainer trainer = new WorldModelTrainer(cfg, random, manager)) {
      for (int i = 0; i < warmup; i++) {
        trainStep(trainer, i, manager);
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        trainStep(trainer, warmup + i, manager);
      }
      double stepSeconds = (System.nanoTime() - t0) / 1e9 / steps;
      long frames = (long) cfg.data().batch() * cfg.data().window();
      double encoderSeconds = encoderSeconds(cfg, trainer.jepa().encoder(), warmup, steps,
          manager);
      Encoder enc = trainer.jepa().encoder();
      double flops = enc instanceof NormalizedEncoder n ? n.flopsPerFrame() : Double.NaN;
      double encoderFps = frames / encoderSeconds;
      double matmul = MatmulRate.measure(manager, 1024, 2.0);
      return new Result(1 / stepSeconds, frames / stepSeconds, encoderFps, flops,
          3 * flops * encoderFps / 1e9, matmul, cfg.data().batch(), cfg.data().window(),
          cfg.env().imageSize(), trainer.jepa().latentDim());
    }
  }

  private static void trainStep(WorldModelTrainer trainer, long step, NDManager parent) {
    try (NDManager scope = parent.newSubManager()) {
      trainer.step(step, scope, false);
    }
  }

  /** Seconds per encoder forward + backward over one batch of B·L frames. */
  private static double encoderSeconds(WorldModelConfig cfg, Encoder encoder, int warmup,
      int steps, NDManager parent) {
    int r = cfg.env().imageSize();
    BatchSpec spec = BatchSpec.of(cfg.data().batch(), cfg.data().window()).withImageSize(r);
    WindowBatch batch;
    try (GeneratedBatchSource src = new GeneratedBatchSource(spec, ExplorationConfig.defaults(),
        cfg.env().maxStep(), cfg.data().trajectoryLength(), true, cfg.data().threads())) {
      batch = src.next(new RandomStreams(1).stream("bench"), WindowBatch.allocate(spec));
    }
    long frames = (long) spec.batchSize() * spec.window();
    long t0 = 0;
    for (int i = 0; i < warmup + steps; i++) {
      if (i == warmup) {
        t0 = System.nanoTime();
      }
      try (NDManager scope = parent.newSubManager()) {
        NDArray obs = batch.toNDArrays(scope).observations().reshape(frames, 2, r, r);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray z = encoder.encode(obs);
          gc.backward(z.mul(z).sum());
        }
      }
    }
    return (System.nanoTime() - t0) / 1e9 / steps;
  }
}
