package ai.craik.jepa;

import ai.craik.nn.LayerNorm;

/**
 * An {@link Encoder} whose output passes through a final {@link LayerNorm}, s = LN(f(o)), that a
 * predictor may apply too (s' = LN(g(s, u))) so that predicted and encoded latents live in one
 * normalized space with shared gain and bias. The norm's parameters belong to the encoder's
 * {@link #parameters()}.
 *
 * <p>Also reports the encoder's cost, for benchmarks that compare achieved and peak FLOP rates.
 */
public interface NormalizedEncoder extends Encoder {
  /** The final layer norm over the latent axis (size {@link #latentDim()}). */
  LayerNorm outputNorm();

  /**
   * Multiply-adds of one observation's forward pass through the convolutions and linear layers
   * (pooling, activations and the norm are not counted).
   */
  long multiplyAddsPerFrame();

  /** Forward FLOPs per observation, 2 x {@link #multiplyAddsPerFrame()}. */
  default long flopsPerFrame() {
    return 2 * multiplyAddsPerFrame();
  }
}
