package ai.craik.train;

import ai.craik.config.ConfigChecks;
import ai.craik.config.ConfigValueException;
import ai.craik.data.Augment;
import ai.craik.jepa.LearningRateSchedule;
import java.util.List;

/**
 * Settings of {@code craik train image-jepa}; YAML preset {@code configs/image-jepa.yaml}.
 *
 * @param data which images and, for {@code shapes}, how many
 * @param augment how the two views of an image are drawn
 * @param model encoder and projector
 * @param loss the joint-embedding criterion
 * @param train optimization
 * @param eval probes and k-NN
 */
public record ImageJepaConfig(Data data, AugmentSpec augment, Model model, Loss loss, Train train,
    Eval eval) {

  /** The dataset: {@code shapes}, {@code mnist:DIR} or {@code cifar10:DIR}. */
  public record Data(String source, int shapesTrain, int shapesTest, int shapesPixels) {
    public Data {
      if (source == null || source.isBlank()) {
        throw new ConfigValueException("source", source,
            "must be shapes, mnist:DIR or cifar10:DIR");
      }
      ConfigChecks.atLeast("shapes_train", shapesTrain, 1);
      ConfigChecks.atLeast("shapes_test", shapesTest, 1);
      ConfigChecks.inRange("shapes_pixels", shapesPixels, 8, 256);
    }
  }

  /** The augmentation parameters of {@link Augment}. */
  public record AugmentSpec(double cropMin, double cropMax, double rotation, double flip, double jitter, double brightness,
      double contrast, double saturation, double hue, double gray, double blur, double solarize,
      double invert) {
    public AugmentSpec {
      ConfigChecks.inRange("hue", hue, 0.0, 0.5);
      ConfigChecks.inRange("crop_min", cropMin, 0.01, 1.0);
      ConfigChecks.inRange("crop_max", cropMax, 1.0, 16.0);
      ConfigChecks.inRange("rotation", rotation, 0.0, 180.0);
      for (double p : new double[] {flip, jitter, gray, blur, solarize, invert}) {
        ConfigChecks.inRange("flip, jitter, gray, blur, solarize and invert", p, 0.0, 1.0);
      }
      for (double m : new double[] {brightness, contrast, saturation}) {
        ConfigChecks.inRange("brightness, contrast and saturation", m, 0.0, 0.99);
      }
    }

    /** The augmentation these settings describe. */
    public Augment toAugment() {
      return new Augment(cropMin, cropMax, rotation, flip, jitter, brightness, contrast, saturation, hue, gray, blur,
          solarize, invert);
    }
  }

  /**
   * The encoder ({@code small_cnn} with {@code widths}, or {@code resnet18}, the CIFAR variant with
   * stage widths {@code resnet_width} x 1, 2, 4, 8), the projector's layer widths after the
   * encoder's features and its hidden norm ({@code batch}: over each view's batch, as VICReg;
   * {@code layer}: per row).
   */
  public record Model(String encoder, List<Integer> widths, int resnetWidth,
      List<Integer> projector, String projectorNorm) {
    /** The projector norms by name. */
    public static final List<String> NORMS = List.of("batch", "layer");

    /** The encoders by name. */
    public static final List<String> ENCODERS = List.of("small_cnn", "resnet18");

    public Model {
      ConfigChecks.oneOf("encoder", encoder, ENCODERS);
      ConfigChecks.nonEmpty("widths", widths);
      ConfigChecks.atLeast("resnet_width", resnetWidth, 1);
      ConfigChecks.nonEmpty("projector", projector);
      ConfigChecks.oneOf("projector_norm", projectorNorm, NORMS);
      for (int w : widths) {
        ConfigChecks.atLeast("widths", w, 1);
      }
      for (int w : projector) {
        ConfigChecks.atLeast("projector", w, 1);
      }
    }
  }

  /**
   * The criterion by {@code name} and each one's settings: VICReg (inv, var, cov weights), Barlow
   * Twins (lambda), SIGReg as in LeJEPA (lambda, projections), InfoNCE (temperature).
   */
  public record Loss(String name, double vicregInv, double vicregVar, double vicregCov,
      double barlowLambda, double sigregLambda, int sigregProjections,
      double infonceTemperature) {
    /** The losses by name. */
    public static final List<String> NAMES = List.of("vicreg", "barlow-twins", "sigreg",
        "infonce");

    public Loss {
      ConfigChecks.oneOf("name", name, NAMES);
      ConfigChecks.nonNegative("vicreg_inv", vicregInv);
      ConfigChecks.nonNegative("vicreg_var", vicregVar);
      ConfigChecks.nonNegative("vicreg_cov", vicregCov);
      ConfigChecks.nonNegative("barlow_lambda", barlowLambda);
      ConfigChecks.inRange("sigreg_lambda", sigregLambda, 0.0, 1.0);
      ConfigChecks.atLeast("sigreg_projections", sigregProjections, 1);
      ConfigChecks.positive("infonce_temperature", infonceTemperature);
    }
  }

  /**
   * Steps, batch (pairs of views), AdamW (each module's gradient clipped to global norm
   * {@code clip_norm}, 0: no clipping) and the online probe's rate.
   */
  public record Train(long steps, int batch, double learningRate, long warmupSteps,
      double weightDecay, double clipNorm, double probeLearningRate, int logEvery,
      int checkpointEvery) {
    public Train {
      ConfigChecks.nonNegative("clip_norm", clipNorm);
      ConfigChecks.atLeast("steps", steps, 0);
      ConfigChecks.atLeast("batch", batch, 2);
      ConfigChecks.positive("learning_rate", learningRate);
      ConfigChecks.atLeast("warmup_steps", warmupSteps, 0);
      ConfigChecks.nonNegative("weight_decay", weightDecay);
      ConfigChecks.positive("probe_learning_rate", probeLearningRate);
      ConfigChecks.atLeast("log_every", logEvery, 1);
      ConfigChecks.atLeast("checkpoint_every", checkpointEvery, 1);
    }

    /** Warm-up, then cosine decay to 0 at the last step. */
    public LearningRateSchedule schedule() {
      return new LearningRateSchedule(learningRate, Math.min(warmupSteps, steps), steps, 0.0);
    }
  }

  /**
   * The final evaluation: at most {@code trainImages} training images (0: all) are encoded for the
   * linear probe ({@code probe_epochs}, {@code probe_batch}, {@code probe_learning_rate}) and the
   * k-NN classifier ({@code knn_k}, {@code knn_temperature}); every test image is scored;
   * {@code pca_points} test embeddings are drawn in the report. Every {@code every} steps (0:
   * never) a quick k-NN accuracy on {@code quick_train} training and {@code quick_test} test
   * images is logged as {@code eval/knn_accuracy}.
   */
  public record Eval(int trainImages, int probeEpochs, int probeBatch, double probeLearningRate,
      int knnK, double knnTemperature, int pcaPoints, int every, int quickTrain, int quickTest) {
    public Eval {
      ConfigChecks.atLeast("every", every, 0);
      ConfigChecks.atLeast("quick_train", quickTrain, 1);
      ConfigChecks.atLeast("quick_test", quickTest, 1);
      ConfigChecks.atLeast("train_images", trainImages, 0);
      ConfigChecks.atLeast("probe_epochs", probeEpochs, 1);
      ConfigChecks.atLeast("probe_batch", probeBatch, 1);
      ConfigChecks.positive("probe_learning_rate", probeLearningRate);
      ConfigChecks.atLeast("knn_k", knnK, 1);
      ConfigChecks.positive("knn_temperature", knnTemperature);
      ConfigChecks.atLeast("pca_points", pcaPoints, 0);
    }
  }
}
