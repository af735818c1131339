package ai.craik.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files and MNIST folders written here: plain and gzip, and every malformed case. */
class MnistTest {
  @TempDir Path dir;

  /** An IDX file of unsigned bytes with the given dimensions and data. */
  private static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    for (int d : dims) {
      out.writeInt(d);
    }
    out.write(data);
    return bytes.toByteArray();
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(raw);
    }
    return bytes.toByteArray();
  }

  /** A split of n images of 3 x 2 pixels: image i has every pixel 10 i, label i % 10. */
  private void writeSplit(String prefix, int n, boolean gz) throws IOException {
    byte[] px = new byte[n * 6];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(px, i * 6, i * 6 + 6, (byte) (10 * i));
      labels[i] = (byte) (i % 10);
    }
    byte[] images = idx(0x803, new int[] {n, 3, 2}, px);
    byte[] lab = idx(0x801, new int[] {n}, labels);
    String ext = gz ? ".gz" : "";
    Files.write(dir.resolve(prefix + "-images-idx3-ubyte" + ext), gz ? gzip(images) : images);
    Files.write(dir.resolve(prefix + "-labels-idx1-ubyte" + ext), gz ? gzip(lab) : lab);
  }

  @Test
  void readsPlainAndGzipFilesOfBothSplits() throws IOException {
    writeSplit("train", 12, false);
    writeSplit("t10k", 4, true);
    Mnist m = Mnist.open(dir);
    assertThat(m.train().size()).isEqualTo(12);
    assertThat(m.test().size()).isEqualTo(4);
    assertThat(new int[] {m.train().channels(), m.train().rows(), m.train().cols()})
        .containsExactly(1, 3, 2);
    assertThat(m.train().label(11)).isEqualTo(1);
    assertThat(m.train().image(11)).containsOnly(110 / 255f);
    assertThat(m.test().image(3)).containsOnly(30 / 255f);
    IdxFile raw = IdxFile.read(dir.resolve("t10k-images-idx3-ubyte.gz"));
    assertThat(raw.dims()).containsExactly(4, 3, 2);
  }

  @Test
  void malformedFilesFailWithOneMessageNamingTheFileAndTheProblem() throws IOException {
    assertThatThrownBy(() -> Mnist.open(dir.resolve("nope")))
        .isInstanceOf(DatasetException.class).hasMessageContaining("is not a folder");
    writeSplit("train", 3, false);
    assertThatThrownBy(() -> Mnist.open(dir))
        .hasMessageContaining("no t10k-images-idx3-ubyte (nor t10k-images-idx3-ubyte.gz)");
    writeSplit("t10k", 3, false);
    assertThat(Mnist.open(dir).test().size()).isEqualTo(3);

    Path f = dir.resolve("t10k-labels-idx1-ubyte");
    Files.write(f, idx(0x08030000, new int[] {3}, new byte[3])); // wrong magic
    assertThatThrownBy(() -> Mnist.open(dir)).hasMessageContaining("magic number 0x08030000")
        .hasMessageContaining("t10k-labels-idx1-ubyte");
    Files.write(f, idx(0x801, new int[] {3}, new byte[2])); // truncated
    assertThatThrownBy(() -> Mnist.open(dir)).hasMessageContaining("truncated: 2 of 3");
    Files.write(f, idx(0x801, new int[] {2}, new byte[2])); // count mismatch
    assertThatThrownBy(() -> Mnist.open(dir)).hasMessageContaining("3 images but 2 labels");
    Files.write(f, idx(0x801, new int[] {3}, new byte[] {1, 12, 3})); // label out of range
    assertThatThrownBy(() -> Mnist.open(dir)).hasMessageContaining("the label 12");
    Files.write(f, new byte[] {0, 0});
    assertThatThrownBy(() -> Mnist.open(dir)).hasMessageContaining("shorter than an IDX header");
    Files.write(f, new byte[] {0, 0, 8, 1, 0});
    assertThatThrownBy(() -> Mnist.open(dir)).hasMessageContaining("ends inside its header");
    byte[] good = idx(0x801, new int[] {3}, new byte[3]);
    Files.write(f, java.util.Arrays.copyOf(gzip(good), 12)); // a cut gzip stream
    assertThatThrownBy(() -> Mnist.open(dir)).isInstanceOf(DatasetException.class)
        .hasMessageContaining("t10k-labels-idx1-ubyte");
  }
}
