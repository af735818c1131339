package ai.craik.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  @TempDir Path dir;

  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  private static NDList sample(NDManager m) {
    NDArray w = m.create(new float[] {1.5f, -2f, 3.25f});
    w.setName("w");
    NDArray n = m.create(new long[] {7});
    n.setName("count");
    return new NDList(w, n);
  }

  @Test
  void roundTripKeepsStepMetaNamesAndValues() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      Path file = dir.resolve("a.ckpt");
      new Checkpoint(42, Map.of("phase", "train"), sample(m)).write(file);
      Checkpoint back = Checkpoint.read(file, m);
      assertThat(back.step()).isEqualTo(42);
      assertThat(back.meta()).containsEntry("phase", "train");
      assertThat(back.arrays().get(0).getName()).isEqualTo("w");
      assertThat(back.arrays().get(0).toFloatArray()).containsExactly(1.5f, -2f, 3.25f);
      assertThat(back.arrays().get(1).toLongArray()).containsExactly(7L);
      try (var s = Files.list(dir)) {
        assertThat(s.map(p -> p.getFileName().toString())).containsExactly("a.ckpt");
      }
    }
  }

  @Test
  void corruptByteGivesChecksumErrorNamingTheFile() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      Path file = dir.resolve("b.ckpt");
      new Checkpoint(1, Map.of(), sample(m)).write(file);
      byte[] bytes = Files.readAllBytes(file);
      bytes[bytes.length - 3] ^= 0x5a;
      Files.write(file, bytes);
      assertThatThrownBy(() -> Checkpoint.read(file, m))
          .isInstanceOf(CheckpointException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("corrupt (checksum mismatch)")
          .hasMessageContaining("--force");
    }
  }

  @Test
  void truncatedFileIsReportedWithBothSizes() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      Path file = dir.resolve("c.ckpt");
      new Checkpoint(1, Map.of(), sample(m)).write(file);
      byte[] bytes = Files.readAllBytes(file);
      Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));
      assertThatThrownBy(() -> Checkpoint.read(file, m))
          .isInstanceOf(CheckpointException.class)
          .hasMessageContaining("is truncated: expected " + bytes.length + " bytes, found "
              + (bytes.length - 10));
      Files.write(file, Arrays.copyOf(bytes, 12));
      assertThatThrownBy(() -> Checkpoint.read(file, m)).hasMessageContaining("truncated?");
    }
  }

  @Test
  void unknownVersionAndForeignFilesAreRefused() throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      Path file = dir.resolve("d.ckpt");
      new Checkpoint(1, Map.of(), sample(m)).write(file);
      byte[] bytes = Files.readAllBytes(file);
      bytes[11] = 9; // low byte of the version int after the 8-byte magic
      Files.write(file, bytes);
      assertThatThrownBy(() -> Checkpoint.read(file, m))
          .hasMessageContaining("format version 9; this Craik reads versions 1..1");
      Path foreign = dir.resolve("e.ckpt");
      Files.writeString(foreign, "hello, this is not a checkpoint at all, not even close......");
      assertThatThrownBy(() -> Checkpoint.read(foreign, m))
          .hasMessageContaining("is not a Craik checkpoint");
    }
  }
}
