package ai.craik.data;

/**
 * A dataset that cannot be used or written as asked: a damaged or missing shard, an unknown format
 * version, a folder that already holds another dataset. The message is one line naming the file
 * and the fix.
 */
public final class DatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One-line message naming the file and what to do. */
  public DatasetException(String message) {
    super(message);
  }
}
