package ai.craik.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
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

/**
 * Appends one JSON object per logged step to {@code metrics.jsonl}; each line is flushed at once.
 *
 * <p>Rows carry a {@code phase} (e.g. {@code train}) and a {@code step}. On resume from a checkpoint
 * of a phase at step k, {@link #truncate} drops that phase's rows logged after k (by the interrupted
 * run, past its last checkpoint), so a resumed run's file equals an uninterrupted run's.
 */
public final class MetricsLog implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private BufferedWriter out;

  private MetricsLog(Path file) {
    this.file = file;
    this.out = openAppend(file);
  }

  /** Opens {@code file} for appending (created if absent). */
  public static MetricsLog open(Path file) {
    return new MetricsLog(file);
  }

  /** Drops rows of {@code phase} whose step is above {@code keepThroughStep} (-1 drops all). */
  public void truncate(String phase, long keepThroughStep) {
    try {
      out.close();
      List<String> kept = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row;
        try {
          row = JSON.readTree(line);
        } catch (IOException e) {
          continue; // a line cut by an interruption is dropped
        }
        boolean samePhase = phase.equals(row.path("phase").asText());
        if (!samePhase || row.path("step").asLong(Long.MAX_VALUE) <= keepThroughStep) {
          kept.add(line);
        }
      }
      AtomicFiles.writeString(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
      out = openAppend(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite metrics log " + file, e);
    }
  }

  private static BufferedWriter openAppend(Path file) {
    try {
      return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open metrics log " + file, e);
    }
  }

  /** Writes {@code {"phase": phase, "step": step, ...values}} as one line. */
  public void log(String phase, long step, Map<String, ?> values) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("phase", phase);
    row.put("step", step);
    row.putAll(values);
    try {
      out.write(JSON.writeValueAsString(row));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write metrics", e);
    }
  }

  /** Reads every row of a metrics file (for reports and tests). */
  public static List<Map<String, Object>> read(Path file) {
    try {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          rows.add(JSON.readValue(line, new com.fasterxml.jackson.core.type.TypeReference<>() {}));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read metrics " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
