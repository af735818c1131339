package ai.craik.run;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training checkpoint: the step reached, small metadata (JSON) and named arrays (parameters,
 * optimizer moments, sampler buffers).
 *
 * <p>File layout (big-endian): magic {@code CRAIKCKP} (8 bytes), format version (int), payload length
 * (long), SHA-256 of the payload (32 bytes), then the payload: metadata length (int), metadata as
 * UTF-8 JSON, and the arrays in DJL's {@link NDList#encode()} format. Reading checks every part and
 * names the file in a one-line {@link CheckpointException}; a damaged checkpoint is never skipped.
 */
public record Checkpoint(long step, Map<String, Object> meta, NDList arrays) {
  /** The format version this Craik writes. */
  public static final int VERSION = 1;

  private static final byte[] MAGIC = "CRAIKCKP".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + 4 + 8 + 32;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Serializes the checkpoint. */
  public byte[] encode() {
    try {
      Map<String, Object> m = new LinkedHashMap<>(meta);
      m.put("step", step);
      byte[] metaBytes = JSON.writeValueAsBytes(m);
      ByteArrayOutputStream payload = new ByteArrayOutputStream();
      DataOutputStream p = new DataOutputStream(payload);
      p.writeInt(metaBytes.length);
      p.write(metaBytes);
      p.write(arrays.encode());
      p.flush();
      byte[] body = payload.toByteArray();
      ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER + body.length);
      DataOutputStream o = new DataOutputStream(out);
      o.write(MAGIC);
      o.writeInt(VERSION);
      o.writeLong(body.length);
      o.write(sha256(body));
      o.write(body);
      o.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode checkpoint", e);
    }
  }

  /** Writes the checkpoint atomically to {@code file}. */
  public void write(Path file) throws IOException {
    AtomicFiles.write(file, encode());
  }

  /** Reads and checks {@code file}; the arrays are created in {@code manager}. */
  public static Checkpoint read(Path file, NDManager manager) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CheckpointException("cannot read checkpoint " + file + ": " + e.getMessage());
    }
    String fix = "; delete it to resume from an earlier checkpoint, or rerun with --force to start over";
    if (bytes.length < HEADER || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new CheckpointException("checkpoint " + file + " is not a Craik checkpoint"
          + (bytes.length < HEADER ? " (only " + bytes.length + " bytes; truncated?)" : "") + fix);
    }
    ByteBuffer header = ByteBuffer.wrap(bytes, MAGIC.length, HEADER - MAGIC.length);
    int version = header.getInt();
    if (version < 1 || version > VERSION) {
      throw new CheckpointException("checkpoint " + file + " has format version " + version
          + "; this Craik reads versions 1.." + VERSION);
    }
    long length = header.getLong();
    if (length != bytes.length - HEADER) {
      throw new CheckpointException("checkpoint " + file + " is truncated: expected "
          + (HEADER + length) + " bytes, found " + bytes.length + fix);
    }
    byte[] expected = new byte[32];
    header.get(expected);
    byte[] body = Arrays.copyOfRange(bytes, HEADER, bytes.length);
    if (!MessageDigest.isEqual(expected, sha256(body))) {
      throw new CheckpointException("checkpoint " + file + " is corrupt (checksum mismatch)" + fix);
    }
    ByteBuffer p = ByteBuffer.wrap(body);
    int metaLength = p.getInt();
    try {
      Map<String, Object> meta = JSON.readValue(body, 4, metaLength, new TypeReference<>() {});
      long step = ((Number) meta.remove("step")).longValue();
      NDList arrays = NDList.decode(manager,
          Arrays.copyOfRange(body, 4 + metaLength, body.length));
      return new Checkpoint(step, meta, arrays);
    } catch (IOException | RuntimeException e) {
      throw new CheckpointException("checkpoint " + file + " has a valid checksum but unreadable"
          + " contents (" + e.getMessage() + ")" + fix);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
