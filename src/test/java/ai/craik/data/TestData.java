package ai.craik.data;

import ai.craik.run.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Small datasets and an independent .npy reader for the data tests. */
final class TestData {
  private TestData() {}

  /** 10 trajectories of 6 steps, random layouts, shards of 4 (4 + 4 + 2). */
  static DatasetSpec small(long seed, int observationSize) {
    return DatasetSpec.of(10, 6, "random", seed, 4, observationSize);
  }

  static TwoRoomsDatasetWriter.Result write(DatasetSpec spec, Path dir, int threads) {
    return new TwoRoomsDatasetWriter(spec, threads).write(dir, false, ProgressListener.silent());
  }

  /** One .npy entry read straight from the bytes, by the spec rather than by NpyHeader. */
  record RawArray(String descr, boolean fortranOrder, long[] shape, int headerBytes, byte[] data) {
    float[] floats() {
      float[] out = new float[data.length / 4];
      ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
      return out;
    }

    int[] ints() {
      int[] out = new int[data.length / 4];
      ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
      return out;
    }
  }

  private static final Pattern DESCR = Pattern.compile("'descr': '([^']+)'");
  private static final Pattern ORDER = Pattern.compile("'fortran_order': (True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape': \\(([^)]*)\\)");

  /** Every .npy entry of an .npz file, checked against the .npy format 1.0 layout. */
  static Map<String, RawArray> readNpz(Path file) throws IOException {
    Map<String, RawArray> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          byte[] all = in.readAllBytes();
          if ((all[0] & 0xff) != 0x93
              || !new String(all, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new AssertionError(e.getName() + ": bad magic");
          }
          if (all[6] != 1 || all[7] != 0) {
            throw new AssertionError(e.getName() + ": version " + all[6] + "." + all[7]);
          }
          int len = (all[8] & 0xff) | (all[9] & 0xff) << 8;
          String dict = new String(all, 10, len, StandardCharsets.US_ASCII);
          if (!dict.endsWith("\n") || (10 + len) % 64 != 0 || !dict.startsWith("{")) {
            throw new AssertionError(e.getName() + ": bad header padding " + dict);
          }
          Matcher d = DESCR.matcher(dict);
          Matcher o = ORDER.matcher(dict);
          Matcher s = SHAPE.matcher(dict);
          if (!d.find() || !o.find() || !s.find()) {
            throw new AssertionError(e.getName() + ": header misses a key: " + dict);
          }
          long[] shape = java.util.Arrays.stream(s.group(1).split(","))
              .map(String::strip).filter(x -> !x.isEmpty()).mapToLong(Long::parseLong).toArray();
          byte[] data = java.util.Arrays.copyOfRange(all, 10 + len, all.length);
          out.put(e.getName(), new RawArray(d.group(1), o.group(1).equals("True"), shape,
              10 + len, data));
        }
      }
    }
    return out;
  }
}
