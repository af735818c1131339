package ai.craik.ssl;

import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * A two-view joint-embedding criterion L(Z_a, Z_b) for the embeddings of two views of the same B
 * inputs, row b of Z_a paired with row b of Z_b.
 *
 * <p>Shapes: za [B, D] and zb [B, D] to a scalar {@code total} with named raw {@code parts}, e.g.
 * {@link VicRegLoss} ({@code inv}, {@code std}, {@code cov}) or {@link BarlowTwinsLoss}
 * ({@code on_diag}, {@code off_diag}). Results are created in za's manager.
 */
public interface JointEmbeddingLoss {

  /** The loss between paired embeddings za [B, D] and zb [B, D]. */
  LossTerms loss(NDArray za, NDArray zb);

  /**
   * The loss drawing any randomness it needs (SIGReg's projections) on the host from {@code rng};
   * deterministic losses ignore the stream, which is the default.
   */
  default LossTerms loss(NDArray za, NDArray zb, SplittableRandom rng) {
    return loss(za, zb);
  }
}
