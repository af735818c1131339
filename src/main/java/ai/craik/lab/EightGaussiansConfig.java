package ai.craik.lab;

import ai.craik.config.ConfigChecks;
import ai.craik.config.ConfigValueException;
import ai.craik.ebm.ContrastiveDivergenceConfig;
import ai.craik.ebm.ContrastiveLosses;
import ai.craik.ebm.LangevinConfig;
import ai.craik.nn.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of {@code craik ebm eight-gaussians}; YAML preset
 * {@code configs/ebm/eight-gaussians.yaml}.
 */
public record EightGaussiansConfig(Data data, Model model, Cd cd, Train train, Eval eval) {

  /**
   * The data: {@code modes} Gaussians of standard deviation {@code std} centred on a circle of
   * radius {@code radius}, with equal weights; every square in the problem (uniform chain starts,
   * the Langevin clamp, the heat maps, the uniform points of the sanity check) is
   * [-box, box]^2.
   */
  public record Data(int modes, double radius, double std, double box) {
    public Data {
      ConfigChecks.inRange("modes", modes, 1, 64);
      ConfigChecks.positive("radius", radius);
      ConfigChecks.positive("std", std);
      ConfigChecks.positive("box", box);
      if (box <= radius + std) {
        throw new ConfigValueException("box", box,
            "must exceed radius + std = " + (radius + std) + " so the modes lie inside the box");
      }
    }
  }

  /** The energy E(y) = MLP(y): widths [2, hidden..., 1]. */
  public record Model(List<Integer> hidden, String activation) {
    public Model {
      ConfigChecks.nonEmpty("hidden", hidden);
      for (int h : hidden) {
        ConfigChecks.inRange("hidden", h, 1, 4096);
      }
      ConfigChecks.oneOf("activation", activation, List.of("silu", "tanh", "softplus", "relu"));
    }

    /** The MLP widths [2, hidden..., 1]. */
    public int[] widths() {
      List<Integer> w = new ArrayList<>();
      w.add(2);
      w.addAll(hidden);
      w.add(1);
      return w.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The parsed activation. */
    public Activation act() {
      return Activation.parse(activation);
    }
  }

  /**
   * Negative samples: {@code mode} cd (chains start at the data batch) or pcd (persistent chains,
   * restarted uniform in the box with probability {@code reinit_fraction}), each running
   * {@code langevin_steps} steps y &lt;- clamp(y - (step_size/2) grad E + sqrt(step_size)
   * noise_scale xi) with the gradient norm clipped to {@code grad_clip} (0 for none).
   */
  public record Cd(String mode, int langevinSteps, double stepSize, double noiseScale,
      double gradClip, int bufferSize, double reinitFraction) {
    public Cd {
      ConfigChecks.oneOf("mode", mode, ContrastiveDivergenceConfig.MODES);
      ConfigChecks.inRange("langevin_steps", langevinSteps, 0, 10_000);
      ConfigChecks.positive("step_size", stepSize);
      ConfigChecks.nonNegative("noise_scale", noiseScale);
      ConfigChecks.nonNegative("grad_clip", gradClip);
      ConfigChecks.atLeast("buffer_size", bufferSize, 1);
      ConfigChecks.inRange("reinit_fraction", reinitFraction, 0.0, 1.0);
    }

    /** The Langevin settings for {@code steps} steps, clamped to [-box, box]. */
    public LangevinConfig langevin(int steps, double box) {
      return LangevinConfig.of(steps, stepSize, noiseScale).withGradClip(gradClip)
          .withClamp(-box, box);
    }

    /** The sampler settings, with chains clamped to and restarted in [-box, box]^2. */
    public ContrastiveDivergenceConfig sampler(double box) {
      LangevinConfig l = langevin(langevinSteps, box);
      return mode.equals("pcd")
          ? ContrastiveDivergenceConfig.pcd(l, bufferSize, reinitFraction, -box, box)
          : ContrastiveDivergenceConfig.cd(l);
    }
  }

  /**
   * Learning by contrastive divergence. {@code loss} is {@code ml} (the maximum-likelihood
   * surrogate mean E(data) - mean E(negatives)) or a name of {@link ContrastiveLosses} with
   * {@code loss_parameter} as its margin, gamma, beta or temperature; every loss adds
   * {@code energy_l2} * (mean E+^2 + mean E-^2).
   */
  public record Train(int steps, int batch, double learningRate, String loss, double lossParameter,
      double energyL2, double clipNorm, int logEvery, int checkpointEvery) {
    /** The accepted losses: {@code ml} and the contrastive losses that use one negative per row. */
    public static final List<String> LOSSES = List.of("ml", "hinge", "log", "square-square",
        "square-exponential", "nll");

    public Train {
      ConfigChecks.atLeast("steps", steps, 0);
      ConfigChecks.inRange("batch", batch, 1, 65_536);
      ConfigChecks.positive("learning_rate", learningRate);
      ConfigChecks.oneOf("loss", loss, LOSSES);
      ConfigChecks.positive("loss_parameter", lossParameter);
      ConfigChecks.nonNegative("energy_l2", energyL2);
      ConfigChecks.nonNegative("clip_norm", clipNorm);
      ConfigChecks.atLeast("log_every", logEvery, 1);
      ConfigChecks.atLeast("checkpoint_every", checkpointEvery, 1);
    }
  }

  /**
   * Evaluation: {@code pairs} (held-out data point, uniform point) pairs for the sanity fraction;
   * {@code chains} Langevin chains started uniform in the box and run {@code chain_steps} steps; a
   * sample is near a mode within {@code mode_radius} standard deviations, and a mode counts as
   * covered when at least {@code min_mode_fraction} of the chains end near it; heat maps of
   * {@code grid} x {@code grid} cells; {@code shown_points} points of each set on the figures.
   */
  public record Eval(int pairs, int chains, int chainSteps, double modeRadius,
      double minModeFraction, int grid, int shownPoints) {
    public Eval {
      ConfigChecks.inRange("pairs", pairs, 1, 1_000_000);
      ConfigChecks.inRange("chains", chains, 1, 100_000);
      ConfigChecks.inRange("chain_steps", chainSteps, 0, 100_000);
      ConfigChecks.positive("mode_radius", modeRadius);
      ConfigChecks.inRange("min_mode_fraction", minModeFraction, 0.0, 1.0);
      ConfigChecks.inRange("grid", grid, 8, 1000);
      ConfigChecks.inRange("shown_points", shownPoints, 1, 100_000);
    }
  }

  /** Checks across sections. */
  public EightGaussiansConfig {
    if (cd.mode().equals("pcd") && cd.bufferSize() < train.batch()) {
      throw new ConfigValueException("cd.buffer_size", cd.bufferSize(),
          "must be at least train.batch = " + train.batch());
    }
  }
}
