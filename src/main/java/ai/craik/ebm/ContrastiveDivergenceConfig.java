package ai.craik.ebm;

import ai.craik.config.Checks;
import java.util.List;

/**
 * Settings of {@link ContrastiveDivergence}; YAML section {@code cd}.
 *
 * @param mode {@code cd} (chains start at the data batch) or {@code pcd} (persistent chains kept in
 *     a replay buffer between calls)
 * @param langevin the k Langevin steps run from the chain starts
 * @param bufferSize number of persistent chains (pcd only; must be at least the batch size)
 * @param reinitFraction probability that a drawn persistent chain restarts from a uniform point of
 *     the box [initLow, initHigh]^D before its Langevin steps (pcd only; Du and Mordatch use 0.05)
 * @param initLow lower bound of the uniform box that fills and refreshes the buffer (pcd only)
 * @param initHigh upper bound of that box (pcd only)
 */
public record ContrastiveDivergenceConfig(String mode, LangevinConfig langevin, int bufferSize,
    double reinitFraction, double initLow, double initHigh) {

  /** The accepted modes. */
  public static final List<String> MODES = List.of("cd", "pcd");

  public ContrastiveDivergenceConfig {
    Checks.arg(MODES.contains(mode), "unknown cd.mode '%s'; use one of %s", mode,
        String.join(", ", MODES));
    Checks.arg(langevin != null, "cd.langevin is required (the k Langevin steps)");
    if (mode.equals("pcd")) {
      Checks.arg(bufferSize >= 1, "cd.bufferSize=%s must be >= 1 for pcd; use e.g. 10000",
          bufferSize);
      Checks.arg(reinitFraction >= 0 && reinitFraction <= 1,
          "cd.reinitFraction=%s must be in [0, 1]; use e.g. 0.05", reinitFraction);
      Checks.arg(Double.isFinite(initLow) && Double.isFinite(initHigh) && initLow < initHigh,
          "cd.initLow=%s must be finite and below cd.initHigh=%s; use e.g. -1 and 1",
          initLow, initHigh);
    }
  }

  /** CD-k: chains start at the data batch and run the given Langevin steps. */
  public static ContrastiveDivergenceConfig cd(LangevinConfig langevin) {
    return new ContrastiveDivergenceConfig("cd", langevin, 0, 0.0, -1.0, 1.0);
  }

  /** Persistent CD with a buffer of {@code bufferSize} chains started uniform in [low, high]^D. */
  public static ContrastiveDivergenceConfig pcd(LangevinConfig langevin, int bufferSize,
      double reinitFraction, double low, double high) {
    return new ContrastiveDivergenceConfig("pcd", langevin, bufferSize, reinitFraction, low, high);
  }

  /** Whether the chains persist between calls. */
  public boolean persistent() {
    return mode.equals("pcd");
  }
}
