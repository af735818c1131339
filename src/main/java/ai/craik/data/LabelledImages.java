package ai.craik.data;

/**
 * A split of a labelled image dataset read from files (MNIST, CIFAR-10): images as unsigned bytes
 * [n, channels, rows, cols] and one class label per image.
 *
 * @param images pixel bytes, image-major then channel-major (read with {@code & 0xff})
 * @param labels one byte per image, 0..9 for both datasets
 * @param channels channels per image
 * @param rows image height
 * @param cols image width
 */
public record LabelledImages(byte[] images, byte[] labels, int channels, int rows, int cols) {
  public LabelledImages {
    ai.craik.config.Checks.arg((long) labels.length * channels * rows * cols == images.length,
        "%s image bytes do not hold %s images of %sx%sx%s", images.length, labels.length,
        channels, rows, cols);
  }

  /** The number of images. */
  public int size() {
    return labels.length;
  }

  /** Image i as floats in [0, 1], [channels, rows, cols] channel-major. */
  public float[] image(int i) {
    int n = channels * rows * cols;
    float[] out = new float[n];
    for (int j = 0; j < n; j++) {
      out[j] = (images[i * n + j] & 0xff) / 255f;
    }
    return out;
  }

  /** Label i. */
  public int label(int i) {
    return labels[i];
  }
}
