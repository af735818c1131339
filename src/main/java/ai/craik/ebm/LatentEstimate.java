package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * The result of latent inference for B pairs (x, y): the minimizing latent and its energy,
 *
 * <pre>
 *   z_check = argmin_z E(x, y, z)  [B, Dz],      energy = F_inf(x, y) = E(x, y, z_check)  [B].
 * </pre>
 *
 * <p>How far {@code energy} is differentiable depends on the producer: {@link
 * DiscreteLatentInference} keeps the graph of E when called inside a gradient collector, {@link
 * ContinuousLatentInference} returns plain values (re-evaluate E(x, y, z_check) inside your own
 * collector to train).
 */
public record LatentEstimate(NDArray z, NDArray energy) {}
