package ai.craik.config;

/**
 * A config value out of its allowed range, thrown by a config record's compact constructor with the
 * record-local {@code key}; {@link ConfigLoader} adds the section path so that the final message
 * names the full key (for example {@code train.steps}) and how to fix it.
 */
public final class ConfigValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String key;
  private final transient Object value;
  private final String allowed;

  /** {@code key} is the record component's YAML name; {@code allowed} says what would be accepted. */
  public ConfigValueException(String key, Object value, String allowed) {
    super(key + "=" + value + " is not allowed: " + allowed);
    this.key = key;
    this.value = value;
    this.allowed = allowed;
  }

  /** The record-local YAML key. */
  public String key() {
    return key;
  }

  /** The rejected value. */
  public Object value() {
    return value;
  }

  /** What would be accepted, in words. */
  public String allowed() {
    return allowed;
  }
}
