package ai.craik.cli;

import ai.craik.lab.EightGaussiansProblem;
import ai.craik.lab.EllipseProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code craik ebm <problem>}: the energy-based model lab. */
@Command(name = "ebm", mixinStandardHelpOptions = true,
    description = "The energy-based model lab: train, evaluate and draw toy EBM problems.",
    subcommandsRepeatable = false)
final class EbmCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "ellipse", mixinStandardHelpOptions = true,
      description = "Latent-variable EBM on an ellipse: free energies at zero and finite"
          + " temperature, learning the axes by free-energy minimization.")
  int ellipse(@Mixin RunOptions options) {
    return LabRunner.run("ebm", new EllipseProblem(), options, spec.commandLine().getOut());
  }

  @Command(name = "eight-gaussians", mixinStandardHelpOptions = true,
      description = "Unconditional MLP energy on eight Gaussians, learned by contrastive"
          + " divergence with Langevin negatives (persistent chains by default).")
  int eightGaussians(@Mixin RunOptions options) {
    return LabRunner.run("ebm", new EightGaussiansProblem(), options, spec.commandLine().getOut());
  }
}
