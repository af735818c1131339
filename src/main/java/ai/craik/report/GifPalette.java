package ai.craik.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.util.Arrays;
import java.util.List;

/**
 * One palette shared by the frames of an animation, and the frames converted to it: up to 255
 * colours plus one transparent index that marks "unchanged since the previous frame". All colours
 * are kept when they fit. Otherwise the colours covering at least 1/2000 of the pixels (counted over
 * every frame; at most 128 of them) are kept exactly, the other colours are reduced to the
 * remaining entries by median cut, and every colour is drawn as its nearest palette entry (squared
 * RGB distance). Flat figures (backgrounds, walls, markers, text) thus keep their exact colours,
 * and smooth shades (a Gaussian blob at changing sub-pixel positions) keep their range. Converting
 * is fast, unlike the GIF writer's own per-frame quantizer, and frames sharing one palette do not
 * flicker.
 *
 * <p>With the previous frame given, pixels that did not change become transparent: drawn over the
 * previous frame (disposal "do not dispose"), the picture is the same, and the long runs of one
 * index compress to almost nothing.
 */
final class GifPalette {
  /** Opaque colours at most; the index after the last colour is transparent. */
  static final int MAX_COLORS = 255;
  /** At most this many colours are kept exactly when there are more than {@link #MAX_COLORS}. */
  static final int EXACT = 128;
  /** A colour is kept exactly when it covers at least 1/LARGE of all pixels. */
  private static final long LARGE = 2000;
  private final int[] colors; // 0xRRGGBB, most frequent first
  private final IndexColorModel model;
  private final IntIntMap index = new IntIntMap(1 << 12);

  private GifPalette(int[] colors) {
    this.colors = colors;
    int n = colors.length + 1; // the last entry is the transparent one
    byte[] r = new byte[n];
    byte[] g = new byte[n];
    byte[] b = new byte[n];
    for (int i = 0; i < colors.length; i++) {
      r[i] = (byte) (colors[i] >> 16);
      g[i] = (byte) (colors[i] >> 8);
      b[i] = (byte) colors[i];
      index.put(colors[i], i);
    }
    this.model = new IndexColorModel(8, n, r, g, b, transparentIndex());
  }

  /** The palette of {@code frames} (see the class comment). */
  static GifPalette of(List<BufferedImage> frames) {
    IntIntMap counts = new IntIntMap(1 << 12);
    for (BufferedImage f : frames) {
      int[] row = new int[f.getWidth()];
      for (int y = 0; y < f.getHeight(); y++) {
        f.getRGB(0, y, row.length, 1, row, 0, row.length);
        for (int p : row) {
          counts.add(p & 0xffffff, 1);
        }
      }
    }
    int[] keys = counts.keys();
    if (keys.length <= MAX_COLORS) {
      return new GifPalette(keys);
    }
    long total = 0;
    long[] packed = new long[keys.length]; // count in the high bits, colour in the low 24
    for (int i = 0; i < keys.length; i++) {
      long c = counts.get(keys[i]);
      packed[i] = (c << 24) | keys[i];
      total += c;
    }
    Arrays.sort(packed); // ascending: the most frequent colours are at the end
    int exact = 0;
    while (exact < EXACT && (packed[packed.length - 1 - exact] >>> 24) * LARGE >= total) {
      exact++;
    }
    int[] palette = new int[MAX_COLORS];
    for (int i = 0; i < exact; i++) {
      palette[i] = (int) (packed[packed.length - 1 - i] & 0xffffff);
    }
    int rest = packed.length - exact;
    int[] rgb = new int[rest];
    long[] weight = new long[rest];
    for (int i = 0; i < rest; i++) {
      rgb[i] = (int) (packed[i] & 0xffffff);
      weight[i] = packed[i] >>> 24;
    }
    int[] cut = medianCut(rgb, weight, MAX_COLORS - exact);
    System.arraycopy(cut, 0, palette, exact, cut.length);
    return new GifPalette(Arrays.copyOf(palette, exact + cut.length));
  }

  /**
   * Median cut (Heckbert, "Color image quantization for frame buffer display", SIGGRAPH 1982):
   * starting from one box holding every colour, the box with the widest channel range is split at
   * the count-weighted median of that channel, until there are {@code boxes} boxes or none can be
   * split; each box gives its count-weighted mean colour.
   */
  private static int[] medianCut(int[] rgb, long[] weight, int boxes) {
    int n = rgb.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    List<int[]> cuts = new java.util.ArrayList<>(); // [start, end) ranges of order
    cuts.add(new int[] {0, n});
    while (cuts.size() < boxes) {
      int best = -1;
      int bestRange = 0;
      int bestShift = 0;
      for (int b = 0; b < cuts.size(); b++) {
        int[] box = cuts.get(b);
        for (int shift = 16; shift >= 0; shift -= 8) {
          int range = range(rgb, order, box[0], box[1], shift);
          if (range > bestRange) {
            bestRange = range;
            best = b;
            bestShift = shift;
          }
        }
      }
      if (best < 0) {
        break; // every box holds one colour
      }
      int[] box = cuts.get(best);
      int start = box[0];
      int end = box[1];
      long[] keyed = new long[end - start];
      for (int i = start; i < end; i++) {
        keyed[i - start] = ((long) ((rgb[order[i]] >> bestShift) & 0xff) << 32) | order[i];
      }
      Arrays.sort(keyed);
      long half = 0;
      for (int i = start; i < end; i++) {
        order[i] = (int) keyed[i - start];
        half += weight[order[i]];
      }
      half /= 2;
      long acc = 0;
      int split = start + 1;
      for (int i = start; i < end - 1; i++) {
        acc += weight[order[i]];
        split = i + 1;
        if (acc >= half) {
          break;
        }
      }
      cuts.set(best, new int[] {start, split});
      cuts.add(new int[] {split, end});
    }
    int[] out = new int[cuts.size()];
    for (int b = 0; b < cuts.size(); b++) {
      double w = 0;
      double r = 0;
      double g = 0;
      double bl = 0;
      for (int i = cuts.get(b)[0]; i < cuts.get(b)[1]; i++) {
        int c = rgb[order[i]];
        long k = weight[order[i]];
        w += k;
        r += k * ((c >> 16) & 0xff);
        g += k * ((c >> 8) & 0xff);
        bl += k * (c & 0xff);
      }
      out[b] = (int) Math.round(r / w) << 16 | (int) Math.round(g / w) << 8
          | (int) Math.round(bl / w);
    }
    return out;
  }

  /** Max − min of one channel (bit shift 16, 8, 0) over order[start, end). */
  private static int range(int[] rgb, int[] order, int start, int end, int shift) {
    int lo = 255;
    int hi = 0;
    for (int i = start; i < end; i++) {
      int v = (rgb[order[i]] >> shift) & 0xff;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return hi - lo;
  }

  /** Number of opaque palette colours. */
  int size() {
    return colors.length;
  }

  /** The index that marks an unchanged pixel. */
  int transparentIndex() {
    return colors.length;
  }

  /**
   * {@code frame} as an indexed image in this palette; with {@code previous} (the palette image of
   * the frame before, fully resolved), unchanged pixels get the transparent index.
   *
   * @param resolved receives the frame's own indices (no transparency), for the next call
   */
  BufferedImage convert(BufferedImage frame, byte[] previous, byte[] resolved) {
    int w = frame.getWidth();
    int h = frame.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
    byte[] pixels = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      frame.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int k = y * w + x;
        byte idx = (byte) indexOf(row[x] & 0xffffff);
        resolved[k] = idx;
        pixels[k] = previous != null && previous[k] == idx ? (byte) transparentIndex() : idx;
      }
    }
    return out;
  }

  private int indexOf(int rgb) {
    int i = index.get(rgb);
    if (i >= 0) {
      return i;
    }
    int best = 0;
    long bestD = Long.MAX_VALUE;
    for (int k = 0; k < colors.length; k++) {
      int dr = ((rgb >> 16) & 0xff) - ((colors[k] >> 16) & 0xff);
      int dg = ((rgb >> 8) & 0xff) - ((colors[k] >> 8) & 0xff);
      int db = (rgb & 0xff) - (colors[k] & 0xff);
      long d = (long) dr * dr + (long) dg * dg + (long) db * db;
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    index.put(rgb, best);
    return best;
  }

  /** An open-addressing map from a 24-bit colour to a non-negative int; -1 when absent. */
  private static final class IntIntMap {
    private int[] keys;
    private int[] values;
    private int size;
    private int last; // the slot found by the latest slot(key)

    IntIntMap(int capacity) {
      keys = new int[capacity];
      values = new int[capacity];
      Arrays.fill(keys, -1);
    }

    int get(int key) {
      int mask = keys.length - 1;
      for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
        if (keys[i] == key) {
          return values[i];
        }
        if (keys[i] == -1) {
          return -1;
        }
      }
    }

    void put(int key, int value) {
      slot(key);
      values[last] = value;
    }

    void add(int key, int delta) {
      slot(key);
      values[last] += delta;
    }

    int[] keys() {
      int[] out = new int[size];
      int n = 0;
      for (int k : keys) {
        if (k != -1) {
          out[n++] = k;
        }
      }
      return out;
    }

    /** Finds or inserts {@code key} (value 0) and leaves its slot in {@code last}. */
    private void slot(int key) {
      if (2 * (size + 1) > keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int i = hash(key) & mask;
      while (keys[i] != key && keys[i] != -1) {
        i = (i + 1) & mask;
      }
      if (keys[i] == -1) {
        keys[i] = key;
        values[i] = 0;
        size++;
      }
      last = i;
    }

    private void grow() {
      int[] oldKeys = keys;
      int[] oldValues = values;
      keys = new int[oldKeys.length * 2];
      values = new int[oldKeys.length * 2];
      Arrays.fill(keys, -1);
      size = 0;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != -1) {
          slot(oldKeys[j]);
          values[last] = oldValues[j];
        }
      }
    }

    private static int hash(int key) {
      int h = key * 0x9e3779b9;
      return h ^ (h >>> 16);
    }
  }
}
