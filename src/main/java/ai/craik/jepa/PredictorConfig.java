package ai.craik.jepa;

import ai.craik.config.ConfigChecks;
import ai.craik.config.ConfigValueException;
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
 *   predictor: {type: gated_mlp, hidden: [512, 512]}    # ResidualMlpPredictor with a gate
 *   predictor: {type: conv, hidden: 32, layers: 2}      # ConvPredictor (needs encoder conv_spatial)
 * </pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PredictorConfig.Gru.class, name = "gru"),
    @JsonSubTypes.Type(value = PredictorConfig.ResidualMlp.class, name = "residual_mlp"),
    @JsonSubTypes.Type(value = PredictorConfig.GatedMlp.class, name = "gated_mlp"),
    @JsonSubTypes.Type(value = PredictorConfig.Conv.class, name = "conv")})
public sealed interface PredictorConfig
    permits PredictorConfig.Gru, PredictorConfig.ResidualMlp, PredictorConfig.GatedMlp,
    PredictorConfig.Conv {

  /**
   * Builds the predictor for latents of size {@code latentDim} and encoded actions of size
   * {@code actionDim}, adding its parameters to {@code params}.
   *
   * @param sharedNorm the encoder's output norm to share, or null for an own norm
   */
  Predictor build(Parameters params, int latentDim, int actionDim, LayerNorm sharedNorm,
      SplittableRandom init);

  /**
   * Builds the predictor for {@code encoder}'s latents, sharing its output norm. The default
   * passes the latent size; a predictor that needs the latent map ({@link Conv}) reads it here.
   */
  default Predictor build(Parameters params, NormalizedEncoder encoder, int actionDim,
      SplittableRandom init) {
    return build(params, encoder.latentDim(), actionDim, encoder.outputNorm(), init);
  }

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
          false, sharedNorm, init);
    }
  }
  /**
   * {@link ResidualMlpPredictor} with a per-dimension gate on the residual, s' = LN(s + g ⊙ Δ):
   * {@code hidden} are the MLP's hidden widths (may be empty).
   */
  record GatedMlp(List<Integer> hidden) implements PredictorConfig {
    public GatedMlp {
      ConfigWidths.check("hidden", hidden, true);
    }

    @Override
    public Predictor build(Parameters params, int latentDim, int actionDim, LayerNorm sharedNorm,
        SplittableRandom init) {
      return new ResidualMlpPredictor(params, latentDim, actionDim, ConfigWidths.toArray(hidden),
          true, sharedNorm, init);
    }
  }


  /**
   * {@link ConvPredictor}: {@code hidden} channels in each of {@code layers} 3 x 3 convolutions on
   * the latent map with the action as extra channels. Needs a spatial encoder ({@code conv_spatial},
   * checked by {@link ModelConfig}) for the map shape [C, h, w] of the latent.
   */
  record Conv(int hidden, int layers) implements PredictorConfig {
    public Conv {
      ConfigChecks.inRange("hidden", hidden, 1, 4096);
      ConfigChecks.inRange("layers", layers, 1, 32);
    }

    /**
     * A flat latent of size {@code latentDim} has no map shape; it is read as a 1 x 1 map with
     * {@code latentDim} channels (all cells mix, like a residual MLP). Build through
     * {@link #build(Parameters, NormalizedEncoder, int, SplittableRandom)} for a spatial latent.
     */
    @Override
    public Predictor build(Parameters params, int latentDim, int actionDim, LayerNorm sharedNorm,
        SplittableRandom init) {
      return new ConvPredictor(params, latentDim, 1, 1, actionDim, hidden, layers, sharedNorm,
          init);
    }

    @Override
    public Predictor build(Parameters params, NormalizedEncoder encoder, int actionDim,
        SplittableRandom init) {
      if (!(encoder instanceof SpatialEncoder sp)) {
        throw new ConfigValueException("predictor.type", "conv", "needs a spatial latent, but the"
            + " encoder is " + encoder.getClass().getSimpleName() + "; set encoder.type ="
            + " conv_spatial or predictor.type = residual_mlp");
      }
      return new ConvPredictor(params, sp.mapChannels(), sp.mapHeight(), sp.mapWidth(),
          actionDim, hidden, layers, encoder.outputNorm(), init);
    }

    /**
     * The predictor of a spatial latent with {@code contextChannels} context maps of the latent
     * map's size after the action ({@link ContextPredictor}, {@link ContextEncoder}).
     */
    public Predictor buildWithContext(Parameters params, SpatialEncoder encoder, int actionDim,
        int contextChannels, SplittableRandom init) {
      return new ConvPredictor(params, encoder.mapChannels(), encoder.mapHeight(),
          encoder.mapWidth(), actionDim, contextChannels, hidden, layers, encoder.outputNorm(),
          init);
    }
  }
}
