package ai.craik.jepa;

import ai.craik.config.ConfigChecks;
import ai.craik.nn.Parameters;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Action encoder settings; YAML section {@code action_encoder} whose {@code type} key selects the
 * implementation:
 *
 * <pre>
 *   action_encoder: {type: identity}                     # IdentityActionEncoder
 *   action_encoder: {type: mlp, hidden: [32], dim: 16}   # MlpActionEncoder, encoded size dim
 * </pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ActionEncoderConfig.Identity.class, name = "identity"),
    @JsonSubTypes.Type(value = ActionEncoderConfig.Mlp.class, name = "mlp")})
public sealed interface ActionEncoderConfig
    permits ActionEncoderConfig.Identity, ActionEncoderConfig.Mlp {

  /** Builds the action encoder for raw actions of size {@code actionDim}. */
  ActionEncoder build(Parameters params, int actionDim, SplittableRandom init);

  /** {@link IdentityActionEncoder}; no settings. */
  record Identity() implements ActionEncoderConfig {
    @Override
    public ActionEncoder build(Parameters params, int actionDim, SplittableRandom init) {
      return new IdentityActionEncoder(params, actionDim);
    }
  }

  /** {@link MlpActionEncoder} with hidden widths {@code hidden} and encoded size {@code dim}. */
  record Mlp(List<Integer> hidden, int dim) implements ActionEncoderConfig {
    public Mlp {
      ConfigWidths.check("hidden", hidden, true);
      ConfigChecks.inRange("dim", dim, 1, 1 << 16);
    }

    @Override
    public ActionEncoder build(Parameters params, int actionDim, SplittableRandom init) {
      return new MlpActionEncoder(params, actionDim, ConfigWidths.toArray(hidden), dim, init);
    }
  }
}
