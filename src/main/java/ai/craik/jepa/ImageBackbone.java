package ai.craik.jepa;

import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;

/**
 * A convolutional image encoder for self-supervised learning: images to a feature map, and the
 * map averaged over positions to a feature vector (the representation that probes read).
 *
 * <p>Shapes: images [B, C, H, W] to a map [B, F, h, w] and features [B, F]. Implementations own
 * their parameters in one {@link Parameters}.
 */
public interface ImageBackbone {
  /** The feature map [B, F, h, w] of images [B, C, H, W]. */
  NDArray featureMap(NDArray images);

  /** Features [B, F]: the feature map averaged over its positions (global average pooling). */
  default NDArray features(NDArray images) {
    NDArray map = featureMap(images);
    return map.reshape(map.getShape().get(0), map.getShape().get(1), -1).mean(new int[] {2});
  }

  /** F, the channels of the map and the size of the features. */
  int featureChannels();

  /** The side h = w of the feature map for the configured input size. */
  int mapSize();

  /** Multiply-adds of one forward pass per image. */
  long multiplyAddsPerImage();

  /** The backbone's trainable parameters. */
  Parameters parameters();
}
