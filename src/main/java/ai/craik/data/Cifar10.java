package ai.craik.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 from a user-given folder in the binary version: {@code data_batch_1.bin} ..
 * {@code data_batch_5.bin} (training; those present, at least one) and {@code test_batch.bin}.
 * Each record is 1 label byte (0..9) and 3,072 pixel bytes, 32 x 32 per channel, red, green then
 * blue, rows top to bottom. Nothing is downloaded. Krizhevsky, "Learning Multiple Layers of
 * Features from Tiny Images", 2009 (the binary version's layout).
 *
 * @param train the training records, in file order
 * @param test the test records
 */
public record Cifar10(LabelledImages train, LabelledImages test) {
  /** Pixel bytes per image: 3 channels of 32 x 32. */
  public static final int PIXELS = 3 * 32 * 32;
  private static final int RECORD = 1 + PIXELS;

  /**
   * Reads the folder.
   *
   * @throws DatasetException naming the missing or malformed file and what is expected
   */
  public static Cifar10 open(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new DatasetException("cifar10:" + dir + " is not a folder; give the folder of the"
          + " CIFAR-10 binary version (data_batch_1.bin .. data_batch_5.bin, test_batch.bin)");
    }
    List<Path> train = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      Path f = dir.resolve("data_batch_" + i + ".bin");
      if (Files.isRegularFile(f)) {
        train.add(f);
      }
    }
    if (train.isEmpty()) {
      throw new DatasetException("cifar10:" + dir + " has no data_batch_1.bin .. data_batch_5.bin;"
          + " the folder needs the binary version's training batches and test_batch.bin");
    }
    Path test = dir.resolve("test_batch.bin");
    if (!Files.isRegularFile(test)) {
      throw new DatasetException("cifar10:" + dir + " has no test_batch.bin");
    }
    return new Cifar10(read(train), read(List.of(test)));
  }

  private static LabelledImages read(List<Path> files) {
    List<byte[]> contents = new ArrayList<>();
    long records = 0;
    for (Path f : files) {
      byte[] b;
      try {
        b = Files.readAllBytes(f);
      } catch (IOException e) {
        throw new DatasetException("cannot read " + f + ": " + e.getMessage());
      }
      if (b.length == 0 || b.length % RECORD != 0) {
        throw new DatasetException(f + " has " + b.length + " bytes, not a whole number of"
            + " 3,073-byte records (1 label + 3,072 pixels); is it the binary version, complete?");
      }
      contents.add(b);
      records += b.length / RECORD;
    }
    int n = Math.toIntExact(records);
    byte[] images = new byte[n * PIXELS];
    byte[] labels = new byte[n];
    int k = 0;
    for (int fi = 0; fi < contents.size(); fi++) {
      byte[] b = contents.get(fi);
      for (int r = 0; r < b.length / RECORD; r++, k++) {
        byte label = b[r * RECORD];
        if (label < 0 || label > 9) {
          throw new DatasetException(files.get(fi) + " record " + r + " has the label "
              + (label & 0xff) + "; CIFAR-10 labels are 0..9");
        }
        labels[k] = label;
        System.arraycopy(b, r * RECORD + 1, images, k * PIXELS, PIXELS);
      }
    }
    return new LabelledImages(images, labels, 3, 32, 32);
  }
}
