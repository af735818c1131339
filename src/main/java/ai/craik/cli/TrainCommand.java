package ai.craik.cli;

import ai.craik.lab.WorldModelJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code craik train <model>}: training commands. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train models: world-model (a JEPA world model of Two Rooms).")
final class TrainCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "world-model", mixinStandardHelpOptions = true,
      description = "Train a JEPA world model of Two Rooms from pixels of random play; built-in"
          + " preset configs/two-rooms-quick.yaml (use --config configs/two-rooms-paper.yaml for"
          + " the published setting).")
  int worldModel(@Mixin RunOptions options) {
    return LabRunner.run("train", new WorldModelJob(), options, spec.commandLine().getOut());
  }
}
