package ai.craik.run;

/** A run folder that cannot be used as asked; the message names the folder and the fix. */
public final class RunDirException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One-line message. */
  public RunDirException(String message) {
    super(message);
  }
}
