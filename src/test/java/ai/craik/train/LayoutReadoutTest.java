package ai.craik.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.engine.Engines;
import ai.craik.engine.HostRandom;
import ai.craik.env.Layout;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LayoutReadoutTest {
  static final int N = 1024;
  static final int D = 32;

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  /**
   * Latents [N, D]: a fixed random tanh layer of the dot's position, the wall column and (when
   * {@code withDoor}) the door row, all scaled to about [-1, 1]; targets (wall_x, door_y).
   */
  static float[][] toy(boolean withDoor, SplittableRandom rng) {
    float[] mix = HostRandom.normal(new SplittableRandom(7), 4 * D);
    float[] z = new float[N * D];
    float[] targets = new float[2 * N];
    for (int i = 0; i < N; i++) {
      Layout l = Layout.random(rng);
      double[] in = {(l.wallX() - 32) / 12.0, withDoor ? (l.doorY() - 32) / 22.0 : 0,
          rng.nextDouble() * 2 - 1, rng.nextDouble() * 2 - 1};
      for (int j = 0; j < D; j++) {
        double a = 0;
        for (int k = 0; k < 4; k++) {
          a += mix[k * D + j] * in[k];
        }
        z[i * D + j] = (float) Math.tanh(a);
      }
      targets[2 * i] = l.wallX();
      targets[2 * i + 1] = l.doorY();
    }
    return new float[][] {z, targets};
  }

  static LayoutReadout readout(boolean withDoor) {
    float[][] data = toy(withDoor, new SplittableRandom(3));
    try (NDManager m = NDManager.newBaseManager()) {
      return LayoutReadout.fit(m.create(data[0], new Shape(N, D)), data[1], N * 3 / 4,
          new SplittableRandom(5));
    }
  }

  @Test
  void readsTheDoorFromLatentsThatCarryIt() {
    LayoutReadout r = readout(true);
    assertThat(r.doorYStdPx()).isBetween(10.0, 15.0); // door rows 10..54: std 12.7
    assertThat(r.wallXStdPx()).isBetween(5.5, 9.0); // wall columns 20..44: std 7.2
    assertThat(r.doorYPx()).isLessThan(3.0);
    assertThat(r.wallXPx()).isLessThan(2.0);
    assertThat(r.layouts()).isEqualTo(N);
  }

  @Test
  void readsTheDoorNoBetterThanItsMeanFromLatentsWithoutIt() {
    LayoutReadout r = readout(false);
    assertThat(r.doorYPx()).isGreaterThan(0.9 * r.doorYStdPx());
    assertThat(r.doorYPx()).isLessThan(1.15 * r.doorYStdPx()); // fitted noise, not a worse guess
    assertThat(r.wallXPx()).isLessThan(2.0); // the wall is still there
  }

  @Test
  void refusesTooFewRowsToTest() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> LayoutReadout.fit(m.zeros(new Shape(10, 4)), new float[20], 9,
          new SplittableRandom(1))).hasMessageContaining("at least 2 rows to fit and 2 to test");
      assertThatThrownBy(() -> LayoutReadout.fit(m.zeros(new Shape(10, 4)), new float[8], 5,
          new SplittableRandom(1))).hasMessageContaining("2 N targets");
    }
  }
}
