package ai.craik.jepa;

import ai.craik.nn.LayerNorm;
import ai.craik.nn.Parameters;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Predictor settings; YAML section {@code predictor} whose {@code type} key selects the
 * implementation:
 *
 * <pre>
 *   predictor: {type: gru}                              # GruPredictor
 *   predictor: {type: residual_mlp, hidden: [256]}      # ResidualMlpPredictor
 * </pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PredictorConfig.Gru.class, name = "gru"),
    @JsonSubTypes.Type(value = PredictorConfig.ResidualMlp.class, name = "residual_mlp")})
public sealed interface PredictorConfig permits PredictorConfig.Gru, PredictorConfig.ResidualMlp {

  /**
   * Builds the predictor for latents of size {@code latentDim} and encoded actions of size
   * {@code actionDim}, adding its parameters to {@code params}.
   *
   * @param sharedNorm the encoder's output norm to share, or null for an own norm
   */
  Predictor build(Parameters params, int latentDim, int actionDim, LayerNorm sharedNorm,
      SplittableRandom init);

  /** {@link GruPredictor}: the latent is the GRU's hidden state; no settings. */
  record Gru() implements PredictorConfig {
    @Override
    public Predictor build(Parameters params, int latentDim, int actionDim, LayerNorm sharedNorm,
        SplittableRandom init) {
      return new GruPredictor(params, latentDim, actionDim, sharedNorm, init);
    }
  }

  /** {@link ResidualMlpPredictor}: {@code hidden} are the MLP's hidden widths (may be empty). */
  record ResidualMlp(List<Integer> hidden) implements PredictorConfig {
    public ResidualMlp {
      ConfigWidths.check("hidden", hidden, true);
    }

    @Override
    public Predictor build(Parameters params, int latentDim, int actionDim, LayerNorm sharedNorm,
        SplittableRandom init) {
      return new ResidualMlpPredictor(params, latentDim, actionDim, ConfigWidths.toArray(hidden),
          sharedNorm, init);
    }
  }
}
