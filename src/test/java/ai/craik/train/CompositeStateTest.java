package ai.craik.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.engine.Engines;
import ai.craik.nn.Parameters;
import ai.craik.run.Checkpointable;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompositeStateTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  static TrainableState state(NDManager m, float value) {
    Parameters p = new Parameters(m);
    p.add("w", new float[] {value, value}, new Shape(2));
    return TrainableState.adam(p);
  }

  static java.util.List<String> names(NDList arrays) {
    return arrays.stream().map(a -> a.getName()).toList();
  }

  @Test
  void partsWithTheSameInnerNamesRoundTripUnderTheirPrefixes() {
    try (NDManager m = NDManager.newBaseManager(); NDManager saved = m.newSubManager()) {
      Map<String, Checkpointable> parts = new LinkedHashMap<>();
      parts.put("encoder", state(m, 1));
      parts.put("probe", state(m, 2));
      NDList arrays = new CompositeState(parts).state(saved);
      assertThat(names(arrays)).contains("encoder/w", "encoder/adam.t", "probe/w",
          "probe/adam.t");

      TrainableState enc = state(m, 0);
      TrainableState probe = state(m, 0);
      new CompositeState(Map.of("encoder", enc, "probe", probe)).restore(arrays);
      assertThat(enc.params().get("w").toFloatArray()).containsExactly(1f, 1f);
      assertThat(probe.params().get("w").toFloatArray()).containsExactly(2f, 2f);
      assertThat(names(arrays)).contains("encoder/w"); // the caller's arrays keep their names

      assertThatThrownBy(() -> new CompositeState(Map.of("idm", state(m, 0))).restore(arrays))
          .hasMessageContaining("no arrays of part 'idm'");
      assertThatThrownBy(() -> new CompositeState(Map.of("a/b", state(m, 0))))
          .hasMessageContaining("'a/b'");
    }
  }
}
