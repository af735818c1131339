/**
 * The {@code craik} command line (app layer): {@link ai.craik.cli.Main} and its picocli commands.
 * Only this package prints; usage errors exit 2 and failed runs exit 1, each with one line.
 */
package ai.craik.cli;
