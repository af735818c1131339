package ai.craik.jepa;

import ai.craik.nn.Parameters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three networks of a world model as built by {@link ModelConfig#build}: the encoder (whose
 * output norm the predictor may share), the action encoder and the predictor. Closing releases the
 * three parameter sets.
 */
public record ModelParts(NormalizedEncoder encoder, ActionEncoder actionEncoder,
    Predictor predictor) implements AutoCloseable {

  /** The parameter sets by name: {@code encoder}, {@code action_encoder}, {@code predictor}. */
  public Map<String, Parameters> parameters() {
    Map<String, Parameters> m = new LinkedHashMap<>();
    m.put("encoder", encoder.parameters());
    m.put("action_encoder", actionEncoder.parameters());
    m.put("predictor", predictor.parameters());
    return m;
  }

  @Override
  public void close() {
    parameters().values().forEach(Parameters::close);
  }
}
