/**
 * Typed configuration and argument checks (base layer). Commands bind YAML presets from
 * {@code configs/}, a user file and {@code --set} overrides to immutable records with
 * {@link ai.craik.config.ConfigLoader}; records validate themselves with
 * {@link ai.craik.config.ConfigChecks}; every rejection is a one-line
 * {@link ai.craik.config.ConfigException} naming the full key. {@link ai.craik.config.Checks} holds
 * the argument, state and invariant checks used everywhere.
 */
package ai.craik.config;
