package ai.craik.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code craik env <environment>}: look at an environment (figures of layouts, play, tasks). */
@Command(name = "env", mixinStandardHelpOptions = true,
    description = "Draw an environment: sample layouts, trajectories of random play and planning"
        + " tasks, from its real observations.",
    subcommands = {EnvTwoRoomsCommand.class})
final class EnvCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
