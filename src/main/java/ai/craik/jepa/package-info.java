/**
 * JEPA world models (learning layer): perception and prediction in a latent space, trained without
 * labels or rewards (LeCun 2022, "A Path Towards Autonomous Machine Intelligence"; PLDM, Sobal et
 * al. 2025, arXiv:2502.14819; facebookresearch/eb_jepa).
 *
 * <p>{@link ai.craik.jepa.Jepa} composes an {@link ai.craik.jepa.Encoder}, an
 * {@link ai.craik.jepa.ActionEncoder}, a {@link ai.craik.jepa.Predictor}, a
 * {@link ai.craik.jepa.RegularizerSet} and a {@link ai.craik.jepa.PredictionCost}, with one
 * {@code unroll} for training (multi-step autoregressive rollout loss), evaluation and planning
 * (one start latent broadcast to N candidates). The anti-collapse terms are one-job
 * {@link ai.craik.jepa.LatentRegularizer}s: VICReg's variance and covariance and SIGReg over all
 * encoded frames ({@link ai.craik.jepa.FrameRegularizer}), {@link ai.craik.jepa.TemporalSimilarity}
 * and {@link ai.craik.jepa.InverseDynamics}, weighted by {@link ai.craik.jepa.JepaLossConfig} and
 * reported under stable names ({@code pred}, {@code reg.std}, {@code reg.cov},
 * {@code reg.time_sim}, {@code reg.idm}, {@code reg.sigreg}). Training support:
 * {@link ai.craik.jepa.ModuleOptimizers} (one clipped AdamW per module),
 * {@link ai.craik.jepa.LearningRateSchedule} (warm-up and cosine). Monitoring outside autograd:
 * {@link ai.craik.jepa.LatentDiagnostics} (per-dimension std, {@link ai.craik.jepa.EffectiveRank}
 * from {@link ai.craik.jepa.SymmetricEigenvalues}) and the {@link ai.craik.jepa.PositionProbe}.
 * On the frozen model: {@link ai.craik.jepa.TemporalDistanceHead}, a learned temporal distance
 * between latents (a wall-aware cost-to-go) trained with the {@link ai.craik.jepa.ExpectileLoss}.
 *
 * <p>Networks: an {@link ai.craik.jepa.Encoder} from observations to
 * latents, an {@link ai.craik.jepa.ActionEncoder}, a {@link ai.craik.jepa.Predictor} of the next
 * latent, and the {@link ai.craik.jepa.Rollout} of an unroll. Concrete networks:
 * {@link ai.craik.jepa.ImpalaEncoder}, {@link ai.craik.jepa.ConvEncoder} and
 * {@link ai.craik.jepa.MlpEncoder} (each a {@link ai.craik.jepa.NormalizedEncoder} ending in a layer
 * norm that the predictor can share), {@link ai.craik.jepa.GruPredictor} and
 * {@link ai.craik.jepa.ResidualMlpPredictor}, {@link ai.craik.jepa.IdentityActionEncoder} and
 * {@link ai.craik.jepa.MlpActionEncoder}, built from a {@link ai.craik.jepa.ModelConfig}. Spatial
 * latents (PLDM): {@link ai.craik.jepa.ConvSpatialEncoder} keeps a feature map [C, h, w] as the
 * latent (a {@link ai.craik.jepa.SpatialEncoder}, D = C h w) and
 * {@link ai.craik.jepa.ConvPredictor} predicts on that map with 3 x 3 convolutions, the action
 * broadcast as extra channels, so the dynamics are local.
 */
package ai.craik.jepa;
