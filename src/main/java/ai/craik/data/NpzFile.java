package ai.craik.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a NumPy {@code .npz} archive (as written by {@link NpzWriter} or {@code numpy.savez}, STORED
 * or DEFLATED): each {@code KEY.npy} entry is an array read by key, with its dtype checked. Only
 * the entries asked for are read, so a shard's stored observations cost nothing when unused.
 */
public final class NpzFile implements Closeable {
  private final Path path;
  private final ZipFile zip;
  private final Map<String, ZipEntry> entries = new LinkedHashMap<>();

  private NpzFile(Path path, ZipFile zip) {
    this.path = path;
    this.zip = zip;
    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
      ZipEntry entry = e.nextElement();
      String name = entry.getName();
      if (name.endsWith(".npy")) {
        entries.put(name.substring(0, name.length() - 4), entry);
      }
    }
  }

  /** Opens {@code path}; a file that is not a ZIP archive gives a {@link DatasetException}. */
  public static NpzFile open(Path path) {
    try {
      return new NpzFile(path, new ZipFile(path.toFile()));
    } catch (ZipException e) {
      throw new DatasetException(path + " is not a readable .npz archive (" + e.getMessage()
          + "); regenerate it");
    } catch (IOException e) {
      throw new DatasetException("cannot read " + path + ": " + e.getMessage());
    }
  }

  /** The array keys, in archive order. */
  public Set<String> keys() {
    return entries.keySet();
  }

  /** The header of array {@code key}. */
  public NpyHeader header(String key) throws IOException {
    try (InputStream in = stream(key)) {
      return NpyHeader.read(in, source(key));
    }
  }

  /** The float32 array {@code key}; a given {@code shape} is checked (-1 matches any size). */
  public float[] floats(String key, long... shape) throws IOException {
    ByteBuffer b = data(key, NpyHeader.FLOAT32, shape);
    float[] out = new float[b.remaining() / 4];
    b.asFloatBuffer().get(out);
    return out;
  }

  /** The int32 array {@code key}. */
  public int[] ints(String key, long... shape) throws IOException {
    ByteBuffer b = data(key, NpyHeader.INT32, shape);
    int[] out = new int[b.remaining() / 4];
    b.asIntBuffer().get(out);
    return out;
  }

  /** The uint8 array {@code key}. */
  public byte[] bytes(String key, long... shape) throws IOException {
    ByteBuffer b = data(key, NpyHeader.UINT8, shape);
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  /**
   * The data of {@code key} after checking its dtype and, where {@code shape} is given (a -1
   * dimension matches anything), its shape.
   */
  private ByteBuffer data(String key, String descr, long[] shape) throws IOException {
    try (InputStream in = stream(key)) {
      NpyHeader h = NpyHeader.read(in, source(key));
      if (!h.descr().equals(descr) || h.fortranOrder()) {
        throw new DatasetException(source(key) + " has dtype " + h.descr()
            + (h.fortranOrder() ? " in Fortran order" : "") + ", expected " + descr + " in C order");
      }
      long[] actual = h.shape();
      boolean ok = shape.length == 0 || shape.length == actual.length;
      for (int i = 0; ok && i < shape.length; i++) {
        ok = shape[i] < 0 || shape[i] == actual[i];
      }
      if (!ok) {
        throw new DatasetException(source(key) + " has shape " + java.util.Arrays.toString(actual)
            + ", expected " + java.util.Arrays.toString(shape) + " (-1: any)");
      }
      long n = h.dataBytes();
      if (n > Integer.MAX_VALUE - 16) {
        throw new DatasetException(source(key) + " is too large to read at once (" + n
            + " bytes)");
      }
      byte[] bytes = in.readNBytes((int) n);
      if (bytes.length != n) {
        throw new DatasetException(source(key) + " is truncated: " + bytes.length + " of " + n
            + " data bytes");
      }
      return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  private InputStream stream(String key) throws IOException {
    ZipEntry e = entries.get(key);
    if (e == null) {
      throw new DatasetException(path + " has no array '" + key + "' (it has " + entries.keySet()
          + ")");
    }
    return zip.getInputStream(e);
  }

  private String source(String key) {
    return path + ":" + key;
  }
}
