package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;

/**
 * Mean squared error between predicted and encoded latents, per step:
 *
 * <pre>
 *   cost_t = (1/(B D)) * sum_b ||pred[b, t] - target[b, t]||^2          ([T])
 *   total  = (1/T) * sum_t cost_t  =  mean over all B T D entries
 * </pre>
 *
 * <p>Shapes: predicted and target [B, T, D]. The targets are not detached: as in PLDM and eb_jepa,
 * gradients flow into the encoder through both sides, and the regularizers keep the encoder from
 * collapsing. eb_jepa's {@code SquareLossSeq}; Sobal et al. 2025, "Learning from Reward-Free
 * Offline Data: A Case for Planning with Latent Dynamics Models" (PLDM), arXiv:2502.14819.
 */
public record SquaredError() implements PredictionCost {

  @Override
  public NDArray perStep(NDArray predicted, NDArray target) {
    Checks.arg(predicted.getShape().dimension() == 3 && predicted.getShape().equals(target.getShape()),
        "SquaredError expects predicted and target latents of one shape [B, T, D], got %s and %s",
        predicted.getShape(), target.getShape());
    long count = predicted.getShape().get(0) * predicted.getShape().get(2); // B * D
    // sum, not mean, over two axes: mean over several axes at once throws on this engine
    return predicted.sub(target).square().sum(new int[] {0, 2}).div((float) count); // [T]
  }
}
