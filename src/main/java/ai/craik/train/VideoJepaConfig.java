package ai.craik.train;

import ai.craik.config.ConfigChecks;
import ai.craik.config.ConfigValueException;
import ai.craik.jepa.LearningRateSchedule;
import java.util.List;

/**
 * Settings of {@code craik train video-jepa}; YAML preset {@code configs/video-jepa.yaml}.
 *
 * @param data which videos
 * @param model encoder, predictor, projector
 * @param loss rollout and regularization
 * @param train optimization
 * @param eval detection AP and pictures
 */
public record VideoJepaConfig(Data data, Model model, Loss loss, Train train, Eval eval) {

  /** The clips: {@code moving-shapes}, {@code moving-digits:DIR} or {@code moving-digits}. */
  public record Data(String source) {
    public Data {
      if (source == null || source.isBlank()) {
        throw new ConfigValueException("source", source,
            "must be moving-shapes, moving-digits:DIR or moving-digits");
      }
    }
  }

  /**
   * The encoder: a ResNet with a stride-2 stem and stages of {@code widths} channels with
   * {@code blocks} basic blocks (every stage after the first halves the map); the predictor's
   * hidden width and layers and whether it adds its output to the current map; the projector's
   * widths for the regularizer.
   */
  public record Model(List<Integer> widths, List<Integer> blocks, int predictorWidth,
      int predictorLayers, boolean predictorResidual, List<Integer> projector) {
    public Model {
      ConfigChecks.nonEmpty("widths", widths);
      ConfigChecks.size("blocks", blocks, widths.size());
      ConfigChecks.atLeast("predictor_width", predictorWidth, 1);
      ConfigChecks.atLeast("predictor_layers", predictorLayers, 1);
      ConfigChecks.nonEmpty("projector", projector);
      for (int w : widths) {
        ConfigChecks.atLeast("widths", w, 1);
      }
      for (int b : blocks) {
        ConfigChecks.atLeast("blocks", b, 1);
      }
      for (int w : projector) {
        ConfigChecks.atLeast("projector", w, 1);
      }
    }
  }

  /**
   * The loss: the prediction error summed over {@code rollout_steps} autoregressive steps (from two
   * context frames), plus {@code std} x the variance hinge and {@code cov} x the covariance penalty
   * of the projected per-position features.
   */
  public record Loss(int rolloutSteps, double std, double cov) {
    public Loss {
      ConfigChecks.inRange("rollout_steps", rolloutSteps, 1, 64);
      ConfigChecks.nonNegative("std", std);
      ConfigChecks.nonNegative("cov", cov);
    }
  }

  /** Steps, clips per batch, AdamW, and how many clips per batch train the pixel decoder. */
  public record Train(long steps, int batch, double learningRate, long warmupSteps,
      double weightDecay, int decoderClips, int logEvery, int checkpointEvery) {
    public Train {
      ConfigChecks.atLeast("steps", steps, 0);
      ConfigChecks.atLeast("batch", batch, 2);
      ConfigChecks.positive("learning_rate", learningRate);
      ConfigChecks.atLeast("warmup_steps", warmupSteps, 0);
      ConfigChecks.nonNegative("weight_decay", weightDecay);
      ConfigChecks.atLeast("decoder_clips", decoderClips, 0);
      ConfigChecks.atLeast("log_every", logEvery, 1);
      ConfigChecks.atLeast("checkpoint_every", checkpointEvery, 1);
    }

    /** Warm-up, then cosine decay to a tenth of the rate at the last step. */
    public LearningRateSchedule schedule() {
      return new LearningRateSchedule(learningRate, Math.min(warmupSteps, steps), steps,
          learningRate / 10);
    }
  }

  /**
   * Evaluation on {@code test_clips} fixed clips: AP per horizon 1..{@code horizons} on the
   * detection grid (the map's cells), after {@code head_steps} more steps of the detection head
   * on the final encoder; every {@code every} steps (0: never) the AP at horizon 1 on
   * {@code quick_clips} clips; {@code gifs} clips drawn as GIFs.
   */
  public record Eval(int testClips, int horizons, int headSteps, int every, int quickClips,
      int gifs) {
    public Eval {
      ConfigChecks.atLeast("test_clips", testClips, 1);
      ConfigChecks.inRange("horizons", horizons, 1, 64);
      ConfigChecks.atLeast("head_steps", headSteps, 0);
      ConfigChecks.atLeast("every", every, 0);
      ConfigChecks.atLeast("quick_clips", quickClips, 1);
      ConfigChecks.atLeast("gifs", gifs, 0);
    }
  }
}
