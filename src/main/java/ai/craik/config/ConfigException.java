package ai.craik.config;

/** A configuration the user must fix; the message is one line naming the key, the value and the fix. */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A config error with a one-line message. */
  public ConfigException(String message) {
    super(message);
  }
}
