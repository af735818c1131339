package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Temporal similarity: consecutive encoded frames should be close,
 *
 * <pre>
 *   ts(S) = (1/(B (L - 1) D)) * sum_b sum_{t &lt; L-1} ||S[b, t + 1] - S[b, t]||^2
 * </pre>
 *
 * <p>the mean over all entries of the squared differences of consecutive latents (eb_jepa's
 * {@code TemporalSimilarityLoss}, whose scale the published coefficient 12 assumes). Shapes:
 * latents [B, L, D] with L at least 2 (actions unused) to a scalar, reported under {@value #PART}.
 * It makes the latent trajectory of a slowly moving dot smooth, so nearby states get nearby
 * latents. Sobal et al. 2025, PLDM, arXiv:2502.14819 (temporal smoothness term).
 */
public record TemporalSimilarity() implements LatentRegularizer {
  /** Part name of the term. */
  public static final String PART = "time_sim";

  @Override
  public LossTerms apply(NDArray latents, NDArray actions, SplittableRandom rng) {
    Checks.arg(latents.getShape().dimension() == 3 && latents.getShape().get(1) >= 2,
        "TemporalSimilarity expects latents [B, L, D] with L >= 2 frames, got %s",
        latents.getShape());
    long l = latents.getShape().get(1);
    NDArray next = latents.get(new NDIndex(":, 1:")); // [B, L-1, D]
    NDArray prev = latents.get(new NDIndex(":, :{}", l - 1)); // [B, L-1, D]
    NDArray ts = next.sub(prev).square().mean(); // []
    return new LossTerms(ts, Map.of(PART, ts));
  }
}
