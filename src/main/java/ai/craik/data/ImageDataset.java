package ai.craik.data;

import ai.craik.config.Checks;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;

/**
 * A labelled image dataset with a training and a test split, named by a data option:
 *
 * <ul>
 *   <li>{@code shapes}: the procedural {@link Shapes} images (RGB, 7 classes), generated from the
 *       seed: image i of a split from its own stream, so the set does not depend on threads;
 *   <li>{@code mnist:DIR}: the four MNIST IDX files in DIR ({@link Mnist});
 *   <li>{@code cifar10:DIR}: the CIFAR-10 binary batches in DIR ({@link Cifar10}).
 * </ul>
 *
 * @param name the data option it was opened from
 * @param train the training split
 * @param test the test split
 * @param classes the number of classes
 */
public record ImageDataset(String name, LabelledImages train, LabelledImages test, int classes) {

  /** How large the generated {@code shapes} splits are. */
  public record ShapesSize(int train, int test, int pixels) {
    public ShapesSize {
      Checks.arg(train >= 1 && test >= 1, "shapes needs train and test sizes >= 1, got %s, %s",
          train, test);
      Checks.arg(pixels >= 8, "shapes images need at least 8 px, got %s", pixels);
    }
  }

  /**
   * Opens the dataset named by {@code spec}.
   *
   * @throws DatasetException for an unknown name or a missing or malformed file
   */
  public static ImageDataset open(String spec, ShapesSize shapes, long seed, int threads) {
    if (spec.equals("shapes")) {
      return new ImageDataset(spec, generate(shapes.train(), shapes.pixels(), seed, "train",
          threads), generate(shapes.test(), shapes.pixels(), seed, "test", threads),
          Shapes.CLASSES.size());
    }
    if (spec.startsWith("mnist:") && spec.length() > "mnist:".length()) {
      Mnist m = Mnist.open(Path.of(spec.substring("mnist:".length())));
      return new ImageDataset(spec, m.train(), m.test(), 10);
    }
    if (spec.startsWith("cifar10:") && spec.length() > "cifar10:".length()) {
      Cifar10 c = Cifar10.open(Path.of(spec.substring("cifar10:".length())));
      return new ImageDataset(spec, c.train(), c.test(), 10);
    }
    throw new DatasetException("unknown data '" + spec + "'; use shapes, mnist:DIR (the four"
        + " MNIST IDX files) or cifar10:DIR (the CIFAR-10 binary batches)");
  }

  /** {@code n} shape images of {@code pixels} px, image i drawn from stream (seed, split, i). */
  static LabelledImages generate(int n, int pixels, long seed, String split, int threads) {
    int size = 3 * pixels * pixels;
    byte[] images = new byte[n * size];
    byte[] labels = new byte[n];
    long base = new SplittableRandom(seed).split().nextLong() ^ split.hashCode();
    ExecutorService pool = Parallel.pool(threads, "shapes");
    try {
      Parallel.forRange(pool, threads, n, i -> {
        Shapes.Image img = Shapes.sample(pixels, new SplittableRandom(base * 31 + i));
        float[] p = img.pixels();
        for (int j = 0; j < size; j++) {
          images[i * size + j] = (byte) Math.round(Math.max(0f, Math.min(1f, p[j])) * 255f);
        }
        labels[i] = (byte) img.factors().label();
      });
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return new LabelledImages(images, labels, 3, pixels, pixels);
  }
}
