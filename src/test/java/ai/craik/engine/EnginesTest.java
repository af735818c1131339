package ai.craik.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class EnginesTest {

  @Test
  void startsPyTorchOfflineWithTheRequestedThreads() {
    EngineInfo info = Engines.start(1, 7L);
    assertThat(info.engine()).isEqualTo("PyTorch");
    assertThat(info.nativeVersion()).startsWith("2.7.1");
    assertThat(info.threads()).isEqualTo(1);
    assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {1, 2, 3});
      assertThat(a.mul(a).sum().getFloat()).isEqualTo(14f);
    }
  }

  @Test
  void sameSeedGivesTheSameEngineRandomNumbers() {
    Engines.start(1, 11L);
    float[] first;
    try (NDManager m = NDManager.newBaseManager()) {
      first = m.randomNormal(new ai.djl.ndarray.types.Shape(5)).toFloatArray();
    }
    Engines.start(1, 11L);
    try (NDManager m = NDManager.newBaseManager()) {
      assertThat(m.randomNormal(new ai.djl.ndarray.types.Shape(5)).toFloatArray()).containsExactly(first);
    }
  }

  @Test
  void rejectsZeroThreadsNamingTheFix() {
    assertThatThrownBy(() -> Engines.start(0, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads=0")
        .hasMessageContaining("--threads");
  }
}
