package ai.craik.ssl;

import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * An anti-collapse term computed from one batch of embeddings: R(Z) for Z of shape [B, D].
 *
 * <p>Non-contrastive joint-embedding methods keep a predictor or an invariance term from collapsing
 * every input to the same embedding by regularizing the batch statistics of Z: VICReg's
 * {@link VarianceHinge} and {@link CovariancePenalty} (Bardes, Ponce, LeCun, ICLR 2022,
 * arXiv:2105.04906), or LeJEPA's {@link SigReg}, which pushes Z towards an isotropic Gaussian
 * (Balestriero and LeCun, arXiv:2511.08544). {@link WeightedSum} combines several under names.
 *
 * <p>Contract: {@code total} is a differentiable scalar (shape [] in Z's data type) and
 * {@code parts} holds the raw terms under stable names ({@code std}, {@code cov}, {@code sigreg}).
 * Results and temporaries are created in Z's manager: call inside a per-step child manager.
 */
public interface Regularizer {

  /** The term for embeddings z [B, D]; deterministic for a given z. */
  LossTerms apply(NDArray z);

  /**
   * The term for embeddings z [B, D], drawing any randomness it needs (random projections) on the
   * host from {@code rng}. Deterministic terms ignore the stream, which is the default.
   */
  default LossTerms apply(NDArray z, SplittableRandom rng) {
    return apply(z);
  }
}
