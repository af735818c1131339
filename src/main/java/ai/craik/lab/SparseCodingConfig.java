package ai.craik.lab;

import ai.craik.config.ConfigChecks;
import ai.craik.config.ConfigValueException;
import java.util.List;

/**
 * Settings of {@code craik ebm sparse-coding}; YAML preset {@code configs/ebm/sparse-coding.yaml}.
 *
 * @param data the ground-truth sparse generator of the signals
 * @param sweep the lambda sweep with the true dictionary (part 1)
 * @param learn dictionary learning from a random start (part 2)
 * @param collapse the 2-D latent-capacity demonstration (part 3)
 */
public record SparseCodingConfig(Data data, Sweep sweep, Learn learn, Collapse collapse) {

  /**
   * y = W* z* + noise ε: W* [Dy, Dz] with unit-norm Gaussian columns, z* with {@code nonzeros}
   * entries of random sign and magnitude uniform in [code_min, code_max], ε ~ N(0, noise² I).
   */
  public record Data(int signalDim, int codeDim, int nonzeros, double codeMin, double codeMax,
      double noise, int testSignals) {
    public Data {
      ConfigChecks.inRange("signal_dim", signalDim, 1, 4096);
      ConfigChecks.inRange("code_dim", codeDim, 1, 4096);
      ConfigChecks.inRange("nonzeros", nonzeros, 1, codeDim);
      ConfigChecks.positive("code_min", codeMin);
      ConfigChecks.positive("code_max", codeMax);
      if (codeMax < codeMin) {
        throw new ConfigValueException("code_max", codeMax,
            "must be >= code_min=" + codeMin + "; raise code_max or lower code_min");
      }
      ConfigChecks.nonNegative("noise", noise);
      ConfigChecks.inRange("test_signals", testSignals, 1, 1_000_000);
    }
  }

  /** lambdas log-spaced values from lambda_min to lambda_max; ISTA steps per inference. */
  public record Sweep(double lambdaMin, double lambdaMax, int lambdas, int istaSteps) {
    public Sweep {
      ConfigChecks.positive("lambda_min", lambdaMin);
      ConfigChecks.positive("lambda_max", lambdaMax);
      if (lambdaMax <= lambdaMin) {
        throw new ConfigValueException("lambda_max", lambdaMax,
            "must be > lambda_min=" + lambdaMin + "; widen the sweep");
      }
      ConfigChecks.inRange("lambdas", lambdas, 2, 1000);
      ConfigChecks.atLeast("ista_steps", istaSteps, 1);
    }

    /** lambda_i = lambda_min (lambda_max / lambda_min)^(i / (n - 1)), i = 0 .. n-1. */
    public double[] values() {
      double[] out = new double[lambdas];
      for (int i = 0; i < lambdas; i++) {
        out[i] = lambdaMin * StrictMath.pow(lambdaMax / lambdaMin, i / (double) (lambdas - 1));
      }
      return out;
    }
  }

  /**
   * Dictionary learning: per step a fresh batch, ISTA codes at {@code lambda}, one
   * {@code SparseCoding.dictionaryStep} at {@code learning_rate}. An atom counts as recovered when
   * some learned atom has |cosine| above {@code recovery_threshold} with it.
   */
  public record Learn(double lambda, int batch, int steps, int istaSteps, double learningRate,
      double recoveryThreshold, int logEvery, int checkpointEvery) {
    public Learn {
      ConfigChecks.positive("lambda", lambda);
      ConfigChecks.inRange("batch", batch, 1, 1_000_000);
      ConfigChecks.atLeast("steps", steps, 0);
      ConfigChecks.atLeast("ista_steps", istaSteps, 1);
      ConfigChecks.positive("learning_rate", learningRate);
      ConfigChecks.inRange("recovery_threshold", recoveryThreshold, 0.0, 1.0);
      ConfigChecks.atLeast("log_every", logEvery, 1);
      ConfigChecks.atLeast("checkpoint_every", checkpointEvery, 1);
    }
  }

  /**
   * The collapse demonstration in 2-D: points y = t (cos a_c, sin a_c) + noise on the union of lines
   * through the origin at the given angles (degrees), |t| ≤ half_length; three latent models learned
   * on them and their free energies drawn over the box [-box, box]².
   *
   * @param lambda L1 weight of the regularized 2-D latent (the unregularized one has lambda = 0)
   * @param codebook K of the K-valued latent (a code book of K points)
   * @param istaSteps ISTA steps per inference of the 2-D latents (training and drawing)
   * @param steps dictionary steps of each 2-D latent model
   * @param kmeansSteps assignment-and-mean steps of the code book
   * @param uniformPoints reference points uniform in the box, for the mean-F ratio
   * @param grid heat-map cells per side
   */
  public record Collapse(int points, double noise, List<Double> angles, double halfLength,
      double box, double lambda, int codebook, int istaSteps, int steps, double learningRate,
      int kmeansSteps, int uniformPoints, int grid, int checkpointEvery) {
    public Collapse {
      ConfigChecks.inRange("points", points, 2, 1_000_000);
      ConfigChecks.nonNegative("noise", noise);
      ConfigChecks.nonEmpty("angles", angles);
      ConfigChecks.positive("half_length", halfLength);
      ConfigChecks.positive("box", box);
      ConfigChecks.positive("lambda", lambda);
      ConfigChecks.inRange("codebook", codebook, 1, points);
      ConfigChecks.atLeast("ista_steps", istaSteps, 1);
      ConfigChecks.atLeast("steps", steps, 0);
      ConfigChecks.positive("learning_rate", learningRate);
      ConfigChecks.atLeast("kmeans_steps", kmeansSteps, 0);
      ConfigChecks.inRange("uniform_points", uniformPoints, 1, 1_000_000);
      ConfigChecks.inRange("grid", grid, 8, 1000);
      ConfigChecks.atLeast("checkpoint_every", checkpointEvery, 1);
    }
  }
}
