package ai.craik.jepa;

import ai.craik.config.ConfigChecks;

/**
 * Weights and rollout of the JEPA training loss; YAML section {@code loss} with snake_case keys
 * ({@code std, cov, time_sim, idm, sigreg, rollout_steps, rollout_starts, idm_hidden,
 * one_step}).
 *
 * <pre>
 *   L = pred + std * reg.std + cov * reg.cov + time_sim * reg.time_sim + idm * reg.idm
 *           + sigreg * reg.sigreg
 * </pre>
 *
 * <p>The prediction term has weight 1; the others are relative to it. A weight of 0 leaves its term
 * out of the loss and out of the logged parts (an IDM weight of 0 creates no IDM head). Defaults
 * are the published Two Rooms coefficients of eb_jepa / PLDM (covariance 8, variance 16, temporal
 * similarity 12, inverse dynamics 1, 8-step rollouts from the first frame), with SIGReg off; the
 * covariance term is normalized as eb_jepa's ({@link ai.craik.ssl.OffDiagonalCovariance}).
 * Sobal et al. 2025, PLDM, arXiv:2502.14819.
 *
 * @param std weight of the variance hinge over all encoded frames ({@code reg.std})
 * @param cov weight of the off-diagonal covariance over all encoded frames ({@code reg.cov})
 * @param timeSim weight of the temporal similarity of consecutive latents ({@code reg.time_sim})
 * @param idm weight of the inverse-dynamics error ({@code reg.idm})
 * @param sigreg weight of SIGReg over all encoded frames ({@code reg.sigreg}), the alternative to
 *     std + cov
 * @param rolloutSteps T, the length of each autoregressive rollout in the prediction loss
 * @param rolloutStarts how many rollouts per window, from frames 0, T, 2T, ... (1 = from the first
 *     frame only, the published setting); a window needs at least rolloutStarts * T + 1 frames
 * @param idmHidden hidden width of the inverse-dynamics head
 * @param oneStep weight of the teacher-forced one-step prediction cost from every frame
 *     ({@code pred_1step}, see {@link Jepa#trainingLoss}); 0 (the published setting) leaves it out
 */
public record JepaLossConfig(double std, double cov, double timeSim, double idm, double sigreg,
    int rolloutSteps, int rolloutStarts, int idmHidden, double oneStep) {
  public JepaLossConfig {
    ConfigChecks.nonNegative("std", std);
    ConfigChecks.nonNegative("cov", cov);
    ConfigChecks.nonNegative("time_sim", timeSim);
    ConfigChecks.nonNegative("idm", idm);
    ConfigChecks.nonNegative("sigreg", sigreg);
    ConfigChecks.inRange("rollout_steps", rolloutSteps, 1, 10_000);
    ConfigChecks.inRange("rollout_starts", rolloutStarts, 1, 10_000);
    ConfigChecks.inRange("idm_hidden", idmHidden, 1, 1 << 16);
    ConfigChecks.nonNegative("one_step", oneStep);
  }

  /** The published Two Rooms setting: cov 8, std 16, time_sim 12, idm 1, 8 steps, hidden 256. */
  public static JepaLossConfig defaults() {
    return new JepaLossConfig(16, 8, 12, 1, 0, 8, 1, 256, 0);
  }

  /** The fewest frames a training window needs, rolloutStarts * rolloutSteps + 1. */
  public int minWindow() {
    return rolloutStarts * rolloutSteps + 1;
  }
}
