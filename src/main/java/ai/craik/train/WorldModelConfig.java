package ai.craik.train;

import ai.craik.env.ExplorationConfig;

import ai.craik.config.ConfigChecks;
import ai.craik.config.ConfigValueException;
import ai.craik.jepa.JepaLossConfig;
import ai.craik.jepa.ModelConfig;
import java.util.List;

/**
 * Settings of {@code craik train world-model}; presets {@code configs/two-rooms-quick.yaml} (the
 * built-in default), the overlays {@code two-rooms-random.yaml} and {@code two-rooms-fixed.yaml}
 * (both start from the wall recipe {@code two-rooms-walls.yaml}), {@code two-rooms-quick-fixed.yaml},
 * {@code two-rooms-quick-spatial.yaml} and {@code two-rooms-paper.yaml}.
 *
 * @param env rendering and dynamics of the Two Rooms frames
 * @param data where training windows come from
 * @param model encoder, action encoder, predictor
 * @param loss rollout length and regularizer weights
 * @param optim AdamW per module, warm-up then cosine
 * @param probe the position probe on detached latents
 * @param train steps and logging, checkpoint and evaluation intervals
 * @param eval held-out unroll evaluation
 * @param distance the second phase: a learned temporal distance on the frozen world model
 */
public record WorldModelConfig(Env env, Data data, ModelConfig model, JepaLossConfig loss,
    Optim optim, Probe probe, Train train, Eval eval, Distance distance) {

  public WorldModelConfig {
    long actions = (long) loss.rolloutSteps() * loss.rolloutStarts();
    if (data.window() < actions + 1) {
      throw new ConfigValueException("data.window", data.window(), "must be at least"
          + " loss.rollout_steps * loss.rollout_starts + 1 = " + (actions + 1));
    }
  }

  /** Image size, dot width and action clip of the Two Rooms frames. */
  public record Env(int imageSize, double sigma, double maxStep) {
    public Env {
      ConfigChecks.inRange("image_size", imageSize, 16, 1024);
      ConfigChecks.positive("sigma", sigma);
      ConfigChecks.positive("max_step", maxStep);
    }
  }

  /**
   * Training windows: generated on the fly ({@code source: generated}) or read from a dataset
   * folder written by {@code craik data two-rooms} ({@code source: dataset}, {@code dataset: DIR}).
   * {@code scaling}: frames in [0, 1] ({@code unit}) or standardized per channel with statistics
   * of one generated batch ({@code standardize}), which lifts the few dot pixels far above the
   * wall channel's values. {@code wall_stick}: the probability that generated random play keeps
   * pushing against a wall after a blocked move (see {@link ExplorationConfig#wallStick()});
   * {@code wall_fraction}: the share of generated trajectories that start beside the middle wall
   * heading into it ({@link ExplorationConfig#wallFraction()}).
   */
  public record Data(String source, String dataset, String layout, int window, int batch,
      int trajectoryLength, int threads, String scaling, double wallStick, double wallFraction) {
    public Data {
      ConfigChecks.inRange("wall_stick", wallStick, 0.0, 1.0);
      ConfigChecks.inRange("wall_fraction", wallFraction, 0.0, 0.65);
      ConfigChecks.oneOf("scaling", scaling, List.of("unit", "standardize"));
      ConfigChecks.oneOf("source", source, List.of("generated", "dataset"));
      if ("dataset".equals(source) && (dataset == null || dataset.isBlank())) {
        throw new ConfigValueException("dataset", "''", "must name a dataset folder when"
            + " data.source is dataset (write one with 'craik data two-rooms')");
      }
      ConfigChecks.oneOf("layout", layout, List.of("fixed", "random"));
      ConfigChecks.inRange("window", window, 2, 1024);
      ConfigChecks.inRange("batch", batch, 2, 1 << 16);
      ConfigChecks.inRange("trajectory_length", trajectoryLength, 1, 1 << 16);
      ConfigChecks.inRange("threads", threads, 1, 256);
      if (trajectoryLength < window - 1) {
        throw new ConfigValueException("trajectory_length", trajectoryLength,
            "must be at least data.window - 1 = " + (window - 1));
      }
    }
  }

  /** AdamW per module (clipped by its own gradient norm), linear warm-up then cosine. */
  public record Optim(double learningRate, double minLearningRate, int warmupSteps,
      double weightDecay, double clipNorm) {
    public Optim {
      ConfigChecks.positive("learning_rate", learningRate);
      ConfigChecks.nonNegative("min_learning_rate", minLearningRate);
      ConfigChecks.atLeast("warmup_steps", warmupSteps, 0);
      ConfigChecks.nonNegative("weight_decay", weightDecay);
      ConfigChecks.nonNegative("clip_norm", clipNorm);
    }
  }

  /** The position probe: an MLP on detached latents. */
  public record Probe(int hidden, double learningRate) {
    public Probe {
      ConfigChecks.inRange("hidden", hidden, 1, 1 << 16);
      ConfigChecks.positive("learning_rate", learningRate);
    }
  }

  /** Length and intervals of training. */
  public record Train(int steps, int logEvery, int checkpointEvery, int evalEvery) {
    public Train {
      ConfigChecks.atLeast("steps", steps, 0);
      ConfigChecks.atLeast("log_every", logEvery, 1);
      ConfigChecks.atLeast("checkpoint_every", checkpointEvery, 1);
      ConfigChecks.atLeast("eval_every", evalEvery, 1);
      if (evalEvery % logEvery != 0) {
        throw new ConfigValueException("eval_every", evalEvery, "must be a multiple of"
            + " train.log_every = " + logEvery + " (evaluations are logged with the step)");
      }
    }
  }

  /**
   * Held-out evaluation: {@code trajectories} windows of {@code horizon} steps from their own
   * stream; errors reported at {@code horizons}; {@code gifs} rollouts animated.
   */
  public record Eval(int trajectories, int horizon, List<Integer> horizons, int gifs) {
    public Eval {
      ConfigChecks.inRange("trajectories", trajectories, 2, 1 << 16);
      ConfigChecks.inRange("horizon", horizon, 1, 1024);
      ConfigChecks.nonEmpty("horizons", horizons);
      for (int h : horizons) {
        if (h < 1 || h > horizon) {
          throw new ConfigValueException("horizons", horizons, "each must be in 1..eval.horizon = "
              + horizon);
        }
      }
      ConfigChecks.inRange("gifs", gifs, 0, 16);
    }
  }

  /**
   * The second phase of the run, {@code distance} (0 steps: skipped): a
   * {@link ai.craik.jepa.TemporalDistanceHead} trained on the frozen world model's latents of
   * whole random-play trajectories to predict the step gap between two of their frames (see
   * {@link DistanceTrainer}). Logged, checkpointed and evaluated at the intervals of
   * {@code train}.
   *
   * @param steps training steps of the head (0 disables the phase)
   * @param batch trajectories per step (each {@code data.trajectory_length} steps, encoded once)
   * @param pairs frame pairs (i &lt; j) drawn per trajectory and step
   * @param hidden hidden widths of the embedding MLP phi
   * @param embedding the embedding size M
   * @param learningRate constant AdamW rate
   * @param tau the expectile of the gap regression, in (0, 1); below 0.5 leans to short gaps
   * @param maxGap K: targets are clipped at K steps and scaled by 1/K
   * @param evalLayouts held-out layouts of the evaluation
   * @param evalPositions free positions per held-out layout (half in each room); all pairs count
   * @param crossWallPx straight-line distance (world px) below which a pair in different rooms
   *     whose straight segment is blocked counts as "cross-wall"
   */
  public record Distance(int steps, int batch, int pairs, List<Integer> hidden, int embedding,
      double learningRate, double tau, int maxGap, int evalLayouts, int evalPositions,
      double crossWallPx) {
    public Distance {
      ConfigChecks.atLeast("steps", steps, 0);
      ConfigChecks.inRange("batch", batch, 1, 1 << 16);
      ConfigChecks.inRange("pairs", pairs, 1, 1 << 16);
      if (hidden == null) {
        throw new ConfigValueException("hidden", null, "must be a list of widths, e.g. [256, 256]");
      }
      for (Integer h : hidden) {
        if (h == null) {
          throw new ConfigValueException("hidden", hidden, "must not contain empty entries");
        }
        ConfigChecks.inRange("hidden", h, 1, 1 << 16);
      }
      hidden = List.copyOf(hidden);
      ConfigChecks.inRange("embedding", embedding, 1, 1 << 16);
      ConfigChecks.positive("learning_rate", learningRate);
      if (!(tau > 0 && tau < 1)) {
        throw new ConfigValueException("tau", tau, "must be in (0, 1) (0.5 regresses the mean"
            + " gap; below 0.5 leans to the shortest gaps)");
      }
      ConfigChecks.inRange("max_gap", maxGap, 1, 1 << 16);
      ConfigChecks.inRange("eval_layouts", evalLayouts, 1, 4096);
      ConfigChecks.inRange("eval_positions", evalPositions, 4, 4096);
      ConfigChecks.positive("cross_wall_px", crossWallPx);
    }
  }
}
