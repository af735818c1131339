/**
 * JEPA world models (learning layer): an {@link ai.craik.jepa.Encoder} from observations to
 * latents, an {@link ai.craik.jepa.ActionEncoder}, a {@link ai.craik.jepa.Predictor} of the next
 * latent, and the {@link ai.craik.jepa.Rollout} of an unroll. Concrete networks:
 * {@link ai.craik.jepa.ImpalaEncoder}, {@link ai.craik.jepa.ConvEncoder} and
 * {@link ai.craik.jepa.MlpEncoder} (each a {@link ai.craik.jepa.NormalizedEncoder} ending in a layer
 * norm that the predictor can share), {@link ai.craik.jepa.GruPredictor} and
 * {@link ai.craik.jepa.ResidualMlpPredictor}, {@link ai.craik.jepa.IdentityActionEncoder} and
 * {@link ai.craik.jepa.MlpActionEncoder}, built from a {@link ai.craik.jepa.ModelConfig}.
 */
package ai.craik.jepa;
