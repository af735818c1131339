package ai.craik.env;

import ai.craik.config.Checks;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders Two Rooms observations: 2 channels of uint8, R × R, row = y and column = x.
 *
 * <ul>
 *   <li>channel 0, the dot: a Gaussian blob 255 · exp(−d² / 2σ²) around the continuous position,
 *       σ = 1.3 px of the 65 frame (scaled with the resolution), written only where it is non-zero
 *       (within 4σ);
 *   <li>channel 1, the walls: 255 on the border lines 4 and 60 and on the middle wall outside the
 *       door. At a resolution R other than 65, world coordinates scale by s = (R − 1) / 64 and a pixel
 *       is wall when its footprint overlaps a wall, so thin walls never vanish.
 * </ul>
 *
 * <p>The wall channel depends only on the layout and is computed once per layout and reused.
 * Instances are thread-safe.
 */
public final class TwoRoomsRenderer {
  /** Default blob width in pixels of the 65 frame. */
  public static final double DEFAULT_SIGMA = 1.3;

  private final int size;
  private final double scale;
  private final double sigmaPx;
  private final int radius;
  private final ConcurrentHashMap<Layout, byte[]> walls = new ConcurrentHashMap<>();

  /**
   * @param size the image side R (at least 16)
   * @param sigma the blob's standard deviation in pixels of the 65 frame
   */
  public TwoRoomsRenderer(int size, double sigma) {
    Checks.arg(size >= 16 && size <= 1024, "image size %s must be in 16..1024", size);
    Checks.arg(sigma > 0, "dot sigma %s must be > 0", sigma);
    this.size = size;
    this.scale = (size - 1) / 64.0;
    this.sigmaPx = sigma * scale;
    this.radius = (int) Math.ceil(4 * sigmaPx);
  }

  /** The image side R. */
  public int size() {
    return size;
  }

  /** Bytes of one observation: 2 · R · R. */
  public int frameBytes() {
    return 2 * size * size;
  }

  /** Pixels per world unit, (R − 1) / 64. */
  public double scale() {
    return scale;
  }

  /** The blob's σ in pixels of this resolution. */
  public double sigmaPixels() {
    return sigmaPx;
  }

  /** Renders the observation of a dot at world position (x, y) into {@code out[offset ...]}. */
  public void render(Layout layout, double x, double y, byte[] out, int offset) {
    compose(x, y, wallChannel(layout), 0, out, offset);
  }

  /** A new observation array [2, R, R] of a dot at world position (x, y). */
  public byte[] render(Layout layout, double x, double y) {
    byte[] out = new byte[frameBytes()];
    render(layout, x, y, out, 0);
    return out;
  }

  /**
   * A new frame [2, R, R] of the dot at world position (x, y) over the walls of {@code observation}
   * [2, R, R]: the dot plane is drawn as {@link #render} draws it, the wall plane is the
   * observation's own, byte for byte. The dot imagined elsewhere in what was seen; no layout read.
   */
  public byte[] withDotAt(byte[] observation, double x, double y) {
    Checks.arg(observation != null && observation.length == frameBytes(), "observation of %s"
        + " bytes is not a [2, %s, %s] frame of %s bytes; pass a frame of this renderer's size",
        observation == null ? null : observation.length, size, size, frameBytes());
    byte[] out = new byte[frameBytes()];
    compose(x, y, observation, size * size, out, 0);
    return out;
  }

  /** The blob at (x, y) into a zeroed dot plane at {@code offset}, then the wall plane copied. */
  private void compose(double x, double y, byte[] walls, int wallsOffset, byte[] out,
      int offset) {
    int plane = size * size;
    Arrays.fill(out, offset, offset + plane, (byte) 0);
    drawBlob(x, y, out, offset);
    System.arraycopy(walls, wallsOffset, out, offset + plane, plane);
  }

  /** Draws only the blob into a zeroed dot plane {@code out[offset ... offset + R²)}. */
  void drawBlob(double x, double y, byte[] out, int offset) {
    forEachBlobPixel(x, y, (index, value) -> out[offset + index] = (byte) value);
  }

  /**
   * Draws the blob as floats for batches: at every pixel where the uint8 blob value u that
   * {@link #render} writes is non-zero, stores {@code gain · u + bias} at
   * {@code out[offset + row · R + column]}; every other pixel is left as it is (fill the plane with
   * {@code bias} first). Same pixels and values as the uint8 frame, so a float frame is exactly
   * {@code gain · uint8 + bias} (gain 1/255 and bias 0 give [0, 1]).
   */
  public void drawBlob(double x, double y, float[] out, int offset, float gain, float bias) {
    forEachBlobPixel(x, y, (index, value) -> out[offset + index] = gain * value + bias);
  }

  /** Receives one non-zero blob pixel: its index row · R + column in the plane and its uint8 value. */
  @FunctionalInterface
  private interface BlobPixel {
    void put(int index, int value);
  }

  /**
   * Visits every pixel within 4σ of the dot at world (x, y) whose value round(255 exp(−d²/2σ²)) is
   * non-zero; the one definition of the blob for the uint8 and the float frames.
   */
  private void forEachBlobPixel(double x, double y, BlobPixel sink) {
    double cx = x * scale;
    double cy = y * scale;
    int c0 = Math.max(0, (int) Math.floor(cx) - radius);
    int c1 = Math.min(size - 1, (int) Math.ceil(cx) + radius);
    int r0 = Math.max(0, (int) Math.floor(cy) - radius);
    int r1 = Math.min(size - 1, (int) Math.ceil(cy) + radius);
    double inv = 1.0 / (2 * sigmaPx * sigmaPx);
    for (int r = r0; r <= r1; r++) {
      double dy2 = (r - cy) * (r - cy);
      for (int c = c0; c <= c1; c++) {
        double d2 = (c - cx) * (c - cx) + dy2;
        int v = (int) Math.round(255.0 * StrictMath.exp(-d2 * inv));
        if (v > 0) {
          sink.put(r * size + c, v);
        }
      }
    }
  }


  /** The wall plane [R, R] of a layout (cached; do not modify). */
  public byte[] wallChannel(Layout layout) {
    return walls.computeIfAbsent(layout, this::drawWalls);
  }

  private byte[] drawWalls(Layout l) {
    byte[] plane = new byte[size * size];
    for (int r = 0; r < size; r++) {
      double y0 = (r - 0.5) / scale;
      double y1 = (r + 0.5) / scale;
      for (int c = 0; c < size; c++) {
        double x0 = (c - 0.5) / scale;
        double x1 = (c + 0.5) / scale;
        if (isWall(l, x0, x1, y0, y1)) {
          plane[r * size + c] = (byte) 255;
        }
      }
    }
    return plane;
  }

  /** True when the pixel footprint [x0, x1] × [y0, y1] overlaps a wall (open overlap). */
  private static boolean isWall(Layout l, double x0, double x1, double y0, double y1) {
    double lo = TwoRoomsGeometry.LOW;
    double hi = TwoRoomsGeometry.HIGH;
    boolean inArenaX = x1 > lo - 1 && x0 < hi + 1;
    boolean inArenaY = y1 > lo - 1 && y0 < hi + 1;
    boolean borderX = inArenaY && (overlaps(x0, x1, lo - 1, lo) || overlaps(x0, x1, hi, hi + 1));
    boolean borderY = inArenaX && (overlaps(y0, y1, lo - 1, lo) || overlaps(y0, y1, hi, hi + 1));
    boolean middle = inArenaY
        && overlaps(x0, x1, l.wallX() - TwoRoomsGeometry.WALL_HALF,
            l.wallX() + TwoRoomsGeometry.WALL_HALF)
        && !(y0 >= l.doorY() - TwoRoomsGeometry.DOOR_HALF
            && y1 <= l.doorY() + TwoRoomsGeometry.DOOR_HALF);
    return borderX || borderY || middle;
  }

  private static boolean overlaps(double a0, double a1, double b0, double b1) {
    return a0 < b1 && a1 > b0;
  }
}
