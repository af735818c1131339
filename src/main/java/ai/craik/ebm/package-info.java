/**
 * Energy-based models (EBMs): a scalar energy measures the compatibility of variables, low for
 * compatible values, high elsewhere; inference finds low-energy values, learning shapes the energy.
 *
 * <p>Energies: {@link Energy} F(y), {@link ConditionalEnergy} F(x, y) and {@link LatentEnergy}
 * E(x, y, z), all batched (rows [B, .] to energies [B]); {@link ReconstructionEnergy} is the
 * latent energy ||y - g(x, z)||² of a {@link Decoder} g. A latent z carries what x does not
 * determine about y; the energy of (x, y) is then a free energy ({@link FreeEnergy}):
 * F_inf(x, y) = min_z E(x, y, z), or the softmin F_beta = -(1/beta) log mean_z exp(-beta E), whose
 * gradient is the {@link Gibbs} distribution over z.
 *
 * <p>Inference: {@link DiscreteLatentInference} enumerates a {@link LatentGrid} (angles, a regular
 * box grid, or the one-hot code book of a discrete K-valued latent, {@code LatentGrid.oneHot(k)})
 * and returns a {@link LatentEstimate}; {@link ContinuousLatentInference} minimizes over z by
 * gradient from several {@link Starts}; {@link EnergyMinimization} finds the several local minima
 * y of F(x, y) ({@link LocalMinimum}). The last two run {@link GradientMinimizer} (gradient descent
 * or Adam, {@link MinimizerConfig}), which opens its own gradient collector.
 *
 * <p>Latent capacity must be limited, or the latent makes every y low-energy: {@link SparseCoding}
 * (L1 penalty, ISTA, dictionary learning), {@link NoisyLatent} (additive noise), or a discrete
 * latent with K values (a one-hot grid with {@link DiscreteLatentInference}).
 *
 * <p>Learning, sample-contrastive: {@link ContrastiveLoss} terms (built by
 * {@link ContrastiveLosses#of}) push the energy of data down and of contrastive samples up;
 * {@link NceLoss} learns the log-partition too; {@link LangevinSampler} draws contrastive samples
 * by noisy gradient descent on the energy; {@link ContrastiveDivergence} runs short chains from
 * the data (CD-k) or persistent chains (PCD). Regularized (non-contrastive) criteria live in
 * {@code ai.craik.ssl}.
 *
 * <p>References: LeCun, Chopra, Hadsell, Ranzato, Huang, "A Tutorial on Energy-Based Learning"
 * (2006); LeCun, "A Path Towards Autonomous Machine Intelligence" (2022).
 */
package ai.craik.ebm;
