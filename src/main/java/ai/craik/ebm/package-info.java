/**
 * Energy-based models (EBMs): a scalar energy measures the compatibility of variables, low for
 * compatible values, high elsewhere; inference finds low-energy values, learning shapes the energy.
 *
 * <p>Energies: {@link ai.craik.ebm.Energy} F(y), {@link ai.craik.ebm.ConditionalEnergy} F(x, y) and
 * {@link ai.craik.ebm.LatentEnergy} E(x, y, z), all batched (rows [B, .] to energies [B]). A latent z
 * carries what x does not determine about y; the energy of (x, y) is then a free energy
 * ({@link ai.craik.ebm.FreeEnergy}): F_inf(x, y) = min_z E(x, y, z) or the softmin
 * F_beta = -(1/beta) log mean_z exp(-beta E), whose gradient is the {@link ai.craik.ebm.Gibbs}
 * distribution over z.
 *
 * <p>Inference: {@link ai.craik.ebm.DiscreteLatentInference} enumerates a
 * {@link ai.craik.ebm.LatentGrid} (angles, a regular box grid, or the one-hot code book of a
 * discrete K-valued latent, {@code LatentGrid.oneHot(k)}) and returns a
 * {@link ai.craik.ebm.LatentEstimate}; {@link ai.craik.ebm.ContinuousLatentInference} minimizes over z
 * by gradient from several {@link ai.craik.ebm.Starts}, and {@link ai.craik.ebm.EnergyMinimization}
 * finds the several local minima y of F(x, y) ({@link ai.craik.ebm.LocalMinimum}); both run
 * {@link ai.craik.ebm.GradientMinimizer} (gradient descent or Adam, {@link
 * ai.craik.ebm.MinimizerConfig}), which opens its own gradient collector.
 *
 * <p>Latent capacity must be limited, or the latent makes every y low-energy:
 * {@link ai.craik.ebm.SparseCoding} (L1 penalty, ISTA, dictionary learning),
 * {@link ai.craik.ebm.NoisyLatent} (additive noise), or a discrete latent with K values.
 *
 * <p>Learning (contrastive side): ContrastiveLoss terms push the energy of data down and of
 * contrastive samples up; LangevinSampler draws such samples by noisy gradient descent on the
 * energy; ContrastiveDivergence trains with short Langevin chains started at the data.
 *
 * <p>References: LeCun, Chopra, Hadsell, Ranzato, Huang, "A Tutorial on Energy-Based Learning"
 * (2006); LeCun, "A Path Towards Autonomous Machine Intelligence" (2022).
 */
package ai.craik.ebm;
