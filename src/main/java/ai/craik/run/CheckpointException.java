package ai.craik.run;

/** A checkpoint that cannot be used: corrupt, truncated, of an unknown format, or not a checkpoint. */
public final class CheckpointException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One-line message naming the file and what to do. */
  public CheckpointException(String message) {
    super(message);
  }
}
