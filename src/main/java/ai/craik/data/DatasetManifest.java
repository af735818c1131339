package ai.craik.data;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON description of a dataset folder: {@code dataset.json} when complete, {@code
 * progress.json} while it is being written (same layout, {@code "complete": false}, only the shards
 * finished so far, no counts).
 *
 * <pre>
 * {
 *   "format": "craik.two-rooms.dataset", "format_version": 1, "complete": true,
 *   "generator": {trajectories, length, layout, seed, shard_size, observation_size, max_step, sigma,
 *                 exploration: {kappa, step_mean, step_std, step_min, step_max, door_fraction, wall_stick},
 *                 collision: "stop", streams: "..."},
 *   "counts": {trajectories, shards, steps_per_trajectory, frames_per_trajectory, through_door},
 *   "arrays": {key: "dtype [shape] meaning", ...},
 *   "shards": [{file, first, trajectories, through_door, bytes, sha256}, ...],
 *   "created": {craik_version, commit, java_version, os, threads, created_at}
 * }
 * </pre>
 *
 * @param spec the generator settings
 * @param shards the shards listed, in order
 * @param complete true for {@code dataset.json}
 */
public record DatasetManifest(DatasetSpec spec, List<ShardInfo> shards, boolean complete) {
  /** The {@code format} value. */
  public static final String FORMAT = "craik.two-rooms.dataset";
  /** The format version this Craik writes and reads. */
  public static final int VERSION = 1;
  /** File name of a complete dataset's description. */
  public static final String FILE = "dataset.json";
  /** File name of the description of a dataset being written. */
  public static final String PROGRESS = "progress.json";

  static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  public DatasetManifest {
    shards = List.copyOf(shards);
  }

  /** Total trajectories in the listed shards. */
  public long listedTrajectories() {
    return shards.stream().mapToLong(ShardInfo::trajectories).sum();
  }

  /** The JSON text; {@code threads} is recorded under {@code created} for provenance only. */
  public byte[] toJson(int threads) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("format_version", VERSION);
    root.put("complete", complete);
    ObjectNode gen = JSON.valueToTree(spec);
    gen.put("collision", "stop");
    gen.put("streams", "trajectory i uses RandomStreams(seed).stream(\"trajectory\", i): the"
        + " random layout (wall_x uniform in 20..44, door_y uniform in 10..54) is drawn from it"
        + " first, then the walk");
    root.set("generator", gen);
    if (complete) {
      ObjectNode counts = root.putObject("counts");
      counts.put("trajectories", listedTrajectories());
      counts.put("shards", shards.size());
      counts.put("steps_per_trajectory", spec.length());
      counts.put("frames_per_trajectory", spec.length() + 1);
      counts.put("through_door", shards.stream().mapToLong(ShardInfo::throughDoor).sum());
    }
    ObjectNode arrays = root.putObject("arrays");
    arrays.put("actions", "float32 [n, T, 2] displacement (dx, dy) of each step, world units"
        + " (pixels of the 65 frame), before the max-step clip");
    arrays.put("positions", "float32 [n, T+1, 2] dot position (x, y), world units; positions[t+1]"
        + " is where action t took the dot (STOP: unchanged when the move was blocked)");
    arrays.put("wall_x", "int32 [n] column of the middle wall's centre");
    arrays.put("door_y", "int32 [n] row of the door's centre");
    arrays.put("through_door", "uint8 [n] 1 when the trajectory was built to pass the door");
    if (spec.observationSize() > 0) {
      arrays.put("observations", "uint8 [n, T+1, 2, R, R] rendered frames, R = "
          + spec.observationSize() + ": channel 0 the dot, channel 1 the walls; row = y,"
          + " column = x");
    }
    ArrayNode list = root.putArray("shards");
    for (ShardInfo s : shards) {
      list.add(JSON.valueToTree(s));
    }
    ObjectNode created = root.putObject("created");
    String version = DatasetManifest.class.getPackage().getImplementationVersion();
    created.put("craik_version", version == null ? "dev" : version);
    created.put("commit", System.getProperty("craik.commit", "unknown"));
    created.put("java_version", System.getProperty("java.version"));
    created.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    created.put("threads", threads);
    created.put("created_at", Instant.now().toString());
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + FILE, e);
    }
  }

  /**
   * Reads a {@code dataset.json} or {@code progress.json}; a file of another format or version, or
   * one that does not parse, gives a {@link DatasetException} naming it.
   */
  public static DatasetManifest read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new DatasetException("cannot read " + file + ": " + firstLine(e.getMessage()));
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new DatasetException(file + " is not a Craik Two Rooms dataset description (format"
          + " is not '" + FORMAT + "')");
    }
    int version = root.path("format_version").asInt(-1);
    if (version != VERSION) {
      throw new DatasetException(file + " has format_version " + version + "; this Craik reads"
          + " version " + VERSION + " only: regenerate the dataset or update Craik");
    }
    try {
      ObjectNode gen = ((ObjectNode) root.get("generator")).deepCopy();
      gen.remove(List.of("collision", "streams"));
      DatasetSpec spec = JSON.treeToValue(gen, DatasetSpec.class);
      List<ShardInfo> shards = new ArrayList<>();
      for (JsonNode s : root.withArray("shards")) {
        shards.add(JSON.treeToValue(s, ShardInfo.class));
      }
      return new DatasetManifest(spec, shards, root.path("complete").asBoolean(false));
    } catch (IOException | RuntimeException e) {
      throw new DatasetException(file + " has an unreadable generator or shards section: "
          + firstLine(e.getMessage()));
    }
  }

  /** The generator section's differences, as "key: saved -> new", or null when equal. */
  static String difference(DatasetSpec saved, DatasetSpec wanted) {
    TypeReference<Map<String, Object>> type = new TypeReference<>() {};
    Map<String, Object> a = JSON.convertValue(saved, type);
    Map<String, Object> b = JSON.convertValue(wanted, type);
    for (String k : a.keySet()) {
      if (!java.util.Objects.equals(a.get(k), b.get(k))) {
        return k + ": " + a.get(k) + " -> " + b.get(k);
      }
    }
    return null;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
