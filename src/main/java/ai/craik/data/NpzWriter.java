package ai.craik.data;

import ai.craik.config.Checks;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a NumPy {@code .npz} archive: a ZIP file with one {@code KEY.npy} entry per array, which
 * {@code numpy.load} opens as a mapping from KEY to array.
 *
 * <p>Arrays handed over whole ({@link #put}) are STORED, as {@code numpy.savez} writes them. A
 * large array streamed with {@link #open} is DEFLATED (level 1) because its size and CRC are not
 * known in advance; NumPy reads both. Every entry carries the fixed time 1980-01-01 00:00 (as
 * NumPy's own writer), so the same arrays always give the same bytes.
 */
public final class NpzWriter implements Closeable {
  private static final LocalDateTime EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);
  private final ZipOutputStream zip;
  private final Set<String> keys = new HashSet<>();
  private boolean streaming;

  /** A writer onto {@code out} (closed with the writer). */
  public NpzWriter(OutputStream out) {
    this.zip = new ZipOutputStream(out);
    zip.setLevel(Deflater.BEST_SPEED);
  }

  /** Adds a float32 array of {@code shape} (C order). */
  public void put(String key, float[] data, long... shape) throws IOException {
    NpyHeader h = check(key, NpyHeader.of(NpyHeader.FLOAT32, shape), data.length);
    ByteBuffer buf = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(data);
    stored(key, h, buf.array());
  }

  /** Adds an int32 array of {@code shape} (C order). */
  public void put(String key, int[] data, long... shape) throws IOException {
    NpyHeader h = check(key, NpyHeader.of(NpyHeader.INT32, shape), data.length);
    ByteBuffer buf = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buf.asIntBuffer().put(data);
    stored(key, h, buf.array());
  }

  /** Adds a uint8 array of {@code shape} (C order). */
  public void put(String key, byte[] data, long... shape) throws IOException {
    NpyHeader h = check(key, NpyHeader.of(NpyHeader.UINT8, shape), data.length);
    stored(key, h, data);
  }

  /**
   * Starts a DEFLATED entry for a large array: write exactly {@code header.dataBytes()} bytes of
   * little-endian C-order data to the returned stream, then close it (which ends the entry; the
   * archive stays open).
   */
  public OutputStream open(String key, NpyHeader header) throws IOException {
    Checks.state(!streaming, "close the previous streamed entry before opening '%s'", key);
    Checks.arg(keys.add(key), "npz key '%s' written twice", key);
    ZipEntry e = new ZipEntry(key + ".npy");
    e.setTimeLocal(EPOCH);
    e.setMethod(ZipEntry.DEFLATED);
    zip.putNextEntry(e);
    zip.write(header.encode());
    streaming = true;
    long expected = header.dataBytes();
    return new FilterOutputStream(zip) {
      private long written;

      @Override
      public void write(int b) throws IOException {
        zip.write(b);
        written++;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        zip.write(b, off, len);
        written += len;
      }

      @Override
      public void flush() {}

      @Override
      public void close() throws IOException {
        if (!streaming) {
          return;
        }
        Checks.state(written == expected, "npz entry '%s' got %s bytes, its header %s needs %s",
            key, written, header, expected);
        zip.closeEntry();
        streaming = false;
      }
    };
  }

  @Override
  public void close() throws IOException {
    Checks.state(!streaming, "a streamed npz entry is still open");
    zip.close();
  }

  private NpyHeader check(String key, NpyHeader h, long length) {
    Checks.state(!streaming, "close the streamed entry before adding '%s'", key);
    Checks.arg(h.elements() == length, "npz array '%s' has %s values but shape %s needs %s", key,
        length, Arrays.toString(h.shape()), h.elements());
    Checks.arg(keys.add(key), "npz key '%s' written twice", key);
    return h;
  }

  private void stored(String key, NpyHeader h, byte[] data) throws IOException {
    byte[] head = h.encode();
    CRC32 crc = new CRC32();
    crc.update(head);
    crc.update(data);
    ZipEntry e = new ZipEntry(key + ".npy");
    e.setTimeLocal(EPOCH);
    e.setMethod(ZipEntry.STORED);
    e.setSize(head.length + (long) data.length);
    e.setCompressedSize(head.length + (long) data.length);
    e.setCrc(crc.getValue());
    zip.putNextEntry(e);
    zip.write(head);
    zip.write(data);
    zip.closeEntry();
  }
}
