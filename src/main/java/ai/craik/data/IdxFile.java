package ai.craik.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * An IDX file of unsigned bytes (the MNIST format), plain or gzip-compressed (detected from the
 * first two bytes, whatever the name):
 *
 * <pre>
 *   magic   0x00 0x00 0x08 k    (type 0x08: unsigned byte; k dimensions)
 *   dims    k big-endian int32
 *   data    prod(dims) bytes, row-major
 * </pre>
 *
 * LeCun, Cortes and Burges, "The MNIST database of handwritten digits" (file format section).
 *
 * @param dims the dimensions, e.g. [60000, 28, 28] for images or [60000] for labels
 * @param data the bytes, row-major
 */
public record IdxFile(int[] dims, byte[] data) {
  private static final int UNSIGNED_BYTE = 0x08;
  private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

  /** The number of items (the first dimension). */
  public int count() {
    return dims[0];
  }

  /**
   * Reads {@code file}.
   *
   * @throws DatasetException naming the file and the problem when it is missing, not IDX
   *     unsigned-byte data, or shorter than its header says
   */
  public static IdxFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new DatasetException(file + " does not exist; give the folder holding the MNIST"
          + " files (train-images-idx3-ubyte etc., plain or .gz)");
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(open(file)))) {
      int magic;
      try {
        magic = in.readInt();
      } catch (EOFException e) {
        throw new DatasetException(file + " is empty or shorter than an IDX header (4 bytes)");
      }
      int type = (magic >>> 8) & 0xff;
      int k = magic & 0xff;
      if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || k < 1 || k > 4) {
        throw new DatasetException(String.format(java.util.Locale.ROOT, "%s is not an IDX file"
            + " of unsigned bytes: magic number 0x%08X, expected 0x0000080k with k = 1..4"
            + " dimensions (e.g. 0x00000803 for images, 0x00000801 for labels)", file, magic));
      }
      int[] dims = new int[k];
      long size = 1;
      for (int i = 0; i < k; i++) {
        try {
          dims[i] = in.readInt();
        } catch (EOFException e) {
          throw new DatasetException(file + " ends inside its header (" + i + " of " + k
              + " dimensions read)");
        }
        if (dims[i] < 0) {
          throw new DatasetException(file + " has a negative dimension " + dims[i]);
        }
        size *= dims[i];
      }
      if (size > MAX_BYTES) {
        throw new DatasetException(file + " declares " + size + " bytes, more than one array"
            + " can hold");
      }
      byte[] data = new byte[(int) size];
      int read = in.readNBytes(data, 0, data.length);
      if (read < data.length) {
        throw new DatasetException(file + " is truncated: " + read + " of " + data.length
            + " data bytes (dimensions " + java.util.Arrays.toString(dims) + "); download it"
            + " again");
      }
      return new IdxFile(dims, data);
    } catch (IOException e) {
      throw new DatasetException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** The file's bytes, decompressed if it starts with the gzip magic 1f 8b. */
  private static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file));
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw) : raw;
  }
}
