package ai.craik.data;

import ai.craik.config.ConfigChecks;
import ai.craik.env.TwoRoomsRenderer;

/**
 * The shape and normalization of training batches of trajectory windows.
 *
 * @param batchSize B windows per batch
 * @param window L frames per window (L − 1 actions between them), at least 1
 * @param imageSize R of the rendered frames (positions stay in world units whatever R)
 * @param sigma the dot's width, world units
 * @param scaling how uint8 frames become floats (default {@link ObservationScaling#unit()}: [0, 1])
 * @param normalizeActions divide actions by the dynamics' max step (default false: world units)
 */
public record BatchSpec(int batchSize, int window, int imageSize, double sigma,
    ObservationScaling scaling, boolean normalizeActions) {
  public BatchSpec {
    ConfigChecks.inRange("batch_size", batchSize, 1, 1 << 20);
    ConfigChecks.inRange("window", window, 1, 1 << 20);
    ConfigChecks.inRange("image_size", imageSize, 16, 1024);
    ConfigChecks.positive("sigma", sigma);
    if (scaling == null) {
      throw new ai.craik.config.ConfigValueException("scaling", null, "must be given");
    }
  }

  /** B windows of L frames at 65 × 65, σ 1.3, frames in [0, 1], actions in world units. */
  public static BatchSpec of(int batchSize, int window) {
    return new BatchSpec(batchSize, window, 65, TwoRoomsRenderer.DEFAULT_SIGMA,
        ObservationScaling.unit(), false);
  }

  /** The same spec at another image size. */
  public BatchSpec withImageSize(int r) {
    return new BatchSpec(batchSize, window, r, sigma, scaling, normalizeActions);
  }

  /** The same spec with another dot width σ (world units). */
  public BatchSpec withSigma(double s) {
    return new BatchSpec(batchSize, window, imageSize, s, scaling, normalizeActions);
  }

  /** The same spec with another observation scaling. */
  public BatchSpec withScaling(ObservationScaling s) {
    return new BatchSpec(batchSize, window, imageSize, sigma, s, normalizeActions);
  }

  /** The same spec with actions divided by the max step, or not. */
  public BatchSpec withNormalizedActions(boolean normalize) {
    return new BatchSpec(batchSize, window, imageSize, sigma, scaling, normalize);
  }

  /** Frames per batch, B · L. */
  public long frames() {
    return (long) batchSize * window;
  }
}
