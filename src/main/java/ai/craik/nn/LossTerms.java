package ai.craik.nn;

import ai.craik.config.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A composite loss: the scalar {@code total} to differentiate and its named parts.
 *
 * <p>Parts are the raw (unweighted) terms under stable keys such as {@code inv}, {@code std},
 * {@code cov}, {@code sigreg}; the weights are applied once, in {@code total}. Read parts as floats
 * with {@link #scalars()} once per step, outside any hot loop.
 */
public record LossTerms(ai.djl.ndarray.NDArray total, Map<String, ai.djl.ndarray.NDArray> parts) {
  public LossTerms {
    Checks.arg(total.getShape().isScalar() || total.size() == 1,
        "loss total must be a scalar, got shape %s", total.getShape());
    parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
  }

  /** The total and every part as floats, keys {@code total} and the part names, in insertion order. */
  public Map<String, Double> scalars() {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("total", (double) total.getFloat());
    parts.forEach((k, v) -> out.put(k, (double) v.getFloat()));
    return out;
  }

  /** The same terms with every part key prefixed by {@code prefix + "."}. */
  public LossTerms prefixed(String prefix) {
    Map<String, ai.djl.ndarray.NDArray> out = new LinkedHashMap<>();
    parts.forEach((k, v) -> out.put(prefix + "." + k, v));
    return new LossTerms(total, out);
  }
}
