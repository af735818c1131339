package ai.craik.jepa;

/**
 * A {@link NormalizedEncoder} whose latent is a flattened feature map: s = LN(flatten(F(o))) with
 * F(o) of shape [B, C, h, w] and D = C h w, flattened channel-major (index c h w + i w + j), so
 * that {@code s.reshape(B, C, h, w)} recovers the map. A convolutional predictor
 * ({@link ConvPredictor}) reads the map shape from here.
 *
 * <p>Sobal et al. 2025 (PLDM), arXiv:2502.14819: spatial latents with a convolutional predictor.
 */
public interface SpatialEncoder extends NormalizedEncoder {
  /** Channels C of the latent map. */
  int mapChannels();

  /** Height h of the latent map. */
  int mapHeight();

  /** Width w of the latent map. */
  int mapWidth();
}
