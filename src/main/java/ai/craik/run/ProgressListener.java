package ai.craik.run;

/**
 * Receives progress of long work; the library reports, only the command line prints. A terminal
 * gets a progress bar, a pipe or CI log gets periodic plain lines.
 */
public interface ProgressListener extends AutoCloseable {
  /** Starts a phase of {@code total} steps, beginning at {@code start} (non-zero after a resume). */
  void start(String phase, long total, long start);

  /**
   * {@link #start(String, long, long)} for work counted in {@code unit}s (e.g. {@code episode});
   * listeners that print use the word. The default ignores it.
   */
  default void start(String phase, long total, long start, String unit) {
    start(phase, total, start);
  }

  /** Reports that {@code step} steps are done; {@code status} is a short key metric text. */
  void update(long step, String status);

  /** Ends the current phase. */
  @Override
  void close();

  /** A listener that ignores everything (tests, library use). */
  static ProgressListener silent() {
    return new ProgressListener() {
      @Override
      public void start(String phase, long total, long start) {}

      @Override
      public void update(long step, String status) {}

      @Override
      public void close() {}
    };
  }
}
