package ai.craik.config;

/**
 * A validated config record and its fully resolved YAML text (defaults, preset file and every
 * {@code --set} applied), which is what a run folder's {@code config.yaml} holds.
 */
public record ResolvedConfig<T>(T value, String yaml) {}
