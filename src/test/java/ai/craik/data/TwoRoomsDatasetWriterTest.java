package ai.craik.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.engine.RandomStreams;
import ai.craik.env.ExplorationConfig;
import ai.craik.env.Layout;
import ai.craik.env.Trajectory;
import ai.craik.env.TrajectoryGenerator;
import ai.craik.env.TwoRoomsRenderer;
import ai.craik.run.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoRoomsDatasetWriterTest {
  @TempDir Path tmp;

  @Test
  void shardsAreNpzWithValidNumpyHeadersDtypesAndShapes() throws Exception {
    DatasetSpec spec = TestData.small(3, 0);
    TwoRoomsDatasetWriter.Result r = TestData.write(spec, tmp.resolve("d"), 2);
    assertThat(r.shardsWritten()).isEqualTo(3);
    assertThat(r.trajectoriesWritten()).isEqualTo(10);
    Map<String, TestData.RawArray> a = TestData.readNpz(tmp.resolve("d/shard-00002.npz"));
    assertThat(a.keySet()).containsExactly("actions.npy", "positions.npy", "wall_x.npy",
        "door_y.npy", "through_door.npy");
    check(a.get("actions.npy"), "<f4", 2, 6, 2);
    check(a.get("positions.npy"), "<f4", 2, 7, 2);
    check(a.get("wall_x.npy"), "<i4", 2);
    check(a.get("door_y.npy"), "<i4", 2);
    check(a.get("through_door.npy"), "|u1", 2);
    assertThat(tmp.resolve("d/shard-00000.npz")).exists();
    assertThat(tmp.resolve("d/" + DatasetManifest.FILE)).exists();
    assertThat(tmp.resolve("d/" + DatasetManifest.PROGRESS)).doesNotExist();
    try (var files = Files.list(tmp.resolve("d"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "dataset.json", "shard-00000.npz", "shard-00001.npz", "shard-00002.npz");
    }
  }

  private static void check(TestData.RawArray a, String descr, long... shape) {
    assertThat(a.descr()).isEqualTo(descr);
    assertThat(a.fortranOrder()).isFalse();
    assertThat(a.shape()).containsExactly(shape);
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    assertThat((long) a.data().length).isEqualTo(n * (descr.equals("|u1") ? 1 : 4));
  }

  @Test
  void trajectoriesRoundTripThroughTheReader() {
    DatasetSpec spec = TestData.small(5, 0);
    TestData.write(spec, tmp.resolve("d"), 1);
    TwoRoomsDataset ds = TwoRoomsDataset.open(tmp.resolve("d"));
    assertThat(ds.size()).isEqualTo(10);
    assertThat(ds.spec()).isEqualTo(spec);
    TrajectoryGenerator gen = new TrajectoryGenerator(ExplorationConfig.defaults(), 2.45);
    RandomStreams streams = new RandomStreams(5);
    for (long i = 0; i < 10; i++) {
      SplittableRandom rng = streams.stream("trajectory", i);
      Layout layout = Layout.random(rng);
      Trajectory expected = gen.generate(layout, 6, rng);
      Trajectory read = ds.trajectory(i);
      assertThat(read.layout()).isEqualTo(layout);
      assertThat(read.actions()).containsExactly(expected.actions());
      assertThat(read.positions()).containsExactly(expected.positions());
      assertThat(read.throughDoor()).isEqualTo(expected.throughDoor());
    }
  }

  @Test
  void sameSeedGivesIdenticalShardsWhateverTheThreadCount() throws Exception {
    DatasetSpec spec = TestData.small(9, 0);
    TestData.write(spec, tmp.resolve("one"), 1);
    TestData.write(spec, tmp.resolve("three"), 3);
    for (int k = 0; k < 3; k++) {
      String f = DatasetSpec.shardFile(k);
      assertThat(Files.readAllBytes(tmp.resolve("three").resolve(f)))
          .isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(f)));
    }
    TestData.write(TestData.small(10, 0), tmp.resolve("other"), 1);
    assertThat(Files.readAllBytes(tmp.resolve("other/shard-00000.npz")))
        .isNotEqualTo(Files.readAllBytes(tmp.resolve("one/shard-00000.npz")));
  }

  @Test
  void refusesToOverwriteAnotherDatasetWithoutForce() throws Exception {
    Path d = tmp.resolve("d");
    TestData.write(TestData.small(1, 0), d, 1);
    byte[] before = Files.readAllBytes(d.resolve("shard-00000.npz"));
    assertThatThrownBy(() -> TestData.write(TestData.small(2, 0), d, 1))
        .isInstanceOf(DatasetException.class)
        .hasMessage(d + " already holds a dataset made with other settings (seed: 1 -> 2); add"
            + " --force to overwrite it, or choose another --out");
    assertThat(Files.readAllBytes(d.resolve("shard-00000.npz"))).isEqualTo(before);
    new TwoRoomsDatasetWriter(TestData.small(2, 0), 1).write(d, true, ProgressListener.silent());
    assertThat(TwoRoomsDataset.open(d).spec().seed()).isEqualTo(2);

    Path foreign = tmp.resolve("foreign");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> new TwoRoomsDatasetWriter(TestData.small(1, 0), 1)
        .write(foreign, true, ProgressListener.silent()))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("is not empty and holds no Craik dataset (it has notes.txt)");
    assertThat(foreign.resolve("notes.txt")).exists();
  }

  @Test
  void resumeRegeneratesOnlyTheMissingShardWithIdenticalBytes() throws Exception {
    Path d = tmp.resolve("d");
    DatasetSpec spec = TestData.small(4, 0);
    TestData.write(spec, d, 2);
    byte[] shard1 = Files.readAllBytes(d.resolve("shard-00001.npz"));
    long mtime0 = Files.getLastModifiedTime(d.resolve("shard-00000.npz")).to(TimeUnit.NANOSECONDS);
    Files.delete(d.resolve("shard-00001.npz"));
    Thread.sleep(20);
    TwoRoomsDatasetWriter.Result r = TestData.write(spec, d, 1);
    assertThat(r.shardsKept()).isEqualTo(2);
    assertThat(r.shardsWritten()).isEqualTo(1);
    assertThat(r.trajectoriesWritten()).isEqualTo(4);
    assertThat(Files.readAllBytes(d.resolve("shard-00001.npz"))).isEqualTo(shard1);
    assertThat(Files.getLastModifiedTime(d.resolve("shard-00000.npz")).to(TimeUnit.NANOSECONDS))
        .isEqualTo(mtime0);
    TwoRoomsDataset.open(d).verify();
    TwoRoomsDatasetWriter.Result again = TestData.write(spec, d, 1);
    assertThat(again.shardsWritten()).isZero();
    assertThat(again.shardsKept()).isEqualTo(3);
  }

  @Test
  void anInterruptedGenerationResumesFromItsFinishedShards() throws Exception {
    Path d = tmp.resolve("d");
    DatasetSpec spec = TestData.small(6, 0);
    ProgressListener failing = new ProgressListener() {
      @Override
      public void start(String phase, long total, long start) {}

      @Override
      public void update(long step, String status) {
        throw new IllegalStateException("killed after the first shard");
      }

      @Override
      public void close() {}
    };
    assertThatThrownBy(() -> new TwoRoomsDatasetWriter(spec, 2).write(d, false, failing))
        .hasMessageContaining("killed");
    assertThat(d.resolve(DatasetManifest.PROGRESS)).exists();
    assertThat(d.resolve(DatasetManifest.FILE)).doesNotExist();
    assertThatThrownBy(() -> TwoRoomsDataset.open(d)).isInstanceOf(DatasetException.class)
        .hasMessageContaining("unfinished dataset");
    TwoRoomsDatasetWriter.Result r = TestData.write(spec, d, 2);
    assertThat(r.shardsKept()).isEqualTo(1);
    assertThat(r.shardsWritten()).isEqualTo(2);
    TestData.write(spec, tmp.resolve("fresh"), 1);
    for (int k = 0; k < 3; k++) {
      String f = DatasetSpec.shardFile(k);
      assertThat(Files.readAllBytes(d.resolve(f)))
          .isEqualTo(Files.readAllBytes(tmp.resolve("fresh").resolve(f)));
    }
    assertThat(d.resolve(DatasetManifest.PROGRESS)).doesNotExist();
  }

  @Test
  void aCorruptShardGivesAClearErrorNamingTheFileAndIsRegenerated() throws Exception {
    Path d = tmp.resolve("d");
    DatasetSpec spec = TestData.small(8, 0);
    TestData.write(spec, d, 1);
    Path shard = d.resolve("shard-00001.npz");
    byte[] bytes = Files.readAllBytes(shard);
    byte[] good = bytes.clone();
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(shard, bytes);
    TwoRoomsDataset ds = TwoRoomsDataset.open(d); // sizes match: checksums are checked lazily
    assertThat(ds.shard(0).count()).isEqualTo(4);
    assertThatThrownBy(() -> ds.shard(1)).isInstanceOf(DatasetException.class)
        .hasMessageStartingWith("shard " + shard + " is damaged: its SHA-256")
        .hasMessageContaining("rerun the same 'craik data two-rooms' command");
    assertThatThrownBy(ds::verify).isInstanceOf(DatasetException.class)
        .hasMessageContaining(shard.toString());
    Files.write(shard, java.util.Arrays.copyOf(good, good.length - 3));
    assertThatThrownBy(() -> TwoRoomsDataset.open(d)).isInstanceOf(DatasetException.class)
        .hasMessageContaining(shard.toString()).hasMessageContaining("bytes");
    TwoRoomsDatasetWriter.Result r = TestData.write(spec, d, 1);
    assertThat(r.shardsWritten()).isEqualTo(1);
    assertThat(Files.readAllBytes(shard)).isEqualTo(good);
  }

  @Test
  void storedObservationsAreTheRenderersFrames() throws Exception {
    DatasetSpec spec = TestData.small(12, 32);
    TestData.write(spec, tmp.resolve("d"), 2);
    Map<String, TestData.RawArray> a = TestData.readNpz(tmp.resolve("d/shard-00001.npz"));
    TestData.RawArray obs = a.get("observations.npy");
    check(obs, "|u1", 4, 7, 2, 32, 32);
    float[] p = a.get("positions.npy").floats();
    int[] wx = a.get("wall_x.npy").ints();
    int[] dy = a.get("door_y.npy").ints();
    TwoRoomsRenderer r = new TwoRoomsRenderer(32, 1.3);
    for (int j = 0; j < 4; j++) {
      for (int f = 0; f < 7; f++) {
        int i = 2 * (j * 7 + f);
        byte[] frame = r.render(new Layout(wx[j], dy[j]), p[i], p[i + 1]);
        int off = (j * 7 + f) * frame.length;
        assertThat(java.util.Arrays.copyOfRange(obs.data(), off, off + frame.length))
            .as("frame %s of trajectory %s", f, j).isEqualTo(frame);
      }
    }
    // The reader ignores stored observations but reads the rest of such shards.
    assertThat(TwoRoomsDataset.open(tmp.resolve("d")).shard(1).positions()).containsExactly(p);
  }

  @Test
  void numpyLoadsTheShardsWhenAvailable() throws Exception {
    Assumptions.assumeTrue(numpyAvailable(), "python3 with numpy is not installed");
    DatasetSpec spec = TestData.small(2, 16);
    TestData.write(spec, tmp.resolve("d"), 1);
    String script = "import numpy as np, sys\n"
        + "d = np.load(sys.argv[1])\n"
        + "print(' '.join(f'{k}:{d[k].dtype}:{list(d[k].shape)}' for k in d.files))\n"
        + "print(repr(float(d['positions'][1, 3, 0])))\n";
    Process p = new ProcessBuilder("python3", "-c", script,
        tmp.resolve("d/shard-00000.npz").toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).contains("actions:float32:[4, 6, 2]", "positions:float32:[4, 7, 2]",
        "wall_x:int32:[4]", "door_y:int32:[4]", "through_door:uint8:[4]",
        "observations:uint8:[4, 7, 2, 16, 16]");
    float x = TwoRoomsDataset.open(tmp.resolve("d")).trajectory(1).positions()[6];
    assertThat(Float.parseFloat(out.lines().toList().get(1).strip())).isEqualTo(x);
  }

  private static boolean numpyAvailable() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import numpy").start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
