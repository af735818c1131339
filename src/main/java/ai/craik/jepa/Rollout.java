package ai.craik.jepa;

import ai.djl.ndarray.NDArray;

/**
 * Latent states of an unroll: {@code states} [B, T + 1, D], where states[:, 0] is the start latent
 * and states[:, t + 1] the prediction after action t. Predictions are made from predictions
 * (autoregressive), never from encoded frames.
 */
public record Rollout(NDArray states) {}
