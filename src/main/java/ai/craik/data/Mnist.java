package ai.craik.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MNIST from a user-given folder holding the four standard files, each plain or {@code .gz}:
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte},
 * {@code t10k-labels-idx1-ubyte}. Nothing is downloaded.
 *
 * @param train the training split (images [n, 1, 28, 28] for the standard files)
 * @param test the test split
 */
public record Mnist(LabelledImages train, LabelledImages test) {
  /**
   * Reads the folder.
   *
   * @throws DatasetException naming the missing or malformed file and what is expected
   */
  public static Mnist open(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new DatasetException("mnist:" + dir + " is not a folder; give the folder holding"
          + " train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and"
          + " t10k-labels-idx1-ubyte (each plain or .gz)");
    }
    return new Mnist(split(dir, "train"), split(dir, "t10k"));
  }

  private static LabelledImages split(Path dir, String prefix) {
    IdxFile images = IdxFile.read(find(dir, prefix + "-images-idx3-ubyte"));
    IdxFile labels = IdxFile.read(find(dir, prefix + "-labels-idx1-ubyte"));
    if (images.dims().length != 3) {
      throw new DatasetException(prefix + "-images-idx3-ubyte has " + images.dims().length
          + " dimensions; MNIST images have 3 (count, rows, columns)");
    }
    if (labels.dims().length != 1) {
      throw new DatasetException(prefix + "-labels-idx1-ubyte has " + labels.dims().length
          + " dimensions; MNIST labels have 1");
    }
    if (images.count() != labels.count()) {
      throw new DatasetException(prefix + " has " + images.count() + " images but "
          + labels.count() + " labels; the two files must come from the same split");
    }
    for (byte b : labels.data()) {
      if (b < 0 || b > 9) {
        throw new DatasetException(prefix + "-labels-idx1-ubyte holds the label " + (b & 0xff)
            + "; MNIST labels are 0..9");
      }
    }
    return new LabelledImages(images.data(), labels.data(), 1, images.dims()[1],
        images.dims()[2]);
  }

  /** {@code dir/name}, else {@code dir/name.gz}; the plain name (for the message) if neither. */
  private static Path find(Path dir, String name) {
    Path plain = dir.resolve(name);
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    Path gz = dir.resolve(name + ".gz");
    if (Files.isRegularFile(gz)) {
      return gz;
    }
    throw new DatasetException("mnist:" + dir + " has no " + name + " (nor " + name + ".gz);"
        + " the folder needs train-images-idx3-ubyte, train-labels-idx1-ubyte,"
        + " t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte");
  }
}
