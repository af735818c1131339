package ai.craik.jepa;

import ai.djl.ndarray.NDArray;

/**
 * How far predicted latents are from the encoded ones, per rollout step: the JEPA's prediction
 * energy (LeCun 2022, "A Path Towards Autonomous Machine Intelligence", section 4.4).
 *
 * <p>Shapes: predicted and target [B, T, D] to a per-step cost [T]; {@link #total} averages it over
 * the steps. Both are differentiable, so training uses {@link #total} and evaluation reads
 * {@link #perStep}.
 */
public interface PredictionCost {
  /** The cost of each step, [T], averaged over the batch and the latent dimensions. */
  NDArray perStep(NDArray predicted, NDArray target);

  /** The mean over steps of {@link #perStep}, a scalar. */
  default NDArray total(NDArray predicted, NDArray target) {
    return perStep(predicted, target).mean();
  }
}
