package ai.craik.lab;

import ai.craik.run.AtomicFiles;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finished episodes of a run, one JSON object per line, grouped by a label (a mode, a variant) and
 * keyed by the episode index: what makes an interrupted evaluation resume with the same numbers. A
 * fresh (not resumed) run starts the file over; a line cut by an interruption is dropped, so that
 * episode runs again.
 */
final class EpisodeLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<String, Map<Integer, Map<String, Object>>> rows = new LinkedHashMap<>();

  /** The log in {@code file}: read back when {@code resumed}, else started over. */
  EpisodeLog(Path file, boolean resumed) {
    this.file = file;
    try {
      if (!resumed || !Files.exists(file)) {
        Files.deleteIfExists(file);
        return;
      }
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          Map<String, Object> row = JSON.readValue(line, new TypeReference<>() {});
          if (row.get("group") instanceof String g && row.get("episode") instanceof Number n) {
            group(g).put(n.intValue(), row);
          }
        } catch (IOException e) {
          // a line cut by an interruption: that episode runs again
        }
      }
      rewrite();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The rows of {@code group} by episode (a live view). */
  Map<Integer, Map<String, Object>> group(String group) {
    return rows.computeIfAbsent(group, k -> new TreeMap<>());
  }

  /** The rows of {@code group} with episode below {@code count}, in episode order. */
  List<Map<String, Object>> rows(String group, int count) {
    List<Map<String, Object>> out = new ArrayList<>();
    group(group).forEach((i, r) -> {
      if (i < count) {
        out.add(r);
      }
    });
    return out;
  }

  /** Forgets the rows of {@code group} from episode {@code from} on (and rewrites the file). */
  void truncate(String group, int from) {
    if (group(group).keySet().removeIf(i -> i >= from)) {
      rewrite();
    }
  }

  /** Appends {@code row} (with its "group" and "episode" keys) to the file and the log. */
  void append(Map<String, Object> row) {
    group((String) row.get("group")).put(((Number) row.get("episode")).intValue(), row);
    try {
      Files.writeString(file, JSON.writeValueAsString(row) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  private void rewrite() {
    try {
      StringBuilder b = new StringBuilder();
      for (Map<Integer, Map<String, Object>> g : rows.values()) {
        for (Map<String, Object> r : g.values()) {
          b.append(JSON.writeValueAsString(r)).append('\n');
        }
      }
      AtomicFiles.writeString(file, b.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
