package ai.craik.data;

import ai.craik.config.Checks;
import ai.craik.env.TwoRoomsRenderer;
import ai.craik.run.AtomicFiles;
import ai.craik.run.ProgressListener;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes an offline Two Rooms dataset folder: NumPy shards {@code shard-00000.npz}, ... and
 * {@code dataset.json} ({@link DatasetManifest}).
 *
 * <p>Shard k holds trajectories kM … min((k+1)M, N) − 1 with the keys {@code actions} float32
 * [n, T, 2], {@code positions} float32 [n, T+1, 2], {@code wall_x} int32 [n], {@code door_y} int32
 * [n], {@code through_door} uint8 [n] and, with an observation size R, {@code observations} uint8
 * [n, T+1, 2, R, R] (DEFLATED inside the ZIP; the other keys are STORED). Trajectories come from
 * {@link ShardGenerator}, so output is identical whatever the thread count.
 *
 * <p>Each shard is written atomically (temporary file and rename), then {@code progress.json} is
 * rewritten with the shards finished so far and their SHA-256; at the end {@code dataset.json} is
 * written and {@code progress.json} removed. Writing into a folder that already holds this dataset
 * (same generator settings, complete or interrupted) resumes it: listed shards whose size and
 * SHA-256 match are kept, missing or damaged ones are generated again. A folder holding a dataset
 * with other settings is refused unless {@code force}, which deletes the dataset's own files
 * (shards, descriptions) first; a non-empty folder that is not a dataset is never touched.
 */
public final class TwoRoomsDatasetWriter {
  private static final Pattern OWN_FILE =
      Pattern.compile("shard-\\d{5,}\\.npz|\\.shard-\\d{5,}\\.npz\\..*\\.tmp|\\.(dataset|progress)"
          + "\\.json\\..*\\.tmp|dataset\\.json|progress\\.json");
  /** Trajectories rendered per parallel chunk when observations are stored. */
  private static final int OBSERVATION_CHUNK = 64;

  private final DatasetSpec spec;
  private final int threads;
  private final ShardGenerator generator;

  /**
   * What a call to {@link #write} did.
   *
   * @param shardsKept shards found intact and kept
   * @param shardsWritten shards generated and written
   * @param trajectoriesWritten trajectories in the written shards
   * @param seconds wall time of the call
   */
  public record Result(Path dir, int shardsKept, int shardsWritten, long trajectoriesWritten,
      double seconds) {}

  /** A writer of {@code spec} using {@code threads} threads. */
  public TwoRoomsDatasetWriter(DatasetSpec spec, int threads) {
    Checks.arg(threads >= 1, "threads=%s must be at least 1", threads);
    this.spec = spec;
    this.threads = threads;
    this.generator = new ShardGenerator(spec);
  }

  /** Writes (or resumes, or with {@code force} rewrites) the dataset in {@code dir}. */
  public Result write(Path dir, boolean force, ProgressListener progress) {
    long t0 = System.nanoTime();
    try {
      Map<Integer, ShardInfo> kept = prepare(dir, force);
      List<Integer> todo = new ArrayList<>();
      for (int k = 0; k < spec.shardCount(); k++) {
        if (!kept.containsKey(k)) {
          todo.add(k);
        }
      }
      long done = kept.values().stream().mapToLong(ShardInfo::trajectories).sum();
      Map<Integer, ShardInfo> shards = new java.util.TreeMap<>(kept);
      long written = todo.stream().mapToLong(spec::countOf).sum();
      ExecutorService pool = Parallel.pool(threads, "craik-data");
      // Shard k is written (with its checksum, fsync and progress.json) on its own thread while
      // the pool generates shard k + 1.
      ExecutorService io = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "craik-data-write");
        t.setDaemon(true);
        return t;
      });
      try {
        if (!todo.isEmpty()) {
          progress.start("generate", spec.trajectories(), done);
        }
        java.util.concurrent.Future<?> pending = null;
        long[] finished = {done};
        for (int i = 0; i < todo.size(); i++) {
          int k = todo.get(i);
          int number = i + 1;
          Shard shard = generator.shard(k, pool, threads);
          await(pending);
          pending = io.submit(() -> {
            shards.put(k, writeShard(dir, k, shard, pool));
            writeDescription(dir, shards, false);
            finished[0] += shard.count();
            progress.update(finished[0], "shard " + number + "/" + todo.size());
            return null;
          });
        }
        await(pending);
      } finally {
        progress.close();
        io.shutdownNow();
        if (pool != null) {
          pool.shutdownNow();
        }
      }
      if (!todo.isEmpty() || !Files.exists(dir.resolve(DatasetManifest.FILE))) {
        writeDescription(dir, shards, true);
      }
      Files.deleteIfExists(dir.resolve(DatasetManifest.PROGRESS));
      return new Result(dir, kept.size(), todo.size(), written, (System.nanoTime() - t0) / 1e9);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the dataset in " + dir + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Checks the folder and returns the intact shards to keep (by index): none for a new or forced
   * dataset, the verified listed ones when resuming the same settings.
   */
  private Map<Integer, ShardInfo> prepare(Path dir, boolean force) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new DatasetException(dir + " is a file, not a folder; choose another --out");
    }
    Files.createDirectories(dir);
    Path done = dir.resolve(DatasetManifest.FILE);
    Path partial = dir.resolve(DatasetManifest.PROGRESS);
    List<String> foreign = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString()).filter(n -> !OWN_FILE.matcher(n).matches())
          .sorted().forEach(foreign::add);
    }
    boolean described = Files.exists(done) || Files.exists(partial);
    if (!foreign.isEmpty() && !described) {
      throw new DatasetException(dir + " is not empty and holds no Craik dataset (it has "
          + foreign.get(0) + (foreign.size() > 1 ? " and " + (foreign.size() - 1) + " more" : "")
          + "); choose another --out");
    }
    if (force) {
      clear(dir);
      return Map.of();
    }
    Map<Integer, ShardInfo> keep = new LinkedHashMap<>();
    if (described) {
      Path file = Files.exists(done) ? done : partial;
      DatasetManifest saved;
      try {
        saved = DatasetManifest.read(file);
      } catch (DatasetException e) {
        throw new DatasetException(e.getMessage() + "; add --force to overwrite the dataset in "
            + dir);
      }
      String diff = DatasetManifest.difference(saved.spec(), spec);
      if (diff != null) {
        throw new DatasetException(dir + " already holds a dataset made with other settings ("
            + diff + "); add --force to overwrite it, or choose another --out");
      }
      for (ShardInfo s : saved.shards()) {
        int k = indexOf(s.file());
        if (k >= 0 && k < spec.shardCount() && s.first() == spec.firstOf(k)
            && s.trajectories() == spec.countOf(k) && intact(dir.resolve(s.file()), s)) {
          keep.put(k, s);
        }
      }
    }
    removeTemporaries(dir);
    return keep;
  }

  /** Waits for a shard write, rethrowing its failure. */
  private static void await(java.util.concurrent.Future<?> f) throws IOException {
    if (f == null) {
      return;
    }
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing a shard", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IOException(c);
    }
  }

  private static int indexOf(String file) {
    if (!file.matches("shard-\\d{5,}\\.npz")) {
      return -1;
    }
    try {
      int k = Integer.parseInt(file.substring(6, file.length() - 4));
      return DatasetSpec.shardFile(k).equals(file) ? k : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** True when {@code file} exists with the listed size and SHA-256. */
  static boolean intact(Path file, ShardInfo info) throws IOException {
    return Files.isRegularFile(file) && Files.size(file) == info.bytes()
        && sha256(file).equals(info.sha256());
  }

  /** Lower-case hex SHA-256 of a file's bytes. */
  static String sha256(Path file) throws IOException {
    MessageDigest md = newDigest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private ShardInfo writeShard(Path dir, int k, Shard s, ExecutorService pool) throws IOException {
    String name = DatasetSpec.shardFile(k);
    Path target = dir.resolve(name);
    MessageDigest md = newDigest();
    long[] size = {0};
    AtomicFiles.write(target, raw -> {
      OutputStream counted = new java.io.FilterOutputStream(raw) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          size[0] += len;
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          size[0]++;
        }
      };
      try (NpzWriter npz = new NpzWriter(new BufferedOutputStream(
          new DigestOutputStream(counted, md), 1 << 16))) {
        long n = s.count();
        long t = spec.length();
        npz.put("actions", s.actions(), n, t, 2);
        npz.put("positions", s.positions(), n, t + 1, 2);
        npz.put("wall_x", s.wallX(), n);
        npz.put("door_y", s.doorY(), n);
        npz.put("through_door", s.throughDoor(), n);
        if (spec.observationSize() > 0) {
          writeObservations(npz, s, pool);
        }
      }
    });
    return new ShardInfo(name, s.first(), s.count(), s.doorCount(), size[0],
        HexFormat.of().formatHex(md.digest()));
  }

  /** Renders and streams observations [n, T+1, 2, R, R], a chunk of trajectories at a time. */
  private void writeObservations(NpzWriter npz, Shard s, ExecutorService pool) throws IOException {
    TwoRoomsRenderer r = new TwoRoomsRenderer(spec.observationSize(), spec.sigma());
    int frames = spec.length() + 1;
    int frameBytes = r.frameBytes();
    NpyHeader h = NpyHeader.of(NpyHeader.UINT8, s.count(), frames, 2, r.size(), r.size());
    byte[] chunk = new byte[OBSERVATION_CHUNK * frames * frameBytes];
    try (OutputStream out = npz.open("observations", h)) {
      for (int from = 0; from < s.count(); from += OBSERVATION_CHUNK) {
        int base = from;
        int n = Math.min(OBSERVATION_CHUNK, s.count() - from);
        Parallel.forRange(pool, threads, n, j -> {
          int traj = base + j;
          var layout = s.layout(traj);
          float[] p = s.positions();
          for (int f = 0; f < frames; f++) {
            int i = 2 * (traj * frames + f);
            r.render(layout, p[i], p[i + 1], chunk, (j * frames + f) * frameBytes);
          }
        });
        out.write(chunk, 0, n * frames * frameBytes);
      }
    }
  }

  private void writeDescription(Path dir, Map<Integer, ShardInfo> shards, boolean complete)
      throws IOException {
    DatasetManifest m = new DatasetManifest(spec, new ArrayList<>(shards.values()), complete);
    AtomicFiles.write(dir.resolve(complete ? DatasetManifest.FILE : DatasetManifest.PROGRESS),
        m.toJson(threads));
  }

  /** Deletes the dataset's own files (never anything else). */
  private static void clear(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        if (OWN_FILE.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)) {
          Files.delete(p);
        }
      }
    }
  }

  private static void removeTemporaries(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String n = p.getFileName().toString();
        if (n.startsWith(".") && n.endsWith(".tmp") && OWN_FILE.matcher(n).matches()) {
          Files.delete(p);
        }
      }
    }
  }
}
