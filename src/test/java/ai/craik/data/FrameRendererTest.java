package ai.craik.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsRenderer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrameRendererTest {

  @Test
  void floatFramesAreTheUint8FramesScaled() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int size : new int[] {65, 32}) {
      TwoRoomsRenderer bytes = new TwoRoomsRenderer(size, 1.3);
      ObservationScaling s = new ObservationScaling(0.01, 0.1, 0.12, 0.3);
      FrameRenderer floats = new FrameRenderer(bytes, s);
      float[] out = new float[floats.frameSize() + 5];
      for (int i = 0; i < 200; i++) {
        Layout l = Layout.random(rng);
        // Include positions at the arena's edges, where the blob is clipped by the image.
        double x = i % 10 == 0 ? 4.6 : 4.5 + 55 * rng.nextDouble();
        double y = i % 10 == 1 ? 59.4 : 4.5 + 55 * rng.nextDouble();
        byte[] u = bytes.render(l, x, y);
        java.util.Arrays.fill(out, 7f); // stale contents must be overwritten
        floats.render(l, x, y, out, 5);
        for (int p = 0; p < u.length; p++) {
          int c = p < size * size ? 0 : 1;
          assertThat(out[5 + p]).isEqualTo(s.gain(c) * (u[p] & 0xff) + s.bias(c));
        }
        assertThat(out[0]).isEqualTo(7f);
      }
    }
  }

  @Test
  void unitScalingMapsTo0And1() {
    ObservationScaling u = ObservationScaling.unit();
    assertThat(u.gain(0) * 255).isEqualTo(1f);
    assertThat(u.bias(1)).isZero();
  }
}
