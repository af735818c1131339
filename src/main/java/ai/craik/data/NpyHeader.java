package ai.craik.data;

import ai.craik.config.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a NumPy {@code .npy} array (format version 1.0): the magic {@code \x93NUMPY}, the
 * version bytes 1, 0, the header length (uint16, little-endian) and an ASCII Python dict such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 91, 2), }}, padded with spaces and
 * ended by a newline so that the data starts at a multiple of 64 bytes. The data follows in C order.
 * See the NumPy format specification, {@code numpy.lib.format}.
 *
 * @param descr the dtype: {@code <f4} (float32), {@code <i4} (int32) or {@code |u1} (uint8)
 * @param fortranOrder always false for files Craik writes
 * @param shape the array's shape (empty for a scalar)
 */
public record NpyHeader(String descr, boolean fortranOrder, long[] shape) {
  /** float32, little-endian. */
  public static final String FLOAT32 = "<f4";
  /** int32, little-endian. */
  public static final String INT32 = "<i4";
  /** uint8. */
  public static final String UINT8 = "|u1";

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DICT = Pattern.compile(
      "\\{\\s*'descr'\\s*:\\s*'([^']*)'\\s*,\\s*'fortran_order'\\s*:\\s*(True|False)\\s*,"
          + "\\s*'shape'\\s*:\\s*\\(([^)]*)\\)\\s*,?\\s*}\\s*");

  public NpyHeader {
    shape = shape.clone();
    for (long d : shape) {
      Checks.arg(d >= 0, "npy shape %s has a negative dimension", Arrays.toString(shape));
    }
  }

  /** A C-order header. */
  public static NpyHeader of(String descr, long... shape) {
    return new NpyHeader(descr, false, shape);
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** Number of elements, the product of the shape. */
  public long elements() {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** Bytes per element of the dtype. */
  public int itemSize() {
    return itemSize(descr);
  }

  /** Bytes of the data that follows the header. */
  public long dataBytes() {
    return Math.multiplyExact(elements(), itemSize());
  }

  /** The complete header bytes (magic, version, length, padded dict), a multiple of 64 long. */
  public byte[] encode() {
    StringBuilder dims = new StringBuilder();
    for (int i = 0; i < shape.length; i++) {
      dims.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    if (shape.length == 1) {
      dims.append(',');
    }
    String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
        + ", 'shape': (" + dims + "), }";
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    int total = (unpadded + 63) / 64 * 64;
    Checks.arg(total - 10 <= 0xffff, "npy header of %s bytes is too long for format 1.0", total);
    byte[] out = new byte[total];
    System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
    out[6] = 1;
    out[7] = 0;
    int len = total - 10;
    out[8] = (byte) (len & 0xff);
    out[9] = (byte) (len >>> 8);
    byte[] text = dict.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, out, 10, text.length);
    Arrays.fill(out, 10 + text.length, total - 1, (byte) ' ');
    out[total - 1] = '\n';
    return out;
  }

  /**
   * Reads a header from the start of a {@code .npy} stream, leaving the stream at the first data
   * byte. Accepts format versions 1.0, 2.0 and 3.0 (4-byte header length in the later two).
   *
   * @param source names the array in error messages (file and key)
   */
  public static NpyHeader read(InputStream in, String source) throws IOException {
    byte[] start = in.readNBytes(8);
    if (start.length < 8 || !Arrays.equals(Arrays.copyOf(start, 6), MAGIC)) {
      throw new DatasetException(source + " is not a NumPy .npy array (bad magic)");
    }
    int major = start[6];
    int len;
    if (major == 1) {
      byte[] b = in.readNBytes(2);
      len = (b[0] & 0xff) | (b[1] & 0xff) << 8;
    } else if (major == 2 || major == 3) {
      byte[] b = in.readNBytes(4);
      len = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    } else {
      throw new DatasetException(source + " has .npy format version " + major + "." + start[7]
          + "; supported are 1.0 to 3.0");
    }
    byte[] text = in.readNBytes(len);
    if (text.length < len) {
      throw new DatasetException(source + " is truncated inside its .npy header");
    }
    return parse(new String(text, StandardCharsets.ISO_8859_1), source);
  }

  /** Parses the dict text of a header. */
  static NpyHeader parse(String dict, String source) {
    Matcher m = DICT.matcher(dict);
    if (!m.matches()) {
      throw new DatasetException(source + " has an unreadable .npy header: " + dict.strip());
    }
    String dims = m.group(3).strip();
    long[] shape = dims.isEmpty() ? new long[0] : Arrays.stream(dims.split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
    return new NpyHeader(m.group(1), m.group(2).equals("True"), shape);
  }

  private static int itemSize(String descr) {
    return switch (descr) {
      case FLOAT32, INT32 -> 4;
      case UINT8 -> 1;
      default -> throw new DatasetException("npy dtype '" + descr + "' is not supported; Craik"
          + " reads " + FLOAT32 + ", " + INT32 + " and " + UINT8);
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NpyHeader h && h.descr.equals(descr) && h.fortranOrder == fortranOrder
        && Arrays.equals(h.shape, shape);
  }

  @Override
  public int hashCode() {
    return descr.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return "npy(" + descr + ", " + Arrays.toString(shape) + ")";
  }
}
