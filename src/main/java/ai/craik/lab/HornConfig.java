package ai.craik.lab;

import ai.craik.config.ConfigChecks;
import ai.craik.config.ConfigValueException;
import ai.craik.nn.Activation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Settings of {@code craik ebm horn}; YAML preset {@code configs/ebm/horn.yaml}. */
public record HornConfig(Data data, Model model, Latent latent, Train train, Eval eval) {

  /**
   * The data: x ~ U[0, 1], z ~ U[0, 2π), y = c(x) + ρ(x) (cos z, sin z) + noise ε, with
   * ρ(x) = a + b x ({@code radius: [a, b]}) and c(x) = x (s1, s2) ({@code center_shift: [s1, s2]}).
   */
  public record Data(int points, int testPoints, double noise, List<Double> radius,
      List<Double> centerShift) {
    public Data {
      ConfigChecks.atLeast("points", points, 1);
      ConfigChecks.atLeast("test_points", testPoints, 1);
      ConfigChecks.nonNegative("noise", noise);
      ConfigChecks.size("radius", radius, 2);
      ConfigChecks.positive("radius[0]", radius.get(0));
      ConfigChecks.nonNegative("radius[1]", radius.get(1));
      ConfigChecks.size("center_shift", centerShift, 2);
      ConfigChecks.inRange("center_shift[0]", centerShift.get(0), -10, 10);
      ConfigChecks.inRange("center_shift[1]", centerShift.get(1), -10, 10);
    }

    /** The true radius ρ(x) = a + b x. */
    public double rho(double x) {
      return radius.get(0) + radius.get(1) * x;
    }

    /** The true centre c(x) = x (s1, s2). */
    public double[] center(double x) {
      return new double[] {x * centerShift.get(0), x * centerShift.get(1)};
    }
  }

  /** The decoder g(x, z): an MLP on (x, cos z, sin z) with output y, widths [3, ..., 2]. */
  public record Model(List<Integer> widths, String activation) {
    public Model {
      ConfigChecks.nonEmpty("widths", widths);
      if (widths.size() < 2 || widths.get(0) != 3 || widths.get(widths.size() - 1) != 2) {
        throw new ConfigValueException("widths", widths,
            "must start with 3 (x, cos z, sin z) and end with 2 (y), e.g. [3, 64, 64, 2]");
      }
      for (int w : widths) {
        ConfigChecks.inRange("widths", w, 1, 4096);
      }
      ConfigChecks.oneOf("activation", activation, Arrays.stream(Activation.values())
          .map(a -> a.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** The widths as an array. */
    public int[] widthArray() {
      return widths.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** The angular latent grid z_k = 2πk / grid. */
  public record Latent(int grid) {
    public Latent {
      ConfigChecks.inRange("grid", grid, 2, 100_000);
    }
  }

  /**
   * Learning the decoder by minimizing the mean zero-temperature free energy of minibatches, with
   * Adam at a learning rate that decays from {@code learning_rate} to {@code final_learning_rate}
   * along a half cosine.
   */
  public record Train(int steps, int batch, double learningRate, double finalLearningRate,
      int refineSteps,
      double refineLearningRate, int logEvery, int checkpointEvery) {
    public Train {
      ConfigChecks.atLeast("steps", steps, 0);
      ConfigChecks.atLeast("batch", batch, 1);
      ConfigChecks.positive("learning_rate", learningRate);
      ConfigChecks.positive("final_learning_rate", finalLearningRate);
      ConfigChecks.atLeast("refine_steps", refineSteps, 0);
      ConfigChecks.positive("refine_learning_rate", refineLearningRate);
      ConfigChecks.atLeast("log_every", logEvery, 1);
      ConfigChecks.atLeast("checkpoint_every", checkpointEvery, 1);
    }

    /** lr(t) = lr_end + (lr_0 − lr_end) (1 + cos(π t / steps)) / 2 for step t (0-based). */
    public double learningRateAt(long step) {
      double progress = steps <= 1 ? 0 : (double) step / (steps - 1);
      return finalLearningRate
          + (learningRate - finalLearningRate) * 0.5 * (1 + StrictMath.cos(Math.PI * progress));
    }
  }

  /** Evaluation: the probed x values, heat-map resolution, count of uniform random y points. */
  public record Eval(List<Double> xs, int grid, int randomPoints) {
    public Eval {
      ConfigChecks.nonEmpty("xs", xs);
      for (double x : xs) {
        ConfigChecks.inRange("xs", x, 0.0, 1.0);
      }
      ConfigChecks.inRange("grid", grid, 8, 1000);
      ConfigChecks.atLeast("random_points", randomPoints, 1);
    }
  }
}
