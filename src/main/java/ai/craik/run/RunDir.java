package ai.craik.run;

import ai.craik.config.ConfigLoader;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One run folder:
 *
 * <pre>
 *   config.yaml      the fully resolved configuration (with command and seed)
 *   metrics.jsonl    one JSON object per logged step
 *   summary.json     final figures and provenance
 *   checkpoints/     per phase: PHASE-latest.ckpt and periodic PHASE-step-NNNNNNNN.ckpt,
 *                    written atomically, with checksums
 *   figures/         PNG and GIF output
 *   report.html      one page that shows the run to a person
 * </pre>
 *
 * <p>Opening a folder that holds the same config resumes it; a different config is refused (nothing
 * already written is overwritten) unless {@code force} is set, which clears the run's own files.
 * A non-empty folder that is not a run folder is never touched.
 */
public final class RunDir {
  /** File names inside a run folder. */
  public static final String CONFIG = "config.yaml";
  public static final String METRICS = "metrics.jsonl";
  public static final String SUMMARY = "summary.json";
  public static final String REPORT = "report.html";
  public static final String CHECKPOINTS = "checkpoints";
  public static final String FIGURES = "figures";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;
  private final boolean resumed;
  private final int keepCheckpoints;

  private RunDir(Path root, boolean resumed, int keepCheckpoints) {
    this.root = root;
    this.resumed = resumed;
    this.keepCheckpoints = keepCheckpoints;
  }

  /**
   * Opens (creating, resuming or, with {@code force}, restarting) the run folder {@code root}.
   *
   * @param configYaml the resolved config to write, or to compare with the saved one on resume
   * @param keepCheckpoints how many periodic checkpoints to keep besides {@code latest.ckpt}
   */
  public static RunDir open(Path root, String configYaml, boolean force, int keepCheckpoints) {
    return open(root, configYaml, force, keepCheckpoints, "--run-dir");
  }

  /**
   * As {@link #open(Path, String, boolean, int)}, for a command whose folder option is named
   * {@code folderOption} (e.g. {@code --out}); error messages name that option.
   */
  public static RunDir open(Path root, String configYaml, boolean force, int keepCheckpoints,
      String folderOption) {
    try {
      Path config = root.resolve(CONFIG);
      boolean exists = Files.isDirectory(root);
      if (Files.exists(root) && !exists) {
        throw new RunDirException(root + " is a file, not a folder; choose another "
            + folderOption);
      }
      boolean empty = !exists || isEmpty(root);
      if (!empty && !Files.exists(config)) {
        throw new RunDirException(root + " is not empty and is not a Craik run folder (no "
            + CONFIG + "); choose another " + folderOption);
      }
      if (!empty && !force) {
        String saved = Files.readString(config);
        String diff = firstDifference(saved, configYaml);
        if (diff != null) {
          throw new RunDirException("run folder " + root + " was made with a different config ("
              + diff + "); rerun with the same settings to resume, choose another "
              + folderOption + ", or add --force to start over");
        }
        Files.createDirectories(root.resolve(CHECKPOINTS));
        Files.createDirectories(root.resolve(FIGURES));
        return new RunDir(root, true, keepCheckpoints);
      }
      if (!empty) {
        clear(root);
      }
      Files.createDirectories(root.resolve(CHECKPOINTS));
      Files.createDirectories(root.resolve(FIGURES));
      AtomicFiles.writeString(config, configYaml);
      return new RunDir(root, false, keepCheckpoints);
    } catch (IOException e) {
      throw new RunDirException("cannot prepare run folder " + root + ": " + e.getMessage());
    }
  }

  /** The folder. */
  public Path root() {
    return root;
  }

  /** True when the folder already held this run (resume from the latest checkpoint, if any). */
  public boolean resumed() {
    return resumed;
  }

  /** The figures folder. */
  public Path figures() {
    return root.resolve(FIGURES);
  }

  /** A path inside the figures folder. */
  public Path figure(String fileName) {
    return figures().resolve(fileName);
  }

  /** The metrics file. */
  public Path metrics() {
    return root.resolve(METRICS);
  }

  /** The summary file. */
  public Path summary() {
    return root.resolve(SUMMARY);
  }

  /** The report page. */
  public Path report() {
    return root.resolve(REPORT);
  }

  /** The saved config text. */
  public String configYaml() {
    try {
      return Files.readString(root.resolve(CONFIG));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The latest checkpoint file of {@code phase}, if one was written. */
  public Optional<Path> latestCheckpoint(String phase) {
    Path p = root.resolve(CHECKPOINTS).resolve(phase + "-latest.ckpt");
    return Files.exists(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * Writes a checkpoint of {@code phase} as {@code PHASE-latest.ckpt} and
   * {@code PHASE-step-NNNNNNNN.ckpt}, both atomically, and prunes the oldest periodic ones beyond
   * the number to keep.
   */
  public void saveCheckpoint(String phase, long step, Map<String, Object> meta, NDList arrays) {
    byte[] bytes = new Checkpoint(step, meta, arrays).encode();
    Path dir = root.resolve(CHECKPOINTS);
    String pattern = java.util.regex.Pattern.quote(phase) + "-step-\\d{8}\\.ckpt";
    try {
      AtomicFiles.write(dir.resolve(String.format("%s-step-%08d.ckpt", phase, step)), bytes);
      AtomicFiles.write(dir.resolve(phase + "-latest.ckpt"), bytes);
      try (Stream<Path> files = Files.list(dir)) {
        List<Path> periodic = files
            .filter(p -> p.getFileName().toString().matches(pattern))
            .sorted(Comparator.comparing(Path::getFileName))
            .toList();
        for (int i = 0; i < periodic.size() - keepCheckpoints; i++) {
          Files.deleteIfExists(periodic.get(i));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint in " + dir, e);
    }
  }

  /** Reads the latest checkpoint of {@code phase}; a damaged one throws {@link CheckpointException}. */
  public Optional<Checkpoint> loadLatestCheckpoint(String phase, NDManager manager) {
    return latestCheckpoint(phase).map(p -> Checkpoint.read(p, manager));
  }

  /** Writes {@code summary.json} atomically (pretty JSON). */
  public void writeSummary(Map<String, Object> summary) {
    try {
      AtomicFiles.write(summary(), JSON.writeValueAsBytes(summary));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + summary(), e);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  /** Removes the run's own files (only the names a run folder holds). */
  private static void clear(Path root) throws IOException {
    for (String name : List.of(CONFIG, METRICS, SUMMARY, REPORT)) {
      Files.deleteIfExists(root.resolve(name));
    }
    for (String dir : List.of(CHECKPOINTS, FIGURES)) {
      Path d = root.resolve(dir);
      if (Files.isDirectory(d)) {
        try (Stream<Path> walk = Files.walk(d)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    }
  }

  /** The first key whose value differs between two YAML configs, as "key: a -> b", or null. */
  static String firstDifference(String savedYaml, String newYaml) {
    JsonNode a = ConfigLoader.parse(savedYaml, "saved " + CONFIG);
    JsonNode b = ConfigLoader.parse(newYaml, "new config");
    return diff("", a, b);
  }

  private static String diff(String path, JsonNode a, JsonNode b) {
    if (a != null && b != null && a.isObject() && b.isObject()) {
      java.util.Set<String> keys = new java.util.TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        String d = diff(path.isEmpty() ? k : path + "." + k, a.get(k), b.get(k));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a == null || b == null || !a.equals(b)) {
      return path + ": " + text(a) + " -> " + text(b);
    }
    return null;
  }

  private static String text(JsonNode n) {
    return n == null ? "(absent)" : n.isValueNode() ? n.asText() : n.toString();
  }

}
