package ai.craik.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.craik.engine.Engines;
import ai.craik.env.CollisionPolicy;
import ai.craik.env.ExplorationConfig;
import ai.craik.env.Layout;
import ai.craik.env.Trajectory;
import ai.craik.env.TwoRoomsDynamics;
import ai.craik.env.TwoRoomsRenderer;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchSourceTest {
  @TempDir static Path tmp;
  static TwoRoomsDataset data;

  @BeforeAll
  static void writeDataset() {
    Engines.start(1, 0);
    TestData.write(TestData.small(21, 0), tmp.resolve("d"), 2);
    data = TwoRoomsDataset.open(tmp.resolve("d"));
  }

  /** The same checks for any source: sizes, layouts and frames that are the renderer's. */
  private static void checkBatch(BatchSource source, WindowBatch b) {
    BatchSpec spec = source.spec();
    int l = spec.window();
    int r = spec.imageSize();
    assertThat(b.observations()).hasSize(spec.batchSize() * l * 2 * r * r);
    assertThat(b.actions()).hasSize(spec.batchSize() * (l - 1) * 2);
    assertThat(b.positions()).hasSize(spec.batchSize() * l * 2);
    TwoRoomsRenderer renderer = new TwoRoomsRenderer(r, spec.sigma());
    ObservationScaling s = spec.scaling();
    for (int i = 0; i < spec.batchSize(); i++) {
      Layout layout = new Layout(b.wallX()[i], b.doorY()[i]);
      for (int f = 0; f < l; f++) {
        float x = b.positions()[2 * (i * l + f)];
        float y = b.positions()[2 * (i * l + f) + 1];
        byte[] u = renderer.render(layout, x, y);
        int off = (i * l + f) * u.length;
        for (int p = 0; p < u.length; p++) {
          int c = p < r * r ? 0 : 1;
          float expected = s.gain(c) * (u[p] & 0xff) + s.bias(c);
          if (b.observations()[off + p] != expected) {
            throw new AssertionError("window " + i + " frame " + f + " pixel " + p + ": "
                + b.observations()[off + p] + " != " + expected);
          }
        }
      }
    }
  }

  @Test
  void shardWindowsAreTheStoredTrajectoriesAndTheirRenderedFrames() {
    BatchSpec spec = BatchSpec.of(6, 4).withImageSize(32);
    try (BatchSource source = new ShardBatchSource(data, spec, 2, 1, 2)) {
      WindowBatch b = source.next(new SplittableRandom(1));
      checkBatch(source, b);
      for (int i = 0; i < 6; i++) {
        Trajectory t = data.trajectory(b.trajectory()[i]);
        int s = b.start()[i];
        assertThat(s).isBetween(0, 7 - 4);
        assertThat(new Layout(b.wallX()[i], b.doorY()[i])).isEqualTo(t.layout());
        for (int k = 0; k < 2 * 4; k++) {
          assertThat(b.positions()[i * 8 + k]).isEqualTo(t.positions()[2 * s + k]);
        }
        for (int k = 0; k < 2 * 3; k++) {
          assertThat(b.actions()[i * 6 + k]).isEqualTo(t.actions()[2 * s + k]);
        }
      }
      // Pixel values in [0, 1]: the blob's peak and the walls reach 1.
      float max = 0;
      for (float v : b.observations()) {
        max = Math.max(max, v);
      }
      assertThat(max).isEqualTo(1f);
    }
  }

  @Test
  void standardizedFramesAndNormalizedActionsFollowTheSpec() {
    BatchSpec unit = BatchSpec.of(8, 3);
    WindowBatch u;
    try (BatchSource source = new ShardBatchSource(data, unit, 3, 1, 1)) {
      u = source.next(new SplittableRandom(2));
    }
    ObservationScaling std = ObservationScaling.estimate(u.observations(), 65);
    assertThat(std.wallMean()).isBetween(0.05, 0.2);
    BatchSpec spec = unit.withScaling(std).withNormalizedActions(true);
    try (BatchSource source = new ShardBatchSource(data, spec, 3, 1, 2)) {
      WindowBatch b = source.next(new SplittableRandom(2));
      checkBatch(source, b);
      assertThat(b.trajectory()).containsExactly(u.trajectory());
      for (int k = 0; k < b.actions().length; k++) {
        assertThat(b.actions()[k]).isCloseTo((float) (u.actions()[k] / 2.45), within(1e-6f));
      }
      ObservationScaling again = ObservationScaling.estimate(b.observations(), 65);
      // Standardized with its own statistics: per-channel mean 0 and std 1 over u's frames.
      double mean = 0;
      for (int i = 0; i < b.observations().length; i += 2 * 65 * 65) {
        for (int p = 65 * 65; p < 2 * 65 * 65; p++) {
          mean += b.observations()[i + p];
        }
      }
      assertThat(mean / (b.observations().length / 2.0)).isCloseTo(0.0, within(1e-4));
      assertThat(again.dotMean()).isLessThan(0.5);
    }
  }

  @Test
  void generatedWindowsReplayUnderStopAndDoNotDependOnThreads() {
    BatchSpec spec = BatchSpec.of(5, 6).withImageSize(32);
    WindowBatch one;
    WindowBatch two;
    try (BatchSource a = new GeneratedBatchSource(spec, ExplorationConfig.defaults(), 2.45, 20,
        true, 1); BatchSource b = GeneratedBatchSource.like(
            DatasetSpec.of(1, 20, "random", 0, 1, 0), spec, 3)) {
      one = a.next(new SplittableRandom(4));
      two = b.next(new SplittableRandom(4));
      checkBatch(a, one);
    }
    assertThat(two.observations()).containsExactly(one.observations());
    assertThat(two.positions()).containsExactly(one.positions());
    assertThat(one.trajectory()).containsOnly(-1L);
    TwoRoomsDynamics stop = new TwoRoomsDynamics(2.45, CollisionPolicy.STOP, 0);
    Set<Layout> layouts = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      Layout l = new Layout(one.wallX()[i], one.doorY()[i]);
      layouts.add(l);
      for (int t = 0; t < 5; t++) {
        int p = 2 * (i * 6 + t);
        double[] pos = {one.positions()[p], one.positions()[p + 1]};
        stop.apply(l, pos, one.actions()[2 * (i * 5 + t)], one.actions()[2 * (i * 5 + t) + 1],
            null);
        assertThat(pos[0]).isCloseTo(one.positions()[p + 2], within(1e-4));
        assertThat(pos[1]).isCloseTo(one.positions()[p + 3], within(1e-4));
      }
    }
    assertThat(layouts.size()).as("random layouts per window").isGreaterThan(1);
  }

  @Test
  void shardSourceRotatesThroughEveryShardAndSeeksToAPosition() {
    BatchSpec spec = BatchSpec.of(2, 2).withImageSize(16);
    Set<Integer> shardsSeen = new HashSet<>();
    WindowBatch atSix;
    try (ShardBatchSource source = new ShardBatchSource(data, spec, 1, 5, 1)) {
      for (int step = 0; step < 12; step++) {
        WindowBatch b = source.next(new SplittableRandom(step));
        // One resident shard of 4 at 2 windows per batch: 2 batches per visit.
        long shard = b.trajectory()[0] / 4;
        assertThat(b.trajectory()[1] / 4).isEqualTo(shard);
        shardsSeen.add((int) shard);
        if (step == 6) {
          atSix = b;
          assertThat(source.position()).isEqualTo(7);
        }
      }
      assertThat(shardsSeen).containsExactlyInAnyOrder(0, 1, 2);
      assertThat(source.shardLoads()).isEqualTo(6);
    }
    try (ShardBatchSource resumed = new ShardBatchSource(data, spec, 1, 5, 2)) {
      resumed.seek(6);
      WindowBatch b = resumed.next(new SplittableRandom(6));
      try (ShardBatchSource again = new ShardBatchSource(data, spec, 1, 5, 1)) {
        for (int step = 0; step < 6; step++) {
          again.next(new SplittableRandom(step));
        }
        assertThat(again.next(new SplittableRandom(6)).trajectory()).containsExactly(
            b.trajectory());
      }
    }
  }

  @Test
  void tensorsHaveTheBatchShapesAndValues() {
    BatchSpec spec = BatchSpec.of(3, 4).withImageSize(16);
    try (BatchSource source = new ShardBatchSource(data, spec, 2, 1, 1);
        NDManager manager = NDManager.newBaseManager()) {
      WindowBatch b = source.next(new SplittableRandom(8));
      WindowBatch.Tensors t = b.toNDArrays(manager);
      assertThat(t.observations().getShape().getShape()).containsExactly(3, 4, 2, 16, 16);
      assertThat(t.actions().getShape().getShape()).containsExactly(3, 3, 2);
      assertThat(t.positions().getShape().getShape()).containsExactly(3, 4, 2);
      assertThat(t.observations().toFloatArray()).containsExactly(b.observations());
      try (BatchTensors reused = BatchTensors.allocate(spec, manager)) {
        reused.copyFrom(b);
        assertThat(reused.observations().toFloatArray()).containsExactly(b.observations());
        assertThat(reused.actions().toFloatArray()).containsExactly(b.actions());
        assertThat(reused.positions().toFloatArray()).containsExactly(b.positions());
        float[] first = b.positions().clone();
        WindowBatch next = source.next(new SplittableRandom(9), b);
        assertThat(next).isSameAs(b);
        assertThat(reused.positions().toFloatArray()).as("the tensors own their memory")
            .containsExactly(first);
        reused.copyFrom(next);
        assertThat(reused.positions().toFloatArray()).containsExactly(next.positions());
      }
    }
  }

  @Test
  void badWindowsAndBatchesAreRejectedWithTheFix() {
    assertThatThrownBy(() -> new ShardBatchSource(data, BatchSpec.of(2, 9), 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window of 9 frames is longer than the dataset's trajectories (7"
            + " frames)");
    try (BatchSource s = new ShardBatchSource(data, BatchSpec.of(2, 3), 1, 0, 1)) {
      assertThatThrownBy(() -> s.next(new SplittableRandom(0),
          WindowBatch.allocate(BatchSpec.of(3, 3)))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("does not fit");
    }
  }
}
