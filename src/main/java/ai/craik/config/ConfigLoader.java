package ai.craik.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads a typed config: the built-in preset (a YAML resource under {@code configs/}), then an
 * optional user YAML file merged over it, then {@code --set a.b=c} overrides, then strict binding to
 * a record. YAML keys are the record components' names in snake_case.
 *
 * <p>Rejected, each with a one-line {@link ConfigException} naming the full key: unknown keys (with
 * the closest known key suggested), wrong types (a string where a number is expected; no silent
 * coercion), missing keys, and values out of range (the records' own checks, see
 * {@link ConfigChecks}), and unknown or missing {@code type} keys of sections that select an
 * implementation (Jackson {@code @JsonTypeInfo} with property {@code type}; the message lists the
 * {@code @JsonSubTypes} names). A section whose {@code type} changes in an overlay is replaced, not
 * merged, so keys of the preset's implementation do not leak into another one.
 *
 * <p>A preset or a user file may begin with {@code defaults: [name, ...]} (as in Hydra): built-in
 * overlay presets merged in that order before the file's own keys, e.g. the random and the fixed
 * Two Rooms presets both start from {@code defaults: [two-rooms-walls]}.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = newMapper();

  private ConfigLoader() {}

  /** The mapper used for configs (snake_case keys, strict). Also writes the resolved YAML. */
  public static ObjectMapper mapper() {
    return YAML;
  }

  /**
   * Loads and validates a config.
   *
   * @param type the config record
   * @param preset resource name under {@code configs/}, e.g. {@code ebm/ellipse} for
   *     {@code configs/ebm/ellipse.yaml}
   * @param file an optional user YAML file merged over the preset (null for none)
   * @param overrides {@code key.path=value} strings; values are parsed as YAML scalars or lists
   */
  public static <T> ResolvedConfig<T> load(
      Class<T> type, String preset, Path file, List<String> overrides) {
    ObjectNode tree = readPreset(preset);
    if (file != null) {
      merge(tree, readFile(file));
    }
    for (String override : overrides) {
      applyOverride(tree, override);
    }
    return bind(type, tree);
  }

  /**
   * Loads and validates a config: the preset, then the user file (or none), then {@code section}
   * of the tree replaced by the preset's section with the YAML file {@code sectionFile} merged over
   * it (e.g. a task file into {@code task}), then the overrides.
   */
  public static <T> ResolvedConfig<T> loadWithSection(Class<T> type, String preset, Path file,
      String section, Path sectionFile, List<String> overrides) {
    ObjectNode tree = readPreset(preset);
    if (file != null) {
      merge(tree, readFile(file));
    }
    if (sectionFile != null) {
      ObjectNode part = tree.get(section) instanceof ObjectNode o ? o : YAML.createObjectNode();
      merge(part, readFile(sectionFile));
      tree.set(section, part);
    }
    for (String override : overrides) {
      applyOverride(tree, override);
    }
    return bind(type, tree);
  }

  /**
   * Loads and validates a config whose overlay is already parsed (e.g. a run folder's saved
   * {@code config.yaml} without its {@code command} and {@code seed} lines): the preset, then
   * {@code overlay} merged over it, then the overrides.
   */
  public static <T> ResolvedConfig<T> loadWithOverlay(
      Class<T> type, String preset, ObjectNode overlay, List<String> overrides) {
    ObjectNode tree = readPreset(preset);
    if (overlay != null) {
      merge(tree, overlay.deepCopy());
    }
    for (String override : overrides) {
      applyOverride(tree, override);
    }
    return bind(type, tree);
  }

  /** Binds a YAML tree to {@code type}, translating Jackson's errors into one-line messages. */
  public static <T> ResolvedConfig<T> bind(Class<T> type, ObjectNode tree) {
    T value;
    try {
      value = YAML.treeToValue(tree, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw explain(e, tree);
    }
    try {
      return new ResolvedConfig<>(value, YAML.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write config " + type.getSimpleName(), e);
    }
  }

  /** Parses YAML text into an object tree; errors name {@code source}. */
  public static ObjectNode parse(String yaml, String source) {
    try {
      JsonNode node = YAML.readTree(yaml);
      if (node == null || node.isMissingNode() || node.isNull()) {
        return YAML.createObjectNode();
      }
      if (!node.isObject()) {
        throw new ConfigException(source + " must hold a YAML mapping (key: value lines), not "
            + node.getNodeType().toString().toLowerCase());
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      throw new ConfigException(source + " is not valid YAML: " + firstLine(e.getOriginalMessage())
          + locationOf(e));
    }
  }

  /**
   * A built-in preset as a tree; {@code a+b} is preset a with the overlay preset b merged over it
   * (e.g. {@code two-rooms-quick+two-rooms-random}: an overlay such as
   * {@code configs/two-rooms-random.yaml} holds only the keys it changes).
   */
  private static ObjectNode readPreset(String preset) {
    int plus = preset.indexOf('+');
    if (plus > 0) {
      ObjectNode base = readPreset(preset.substring(0, plus));
      merge(base, readPreset(preset.substring(plus + 1)));
      return base;
    }
    ObjectNode tree = readResource(preset, 0);
    Checks.verify(tree != null, "built-in preset configs/%s.yaml is missing from the jar", preset);
    return tree;
  }

  /** The built-in preset {@code name} with its defaults resolved, or null if there is none. */
  private static ObjectNode readResource(String name, int depth) {
    String resource = "configs/" + name + ".yaml";
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      return withDefaults(parse(new String(in.readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8), resource), resource, depth);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in preset " + resource, e);
    }
  }

  /**
   * A YAML file as a tree. A run folder's saved {@code config.yaml} may be passed as a config file:
   * its provenance lines {@code command} and {@code seed} (present together only there) are
   * dropped, the seed coming from {@code --seed} as always (a resumed run whose seed differs is
   * refused by the run folder's config check).
   */
  private static ObjectNode readFile(Path file) {
    try {
      ObjectNode tree = parse(Files.readString(file), "config file " + file);
      if (tree.has("command") && tree.has("seed")) {
        tree.remove(List.of("command", "seed"));
      }
      return withDefaults(tree, "config file " + file, 0);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file " + file + " does not exist; check the --config path");
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
  }

  /**
   * {@code tree} with its {@code defaults} list resolved: the named built-in presets merged in
   * order, then the rest of {@code tree} over them. A tree without the key is returned as is.
   */
  private static ObjectNode withDefaults(ObjectNode tree, String source, int depth) {
    JsonNode names = tree.remove("defaults");
    if (names == null) {
      return tree;
    }
    if (depth > 8) {
      throw new ConfigException(source + ": 'defaults' nest more than 8 deep; check for a preset"
          + " that lists itself");
    }
    List<String> list = new java.util.ArrayList<>();
    if (names.isTextual()) {
      list.add(names.asText());
    } else if (names.isArray()) {
      names.forEach(n -> list.add(n.isTextual() ? n.asText() : null));
    }
    if (list.isEmpty() || list.contains(null)) {
      throw new ConfigException(source + ": 'defaults' must be a list of built-in preset names,"
          + " e.g. defaults: [two-rooms-walls], got " + names);
    }
    ObjectNode base = YAML.createObjectNode();
    for (String name : list) {
      ObjectNode preset = readResource(name, depth + 1);
      if (preset == null) {
        throw new ConfigException(source + ": 'defaults' names " + name + ", which is not a"
            + " built-in preset (no configs/" + name + ".yaml in the jar); check the name");
      }
      merge(base, preset);
    }
    merge(base, tree);
    return base;
  }

  /**
   * Deep-merges {@code overlay} into {@code base}: mappings merge, anything else replaces, and a
   * mapping whose {@code type} differs from the base's replaces it whole.
   */
  static void merge(ObjectNode base, ObjectNode overlay) {
    Iterator<Map.Entry<String, JsonNode>> it = overlay.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = base.get(e.getKey());
      if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode vo
          && !(vo.has("type") && !vo.get("type").equals(eo.get("type")))) {
        merge(eo, vo);
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
  }

  /** Applies one {@code a.b.c=value} override to the tree. */
  static void applyOverride(ObjectNode tree, String override) {
    int eq = override.indexOf('=');
    if (eq <= 0 || eq == override.length() - 1) {
      throw new ConfigException("--set '" + override + "' must look like key=value,"
          + " e.g. --set train.steps=100");
    }
    String key = override.substring(0, eq).trim();
    String text = override.substring(eq + 1).trim();
    JsonNode value;
    try {
      value = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException("--set " + key + ": value '" + text + "' is not valid YAML");
    }
    String[] parts = key.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (child == null) {
        child = node.putObject(parts[i]);
      } else if (!child.isObject()) {
        throw new ConfigException("--set " + key + ": '" + String.join(".",
            java.util.Arrays.copyOf(parts, i + 1)) + "' is a value, not a section");
      }
      node = (ObjectNode) child;
    }
    node.set(parts[parts.length - 1], value);
  }

  private static ConfigException explain(Exception e, ObjectNode tree) {
    if (e instanceof InvalidTypeIdException t) {
      String key = qualify(join(t.getPath()), "type");
      JsonSubTypes subtypes = t.getBaseType() == null ? null
          : t.getBaseType().getRawClass().getAnnotation(JsonSubTypes.class);
      List<String> names = subtypes == null ? List.of()
          : java.util.Arrays.stream(subtypes.value()).map(JsonSubTypes.Type::name).toList();
      return new ConfigException(t.getTypeId() == null
          ? "config key '" + key + "' is missing; add it (one of " + names + ")"
          : "unknown " + key + " '" + t.getTypeId() + "'; use one of " + names);
    }
    if (e instanceof UnrecognizedPropertyException u) {
      String key = join(u.getPath());
      List<String> known = u.getKnownPropertyIds() == null ? List.of()
          : u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
      String section = parentOf(key);
      String hint = closest(u.getPropertyName(), known);
      return new ConfigException("unknown config key '" + key + "'"
          + (hint == null ? "" : "; did you mean '" + qualify(section, hint) + "'?")
          + (known.isEmpty() ? " ('" + section + "' takes no other keys here)"
              : " (keys" + (section.isEmpty() ? "" : " in '" + section + "'") + ": "
                  + String.join(", ", known) + ")"));
    }
    if (e instanceof ValueInstantiationException v) {
      Throwable cause = v.getCause();
      String section = join(v.getPath());
      if (cause instanceof ConfigValueException c) {
        String key = qualify(section, c.key());
        return new ConfigException("config key '" + key + "'=" + c.value() + " is not allowed: "
            + c.allowed() + "; fix it in the YAML or with --set " + key + "=...");
      }
      if (cause != null) {
        return new ConfigException("config" + (section.isEmpty() ? "" : " section '" + section + "'")
            + ": " + cause.getMessage());
      }
    }
    if (e instanceof MismatchedInputException m) {
      String key = join(m.getPath());
      JsonNode given = at(tree, m.getPath());
      if (given == null || given.isNull()) {
        return new ConfigException("config key '" + key + "' is missing; add it to the YAML or use"
            + " --set " + key + "=...");
      }
      String found = e instanceof InvalidFormatException f ? String.valueOf(f.getValue())
          : given.isValueNode() ? given.asText() : given.toString();
      return new ConfigException("config key '" + key + "' expects " + describe(m.getTargetType())
          + ", got " + found);
    }
    if (e instanceof JsonMappingException j) {
      return new ConfigException("config key '" + join(j.getPath()) + "': "
          + firstLine(j.getOriginalMessage()));
    }
    return new ConfigException("invalid config: " + firstLine(e.getMessage()));
  }

  private static JsonNode at(JsonNode tree, List<JsonMappingException.Reference> path) {
    JsonNode node = tree;
    for (JsonMappingException.Reference r : path) {
      if (node == null) {
        return null;
      }
      node = r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
    }
    return node;
  }

  private static String describe(Class<?> t) {
    if (t == null) {
      return "another type";
    }
    if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
      return "an integer";
    }
    if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
      return "a number";
    }
    if (t == boolean.class || t == Boolean.class) {
      return "true or false";
    }
    if (t == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(t) || t.isArray()) {
      return "a list";
    }
    if (t.isRecord()) {
      return "a section (key: value lines)";
    }
    return "a " + t.getSimpleName();
  }

  private static String join(List<JsonMappingException.Reference> path) {
    return path.stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  private static String parentOf(String key) {
    int dot = key.lastIndexOf('.');
    return dot < 0 ? "" : key.substring(0, dot);
  }

  private static String qualify(String section, String key) {
    return section.isEmpty() ? key : section + "." + key;
  }

  /**
   * The known key closest to {@code name}: one edit away (a typo); else the shortest known key
   * ending in "_" + name (a key that gained a prefix, as {@code wall} became {@code oracle_wall});
   * else the closest by edit distance if close enough to be a typo; else null.
   */
  static String closest(String name, List<String> known) {
    String typo = closestByEdits(name, known);
    if (typo != null && editDistance(name, typo) <= 1) {
      return typo;
    }
    return known.stream().filter(k -> k.endsWith("_" + name))
        .min(java.util.Comparator.comparingInt(String::length)).orElse(typo);
  }

  /** The known key closest to {@code name} by edit distance, if close enough to be a typo. */
  private static String closestByEdits(String name, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = editDistance(name, k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best != null && bestDistance <= Math.max(2, name.length() / 3) ? best : null;
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private static ObjectMapper newMapper() {
    ObjectMapper m = JsonMapper.builder(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)) // write "type: x", not "!<x>"
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
    m.coercionConfigDefaults()
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    return m;
  }

}
