package ai.craik.lab;

import ai.craik.config.ConfigChecks;
import java.util.List;

/** Settings of {@code craik ebm ellipse}; YAML preset {@code configs/ebm/ellipse.yaml}. */
public record EllipseConfig(Data data, Latent latent, Train train, Eval eval) {

  /** The observed data: noisy points on the ellipse with semi-axes {@code w}. */
  public record Data(int points, double noise, List<Double> w) {
    public Data {
      ConfigChecks.atLeast("points", points, 1);
      ConfigChecks.nonNegative("noise", noise);
      ConfigChecks.size("w", w, 2);
    }
  }

  /** The angular latent grid. */
  public record Latent(int grid) {
    public Latent {
      ConfigChecks.inRange("grid", grid, 2, 100_000);
    }
  }

  /** Learning (w1, w2) by minimizing the free energy of the data. */
  public record Train(List<Double> initW, int steps, double learningRate, double beta,
      int refineSteps, double refineLearningRate, int logEvery, int checkpointEvery) {
    public Train {
      ConfigChecks.atLeast("refine_steps", refineSteps, 0);
      ConfigChecks.positive("refine_learning_rate", refineLearningRate);
      ConfigChecks.size("init_w", initW, 2);
      ConfigChecks.atLeast("steps", steps, 0);
      ConfigChecks.positive("learning_rate", learningRate);
      ConfigChecks.positive("beta", beta);
      ConfigChecks.atLeast("log_every", logEvery, 1);
      ConfigChecks.atLeast("checkpoint_every", checkpointEvery, 1);
    }
  }

  /** Evaluation: temperatures of the cross-sections and probes, heat-map resolution. */
  public record Eval(List<Double> betas, int gridX, int gridY) {
    public Eval {
      ConfigChecks.nonEmpty("betas", betas);
      for (double b : betas) {
        ConfigChecks.positive("betas", b);
      }
      ConfigChecks.inRange("grid_x", gridX, 8, 1000);
      ConfigChecks.inRange("grid_y", gridY, 8, 1000);
    }
  }
}
