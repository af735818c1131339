package ai.craik.data;

import ai.craik.config.Checks;
import ai.craik.env.Trajectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * An offline Two Rooms dataset folder written by {@link TwoRoomsDatasetWriter}, opened for reading.
 *
 * <p>{@link #open} reads {@code dataset.json} and checks its format and version, that the shards
 * list covers trajectories 0 … N − 1 in order with the generator's shard sizes, and that every
 * shard file exists with its recorded size. The SHA-256 of a shard is checked lazily, the first
 * time that shard is loaded through this object (so opening a large dataset is instant and every
 * shard is still verified before its data is used); {@link #verify} checks them all at once. A
 * damaged shard gives a {@link DatasetException} naming the file.
 *
 * <p>Shards are loaded whole on demand (positions, actions, layouts: about 1.5 MB per thousand
 * trajectories of 90 steps); stored observations are never read, batches render frames from
 * positions. Thread-safe.
 */
public final class TwoRoomsDataset {
  private final Path dir;
  private final DatasetManifest manifest;
  private final AtomicIntegerArray verified;

  private TwoRoomsDataset(Path dir, DatasetManifest manifest) {
    this.dir = dir;
    this.manifest = manifest;
    this.verified = new AtomicIntegerArray(manifest.shards().size());
  }

  /** Opens the dataset in {@code dir}; see the class comment for what is checked. */
  public static TwoRoomsDataset open(Path dir) {
    Path file = dir.resolve(DatasetManifest.FILE);
    if (!Files.exists(file)) {
      if (Files.exists(dir.resolve(DatasetManifest.PROGRESS))) {
        throw new DatasetException(dir + " holds an unfinished dataset (" + DatasetManifest.PROGRESS
            + ", no " + DatasetManifest.FILE + "); rerun the same 'craik data two-rooms' command"
            + " to finish it");
      }
      throw new DatasetException(dir + " is not a Craik dataset (no " + DatasetManifest.FILE
          + "); make one with 'craik data two-rooms --out " + dir + "'");
    }
    DatasetManifest m = DatasetManifest.read(file);
    DatasetSpec spec = m.spec();
    if (!m.complete() || m.shards().size() != spec.shardCount()) {
      throw new DatasetException(file + " lists " + m.shards().size() + " shards, its generator"
          + " needs " + spec.shardCount() + "; rerun the same 'craik data two-rooms' command");
    }
    for (int k = 0; k < spec.shardCount(); k++) {
      ShardInfo s = m.shards().get(k);
      if (!s.file().equals(DatasetSpec.shardFile(k)) || s.first() != spec.firstOf(k)
          || s.trajectories() != spec.countOf(k)) {
        throw new DatasetException(file + " shard entry " + k + " (" + s.file() + ", first "
            + s.first() + ", " + s.trajectories() + " trajectories) does not match its generator"
            + " (" + DatasetSpec.shardFile(k) + ", first " + spec.firstOf(k) + ", "
            + spec.countOf(k) + ")");
      }
      Path p = dir.resolve(s.file());
      long size;
      try {
        size = Files.size(p);
      } catch (IOException e) {
        throw new DatasetException("shard " + p + " is missing; rerun the same 'craik data"
            + " two-rooms' command to regenerate it");
      }
      if (size != s.bytes()) {
        throw new DatasetException("shard " + p + " has " + size + " bytes, " + file + " records "
            + s.bytes() + "; it is damaged: rerun the same 'craik data two-rooms' command to"
            + " regenerate it");
      }
    }
    return new TwoRoomsDataset(dir, m);
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /** The generator settings. */
  public DatasetSpec spec() {
    return manifest.spec();
  }

  /** The shards, in order. */
  public List<ShardInfo> shards() {
    return manifest.shards();
  }

  /** Number of trajectories N. */
  public long size() {
    return spec().trajectories();
  }

  /** Steps per trajectory T. */
  public int length() {
    return spec().length();
  }

  /** Checks the SHA-256 of every shard not yet verified. */
  public void verify() {
    for (int k = 0; k < shards().size(); k++) {
      verifyShard(k);
    }
  }

  /** Loads shard {@code k} (verifying its checksum the first time). */
  public Shard shard(int k) {
    Checks.arg(k >= 0 && k < shards().size(), "shard %s is not in 0..%s", k, shards().size() - 1);
    verifyShard(k);
    ShardInfo info = shards().get(k);
    Path p = dir.resolve(info.file());
    long n = info.trajectories();
    long t = length();
    try (NpzFile npz = NpzFile.open(p)) {
      return new Shard(info.first(), info.trajectories(), length(),
          npz.floats("actions", n, t, 2), npz.floats("positions", n, t + 1, 2),
          npz.ints("wall_x", n), npz.ints("door_y", n), npz.bytes("through_door", n));
    } catch (IOException e) {
      throw new DatasetException("cannot read shard " + p + ": " + e.getMessage());
    }
  }

  /** Trajectory {@code i} (loads its shard). */
  public Trajectory trajectory(long i) {
    Checks.arg(i >= 0 && i < size(), "trajectory %s is not in 0..%s", i, size() - 1);
    int k = (int) (i / spec().shardSize());
    return shard(k).trajectory((int) (i - spec().firstOf(k)));
  }

  private void verifyShard(int k) {
    if (verified.get(k) != 0) {
      return;
    }
    ShardInfo info = shards().get(k);
    Path p = dir.resolve(info.file());
    try {
      if (!Files.exists(p)) {
        throw new DatasetException("shard " + p + " is missing; rerun the same 'craik data"
            + " two-rooms' command to regenerate it");
      }
      String sha = TwoRoomsDatasetWriter.sha256(p);
      if (!sha.equals(info.sha256())) {
        throw new DatasetException("shard " + p + " is damaged: its SHA-256 " + sha.substring(0, 12)
            + "… differs from " + sha256Short(info) + "… in " + DatasetManifest.FILE
            + "; rerun the same 'craik data two-rooms' command to regenerate it");
      }
    } catch (IOException e) {
      throw new DatasetException("cannot read shard " + p + ": " + e.getMessage());
    }
    verified.set(k, 1);
  }

  private static String sha256Short(ShardInfo info) {
    return info.sha256().length() > 12 ? info.sha256().substring(0, 12) : info.sha256();
  }
}
