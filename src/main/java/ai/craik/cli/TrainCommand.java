package ai.craik.cli;

import ai.craik.lab.ImageJepaJob;
import ai.craik.lab.VideoJepaJob;
import ai.craik.lab.WorldModelJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code craik train <model>}: training commands. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train models: world-model (a JEPA world model of Two Rooms), image-jepa"
        + " (self-supervised image representations), video-jepa (predicting the next frame's"
        + " representation).")
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

  @Command(name = "image-jepa", mixinStandardHelpOptions = true,
      description = "Self-supervised representation learning on images (two augmented views,"
          + " one encoder, a joint-embedding loss), evaluated by a linear probe and k-NN on the"
          + " test split against the randomly initialized encoder; preset"
          + " configs/image-jepa.yaml (configs/image-jepa-mnist.yaml with --data mnist:DIR).")
  int imageJepa(@Mixin RunOptions options,
      @Option(names = "--data", paramLabel = "DATA", description = "shapes (generated, the"
          + " default), mnist:DIR (the four MNIST IDX files, plain or .gz) or cifar10:DIR (the"
          + " CIFAR-10 binary batches); sets data.source.") String data,
      @Option(names = "--loss", paramLabel = "LOSS", description = "vicreg (default),"
          + " barlow-twins, sigreg or infonce; sets loss.name.") String loss) {
    if (data != null) {
      options.overrides.add(0, "data.source=" + data);
    }
    if (loss != null) {
      options.overrides.add(0, "loss.name=" + loss);
    }
    return LabRunner.run("train", ImageJepaJob.forData(data), options,
        spec.commandLine().getOut());
  }

  @Command(name = "video-jepa", mixinStandardHelpOptions = true,
      description = "A video JEPA: predict the next frame's spatial representation from the last"
          + " two, evaluated by detection AP per prediction horizon against \"nothing moves\";"
          + " preset configs/video-jepa.yaml.")
  int videoJepa(@Mixin RunOptions options,
      @Option(names = "--data", paramLabel = "DATA", description = "moving-shapes (generated,"
          + " the default), moving-digits:DIR (Moving MNIST from the MNIST files in DIR) or"
          + " moving-digits (the same with generated shape sprites); sets data.source.")
      String data) {
    if (data != null) {
      options.overrides.add(0, "data.source=" + data);
    }
    return LabRunner.run("train", new VideoJepaJob(), options, spec.commandLine().getOut());
  }
}
