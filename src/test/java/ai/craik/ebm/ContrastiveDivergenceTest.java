package ai.craik.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContrastiveDivergenceTest {

  private static final Energy QUADRATIC = LangevinSamplerTest.QUADRATIC;
  private static final float[] DATA = {1, 2, -3, 0.5f, 0.25f, -1};

  @BeforeAll
  static void engine() {
    Engines.start(1, 31L);
  }

  @Test
  void cdWithZeroStepsReturnsTheData() {
    ContrastiveDivergence cd =
        new ContrastiveDivergence(ContrastiveDivergenceConfig.cd(LangevinConfig.of(0, 0.1, 1.0)));
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray data = m.create(DATA, new Shape(3, 2));
      NDArray neg = cd.negatives(QUADRATIC, data, new SplittableRandom(1));
      assertThat(neg.toFloatArray()).containsExactly(DATA);
      assertThat(neg.getManager()).isSameAs(m);
      assertThat(cd.exportBuffer()).isEmpty();
    }
  }

  @Test
  void cdChainsStartAtTheData() {
    // Noiseless steps on ||y||^2/2 scale the start by (1 - eps/2) per step: start = data.
    ContrastiveDivergence cd =
        new ContrastiveDivergence(ContrastiveDivergenceConfig.cd(LangevinConfig.of(2, 0.5, 0.0)));
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray neg = cd.negatives(QUADRATIC, m.create(DATA, new Shape(3, 2)),
          new SplittableRandom(1));
      float[] expected = DATA.clone();
      for (int i = 0; i < expected.length; i++) {
        expected[i] *= 0.75f * 0.75f;
      }
      assertThat(neg.toFloatArray()).containsExactly(expected, offset(1e-6f));
    }
  }

  @Test
  void pcdKeepsItsChainsBetweenCalls() {
    // bufferSize = B, so every call advances every chain by one noiseless step: factor 0.75.
    ContrastiveDivergence pcd = new ContrastiveDivergence(
        ContrastiveDivergenceConfig.pcd(LangevinConfig.of(1, 0.5, 0.0), 3, 0.0, -1, 1));
    SplittableRandom rng = new SplittableRandom(4);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray data = m.create(DATA, new Shape(3, 2));
      pcd.negatives(QUADRATIC, data, rng);
      float[] first = pcd.exportBuffer();
      assertThat(first).hasSize(6);
      for (float v : first) {
        assertThat(v).isBetween(-0.75f, 0.75f); // uniform in [-1, 1) times 0.75
      }
      assertThat(pcd.chainDim()).isEqualTo(2);
      NDArray neg = pcd.negatives(QUADRATIC, data, rng);
      float[] second = pcd.exportBuffer();
      for (int i = 0; i < first.length; i++) {
        assertThat(second[i]).isCloseTo(0.75f * first[i], offset(1e-6f));
      }
      // The returned negatives are the advanced chains (in the drawn order).
      float[] out = neg.toFloatArray();
      java.util.Arrays.sort(out);
      float[] sorted = second.clone();
      java.util.Arrays.sort(sorted);
      assertThat(out).containsExactly(sorted);
    }
  }

  @Test
  void exportedBufferRestoresTheSameNextSamples() {
    ContrastiveDivergenceConfig cfg =
        ContrastiveDivergenceConfig.pcd(LangevinConfig.of(3, 0.1, 1.0), 8, 0.25, -2, 2);
    ContrastiveDivergence original = new ContrastiveDivergence(cfg);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray data = m.create(DATA, new Shape(3, 2));
      SplittableRandom warm = new SplittableRandom(5);
      original.negatives(QUADRATIC, data, warm);
      original.negatives(QUADRATIC, data, warm);
      float[] saved = original.exportBuffer();

      int before = m.getManagedArrays().size();
      original.negatives(QUADRATIC, data, new SplittableRandom(6)).close();
      assertThat(m.getManagedArrays()).as("arrays left after a pcd call").hasSize(before);
      saved = original.exportBuffer();

      ContrastiveDivergence restored = new ContrastiveDivergence(cfg);
      restored.importBuffer(saved);
      assertThat(restored.exportBuffer()).containsExactly(saved);
      float[] a = original.negatives(QUADRATIC, data, new SplittableRandom(77)).toFloatArray();
      float[] b = restored.negatives(QUADRATIC, data, new SplittableRandom(77)).toFloatArray();
      assertThat(b).containsExactly(a);
      assertThat(restored.exportBuffer()).containsExactly(original.exportBuffer());

      // A fresh sampler without the buffer gives different samples from the same stream.
      float[] c = new ContrastiveDivergence(cfg)
          .negatives(QUADRATIC, data, new SplittableRandom(77)).toFloatArray();
      assertThat(c).isNotEqualTo(a);
    }
  }

  @Test
  void fullReinitializationRestartsChainsFromTheUniformBox() {
    // Steps = 0: the output is the chain start. Buffer entries lie in [-1, 1); restarts in [5, 6).
    ContrastiveDivergenceConfig keep =
        ContrastiveDivergenceConfig.pcd(LangevinConfig.of(0, 0.1, 1.0), 4, 1.0, 5, 6);
    ContrastiveDivergence pcd = new ContrastiveDivergence(keep);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray data = m.create(DATA, new Shape(3, 2));
      pcd.importBuffer(new float[] {0, 0, 0, 0, 0, 0, 0, 0});
      float[] out = pcd.negatives(QUADRATIC, data, new SplittableRandom(3)).toFloatArray();
      for (float v : out) {
        assertThat(v).isBetween(5f, 6f);
      }
      // Three of the four chains were drawn and restarted; one still holds its old zeros.
      float[] buffer = pcd.exportBuffer();
      long zeros = 0;
      for (float v : buffer) {
        zeros += v == 0f ? 1 : 0;
      }
      assertThat(zeros).isEqualTo(2);
    }
  }

  @Test
  void rejectsBatchesLargerThanTheBufferAndBadSettings() {
    ContrastiveDivergence pcd = new ContrastiveDivergence(
        ContrastiveDivergenceConfig.pcd(LangevinConfig.of(1, 0.1, 1.0), 2, 0.0, -1, 1));
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray data = m.create(DATA, new Shape(3, 2));
      assertThatThrownBy(() -> pcd.negatives(QUADRATIC, data, new SplittableRandom(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("batch size 3 exceeds cd.bufferSize=2; raise cd.bufferSize");
    }
    assertThatThrownBy(() -> pcd.importBuffer(new float[] {1, 2, 3}))
        .hasMessageContaining("cd.bufferSize=2");
    assertThatThrownBy(() -> new ContrastiveDivergenceConfig("persistent",
        LangevinConfig.of(1, 0.1, 1.0), 10, 0.05, -1, 1))
        .hasMessage("unknown cd.mode 'persistent'; use one of cd, pcd");
    assertThatThrownBy(() -> ContrastiveDivergenceConfig.pcd(LangevinConfig.of(1, 0.1, 1.0), 10,
        1.5, -1, 1))
        .hasMessageContaining("cd.reinitFraction=1.5");
    assertThatThrownBy(() -> ContrastiveDivergenceConfig.pcd(LangevinConfig.of(1, 0.1, 1.0), 10,
        0.05, 1, 1))
        .hasMessageContaining("cd.initLow=1.0");
  }
}
