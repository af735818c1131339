package ai.craik.ebm;

import ai.craik.config.Checks;

/**
 * Settings of {@link LangevinSampler}; YAML section {@code langevin}.
 *
 * <p>Update per step, for y [N, D]:
 * y &lt;- clamp( y - (stepSize / 2) clip(grad_y E(y)) + sqrt(stepSize) noiseScale xi ), xi ~ N(0, I).
 *
 * @param steps number of Langevin steps (k); 0 returns the initial points unchanged
 * @param stepSize epsilon &gt; 0; the drift is epsilon/2 times the gradient
 * @param noiseScale sigma &gt;= 0; 1 samples exp(-E) (for small epsilon), sigma samples
 *     exp(-E / sigma^2), 0 is plain gradient descent
 * @param gradClip per-row limit on the L2 norm of grad_y E, or 0 for no clipping
 * @param clampLow lower bound of the box every coordinate is clamped to after each step
 *     ({@code -Infinity} for none)
 * @param clampHigh upper bound of the box ({@code Infinity} for none)
 */
public record LangevinConfig(int steps, double stepSize, double noiseScale, double gradClip,
    double clampLow, double clampHigh) {
  public LangevinConfig {
    Checks.arg(steps >= 0, "langevin.steps=%s must be >= 0; use e.g. 20", steps);
    Checks.arg(stepSize > 0 && Double.isFinite(stepSize),
        "langevin.stepSize=%s must be positive and finite; use e.g. 0.01", stepSize);
    Checks.arg(noiseScale >= 0 && Double.isFinite(noiseScale),
        "langevin.noiseScale=%s must be >= 0 and finite; use 1.0 to sample exp(-E)", noiseScale);
    Checks.arg(gradClip >= 0 && Double.isFinite(gradClip),
        "langevin.gradClip=%s must be >= 0 and finite; use 0 for no clipping", gradClip);
    Checks.arg(!Double.isNaN(clampLow) && !Double.isNaN(clampHigh) && clampLow < clampHigh,
        "langevin.clampLow=%s must be below langevin.clampHigh=%s; use -Infinity and Infinity"
            + " for no clamp", clampLow, clampHigh);
  }

  /** {@code steps} steps of size {@code stepSize} with noise {@code noiseScale}, no clip, no clamp. */
  public static LangevinConfig of(int steps, double stepSize, double noiseScale) {
    return new LangevinConfig(steps, stepSize, noiseScale, 0.0,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** The same settings with every coordinate clamped to [low, high] after each step. */
  public LangevinConfig withClamp(double low, double high) {
    return new LangevinConfig(steps, stepSize, noiseScale, gradClip, low, high);
  }

  /** The same settings with the per-row gradient norm clipped to {@code clip} (0 for none). */
  public LangevinConfig withGradClip(double clip) {
    return new LangevinConfig(steps, stepSize, noiseScale, clip, clampLow, clampHigh);
  }

  /** Whether a clamp box is set. */
  public boolean clamped() {
    return clampLow != Double.NEGATIVE_INFINITY || clampHigh != Double.POSITIVE_INFINITY;
  }
}
