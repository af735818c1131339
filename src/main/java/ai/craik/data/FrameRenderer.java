package ai.craik.data;

import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsRenderer;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders Two Rooms frames straight into float32 [2, R, R] buffers: exactly
 * {@code gain_c · u + bias_c} of the uint8 frame u that {@link TwoRoomsRenderer} draws (see
 * {@link ObservationScaling}). Per frame it fills the dot plane with its bias, writes the blob only
 * where it is non-zero, and copies the wall plane, which is converted once per layout and cached.
 * Thread-safe.
 */
public final class FrameRenderer {
  private final TwoRoomsRenderer renderer;
  private final ObservationScaling scaling;
  private final int plane;
  private final float dotGain;
  private final float dotBias;
  private final ConcurrentHashMap<Layout, float[]> walls = new ConcurrentHashMap<>();

  /** A float renderer over {@code renderer} with {@code scaling}. */
  public FrameRenderer(TwoRoomsRenderer renderer, ObservationScaling scaling) {
    this.renderer = renderer;
    this.scaling = scaling;
    this.plane = renderer.size() * renderer.size();
    this.dotGain = scaling.gain(0);
    this.dotBias = scaling.bias(0);
  }

  /** The uint8 renderer underneath. */
  public TwoRoomsRenderer renderer() {
    return renderer;
  }

  /** The scaling applied. */
  public ObservationScaling scaling() {
    return scaling;
  }

  /** Floats per frame, 2 · R · R. */
  public int frameSize() {
    return 2 * plane;
  }

  /** Renders the frame of a dot at world position (x, y) into {@code out[offset ...]}. */
  public void render(Layout layout, double x, double y, float[] out, int offset) {
    Arrays.fill(out, offset, offset + plane, dotBias);
    renderer.drawBlob(x, y, out, offset, dotGain, dotBias);
    System.arraycopy(wallPlane(layout), 0, out, offset + plane, plane);
  }

  /** The scaled wall plane [R, R] of a layout (cached; do not modify). */
  float[] wallPlane(Layout layout) {
    return walls.computeIfAbsent(layout, l -> {
      byte[] w = renderer.wallChannel(l);
      float gain = scaling.gain(1);
      float bias = scaling.bias(1);
      float[] out = new float[plane];
      for (int i = 0; i < plane; i++) {
        out[i] = gain * (w[i] & 0xff) + bias;
      }
      return out;
    });
  }
}
