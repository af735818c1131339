/**
 * Regularized (non-contrastive) joint-embedding criteria as small modules that compose.
 *
 * <p>A {@link ai.craik.ssl.Regularizer} keeps one batch of embeddings Z [B, D] from collapsing:
 * {@link ai.craik.ssl.VarianceHinge} and {@link ai.craik.ssl.CovariancePenalty} (VICReg,
 * arXiv:2105.04906; {@link ai.craik.ssl.OffDiagonalCovariance} is the covariance term with eb_jepa's
 * 1/(D(D-1)) normalization) and {@link ai.craik.ssl.SigReg} (LeJEPA's Epps-Pulley test on random 1-D
 * projections, arXiv:2511.08544); {@link ai.craik.ssl.WeightedSum} adds named terms with weights.
 * A {@link ai.craik.ssl.JointEmbeddingLoss} scores two views Z_a, Z_b of the same inputs:
 * {@link ai.craik.ssl.InvarianceMse}, {@link ai.craik.ssl.VicRegLoss} and
 * {@link ai.craik.ssl.BarlowTwinsLoss} (arXiv:2103.03230). Every criterion returns
 * {@link ai.craik.nn.LossTerms}: a differentiable scalar total and its raw parts under stable names
 * ({@code inv}, {@code std}, {@code cov}, {@code sigreg}, {@code on_diag}, {@code off_diag}), so a
 * JEPA objective can combine them and log each part. Random projections are drawn on the host from
 * an explicit {@link java.util.SplittableRandom}.
 */
package ai.craik.ssl;
