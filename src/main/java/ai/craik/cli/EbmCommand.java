package ai.craik.cli;

import ai.craik.lab.EightGaussiansProblem;
import ai.craik.lab.EllipseProblem;
import ai.craik.lab.HornProblem;
import ai.craik.lab.SparseCodingProblem;
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

  @Command(name = "sparse-coding", mixinStandardHelpOptions = true,
      description = "Sparse coding with ISTA: the sparsity / reconstruction trade-off over lambda,"
          + " dictionary learning from a random start, and the collapse of an unregularized"
          + " latent in 2-D.")
  int sparseCoding(@Mixin RunOptions options) {
    return LabRunner.run("ebm", new SparseCodingProblem(), options, spec.commandLine().getOut());
  }

  @Command(name = "horn", mixinStandardHelpOptions = true,
      description = "Conditional latent-variable EBM: y on a circle whose radius grows with x;"
          + " an MLP decoder g(x, z) learned by minimizing the zero-temperature free energy.")
  int horn(@Mixin RunOptions options) {
    return LabRunner.run("ebm", new HornProblem(), options, spec.commandLine().getOut());
  }

  @Command(name = "eight-gaussians", mixinStandardHelpOptions = true,
      description = "Unconditional MLP energy on eight Gaussians, learned by contrastive"
          + " divergence with Langevin negatives (persistent chains by default).")
  int eightGaussians(@Mixin RunOptions options) {
    return LabRunner.run("ebm", new EightGaussiansProblem(), options, spec.commandLine().getOut());
  }
}
