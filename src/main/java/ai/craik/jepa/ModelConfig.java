package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.config.ConfigValueException;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The world model's networks; YAML section {@code model}:
 *
 * <pre>
 *   model:
 *     encoder: {type: impala, widths: [16, 32, 32], latent_dim: 128}
 *     action_encoder: {type: identity}
 *     predictor: {type: gru}
 *     context_grid: 0      # g > 0: append the last channel pooled to g x g (ContextEncoder)
 *     context_subgrid: 1   # s: pooled to (g s) x (g s), as s² values per cell of the g x g grid
 * </pre>
 *
 * A {@code conv} predictor needs a {@code conv_spatial} encoder (checked here, so a bad pair fails
 * when the config is read).
 *
 * {@link #build} makes the three modules, each with its own {@link Parameters}, and shares the
 * encoder's output layer norm with the predictor (see {@link GruPredictor}).
 */
public record ModelConfig(EncoderConfig encoder, ActionEncoderConfig actionEncoder,
    PredictorConfig predictor, int contextGrid, int contextSubgrid) {
  public ModelConfig {
    ai.craik.config.ConfigChecks.inRange("context_grid", contextGrid, 0, 64);
    ai.craik.config.ConfigChecks.inRange("context_subgrid", contextSubgrid, 1, 16);
    if (contextGrid > 0 && predictor instanceof PredictorConfig.Conv
        && encoder instanceof EncoderConfig.ConvSpatial sp && sp.mapSize() != contextGrid) {
      throw new ConfigValueException("context_grid", contextGrid, "must equal"
          + " model.encoder.map_size=" + sp.mapSize() + " for a conv predictor (the walls join"
          + " the latent map cell by cell); set model.context_grid=" + sp.mapSize() + " or 0");
    }
    Checks.arg(encoder != null && actionEncoder != null && predictor != null,
        "model config needs encoder, action_encoder and predictor, got %s, %s, %s", encoder,
        actionEncoder, predictor);
    if (predictor instanceof PredictorConfig.Conv
        && !(encoder instanceof EncoderConfig.ConvSpatial)) {
      throw new ConfigValueException("predictor.type", "conv", "needs a spatial latent, but"
          + " model.encoder.type is " + typeName(encoder) + "; set model.encoder.type=conv_spatial"
          + " (e.g. configs/two-rooms-quick-spatial.yaml) or model.predictor.type=residual_mlp");
    }
  }

  private static String typeName(EncoderConfig e) {
    for (JsonSubTypes.Type t : EncoderConfig.class.getAnnotation(JsonSubTypes.class).value()) {
      if (t.value() == e.getClass()) {
        return t.name();
      }
    }
    return e.getClass().getSimpleName();
  }

  /** IMPALA 16/32/32 to D = 128, identity actions, GRU predictor. */
  public static ModelConfig defaults() {
    return new ModelConfig(new EncoderConfig.Impala(List.of(16, 32, 32), 128),
        new ActionEncoderConfig.Identity(), new PredictorConfig.Gru(), 0, 1);
  }

  /**
   * Builds encoder, action encoder and predictor for observations [B, channels, height, width] and
   * raw actions [B, actionDim]. Each module's {@link Parameters} is a child of {@code parent}; each
   * module draws from its own split of {@code init} (split in the order encoder, action encoder,
   * predictor), so changing one module's type leaves the others' initial weights unchanged.
   */
  public ModelParts build(NDManager parent, int channels, int height, int width, int actionDim,
      SplittableRandom init) {
    SplittableRandom encoderInit = init.split();
    SplittableRandom actionInit = init.split();
    SplittableRandom predictorInit = init.split();
    NormalizedEncoder enc = encoder.build(new Parameters(parent), channels, height, width,
        encoderInit);
    ActionEncoder act = actionEncoder.build(new Parameters(parent), actionDim, actionInit);
    if (contextGrid == 0) {
      Predictor pred = predictor.build(new Parameters(parent), enc, act.encodedDim(),
          predictorInit);
      return new ModelParts(enc, act, pred);
    }
    ContextEncoder withContext = new ContextEncoder(enc, contextGrid, contextSubgrid, height,
        width);
    int c = withContext.contextDim();
    Predictor inner = predictor instanceof PredictorConfig.Conv conv
        && enc instanceof SpatialEncoder sp
        ? conv.buildWithContext(new Parameters(parent), sp, act.encodedDim(),
            contextSubgrid * contextSubgrid, predictorInit)
        : predictor.build(new Parameters(parent), enc, act.encodedDim() + c, predictorInit);
    return new ModelParts(withContext, act, new ContextPredictor(inner, enc.latentDim(), c));
  }
}
