package ai.craik.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR-10 binary batches written here: layout, several training files, malformed files. */
class Cifar10Test {
  @TempDir Path dir;

  /** n records: record i has label (first + i) % 10 and every pixel byte equal to first + i. */
  private void write(String name, int n, int first) throws IOException {
    byte[] b = new byte[n * (1 + Cifar10.PIXELS)];
    for (int i = 0; i < n; i++) {
      int at = i * (1 + Cifar10.PIXELS);
      b[at] = (byte) ((first + i) % 10);
      java.util.Arrays.fill(b, at + 1, at + 1 + Cifar10.PIXELS, (byte) (first + i));
    }
    Files.write(dir.resolve(name), b);
  }

  @Test
  void readsTheTrainingBatchesInOrderAndTheTestBatch() throws IOException {
    write("data_batch_1.bin", 3, 0);
    write("data_batch_2.bin", 2, 200);
    write("test_batch.bin", 4, 50);
    Cifar10 c = Cifar10.open(dir);
    assertThat(c.train().size()).isEqualTo(5);
    assertThat(c.test().size()).isEqualTo(4);
    assertThat(c.train().label(3)).isEqualTo(0); // 200 % 10
    assertThat(c.train().image(4)).hasSize(3072).containsOnly(201 / 255f);
    assertThat(c.test().label(1)).isEqualTo(1);
    assertThat(c.test().image(0)).containsOnly(50 / 255f);
  }

  @Test
  void missingAndMalformedFilesFailWithOneMessage() throws IOException {
    assertThatThrownBy(() -> Cifar10.open(dir.resolve("nope")))
        .isInstanceOf(DatasetException.class).hasMessageContaining("is not a folder");
    assertThatThrownBy(() -> Cifar10.open(dir)).hasMessageContaining("no data_batch_1.bin");
    write("data_batch_1.bin", 2, 0);
    assertThatThrownBy(() -> Cifar10.open(dir)).hasMessageContaining("no test_batch.bin");
    Files.write(dir.resolve("test_batch.bin"), new byte[3073 + 10]);
    assertThatThrownBy(() -> Cifar10.open(dir)).hasMessageContaining("3083 bytes")
        .hasMessageContaining("3,073-byte records");
    byte[] bad = new byte[3073];
    bad[0] = 11;
    Files.write(dir.resolve("test_batch.bin"), bad);
    assertThatThrownBy(() -> Cifar10.open(dir)).hasMessageContaining("record 0 has the label 11");
  }
}
