package ai.craik.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The short-term memory: retrieval by key and by content, eviction, saving. */
class ShortTermMemoryTest {
  private static final float[] G = {0f, 0f};

  private static MemoryEntry observed(int e, int t, float x, double cost) {
    return new MemoryEntry(e, t, 0, new float[] {x, 0f}, new float[] {1f, 0f}, cost, G);
  }

  private static MemoryEntry imagined(int e, int t, int depth, float x) {
    return new MemoryEntry(e, t, depth, new float[] {x, 1f}, new float[0], depth, G);
  }

  @Test
  void retrievesByKeyAndKeepsEpisodesInTimeOrder() {
    ShortTermMemory m = new ShortTermMemory(100);
    m.write(observed(1, 2, 2f, 0.2));
    m.write(observed(1, 0, 0f, 0.0));
    m.write(observed(0, 0, 5f, 0.5));
    m.write(observed(1, 1, 1f, 0.1));
    m.write(imagined(1, 0, 2, 7f));
    m.write(imagined(1, 0, 1, 6f));
    assertThat(m.get(1, 1)).get().extracting(MemoryEntry::cost).isEqualTo(0.1);
    assertThat(m.get(2, 0)).isEmpty();
    assertThat(m.get(1, 0, 2)).get().extracting(MemoryEntry::depth).isEqualTo(2);
    assertThat(m.episode(1)).extracting(MemoryEntry::time).containsExactly(0, 1, 2);
    assertThat(m.plan(1, 0)).extracting(MemoryEntry::depth).containsExactly(1, 2);
    assertThat(m.episodes()).containsExactly(0, 1);
    assertThat(m.observedCount()).isEqualTo(4);
    assertThat(m.size()).isEqualTo(6);
  }

  @Test
  void evictsImaginedEntriesFirstThenTheOldestObserved() {
    ShortTermMemory m = new ShortTermMemory(4);
    m.write(observed(0, 0, 0f, 0));
    m.write(imagined(0, 0, 1, 1f));
    m.write(observed(0, 1, 1f, 0));
    m.write(imagined(0, 1, 1, 2f));
    m.write(observed(0, 2, 2f, 0)); // full: the oldest imagined entry goes
    assertThat(m.get(0, 0, 1)).isEmpty();
    assertThat(m.get(0, 1, 1)).isPresent();
    m.write(observed(0, 3, 3f, 0)); // the other imagined entry goes
    assertThat(m.get(0, 1, 1)).isEmpty();
    m.write(observed(0, 4, 4f, 0)); // none imagined left: the oldest observed goes
    assertThat(m.get(0, 0)).isEmpty();
    assertThat(m.episode(0)).extracting(MemoryEntry::time).containsExactly(1, 2, 3, 4);
    m.write(observed(0, 4, 9f, 1.0)); // the same key replaces in place
    assertThat(m.size()).isEqualTo(4);
    assertThat(m.get(0, 4)).get().extracting(MemoryEntry::cost).isEqualTo(1.0);
  }

  @Test
  void softReadAttendsToTheNearestStatesByTemperature() {
    ShortTermMemory m = new ShortTermMemory(10);
    m.write(observed(0, 0, 0f, 1.0));
    m.write(observed(0, 1, 10f, 3.0));
    SoftRead sharp = m.read(new float[] {1f, 0f}, 0.01, false);
    assertThat(sharp.cost()).isCloseTo(1.0, within(1e-6));
    assertThat(sharp.nearest().time()).isZero();
    assertThat(sharp.state()[0]).isCloseTo(0f, within(1e-5f));
    SoftRead flat = m.read(new float[] {5f, 0f}, 1e6, false); // equidistant or hot: the mean
    assertThat(flat.cost()).isCloseTo(2.0, within(1e-4));
    assertThat(flat.state()[0]).isCloseTo(5f, within(1e-3f));
    // exact weights at tau = 50: w = softmax(-(1, 81) / 50)
    SoftRead mid = m.read(new float[] {1f, 0f}, 50, false);
    double w0 = 1 / (1 + Math.exp(-(81 - 1) / 50.0));
    assertThat(mid.cost()).isCloseTo(w0 * 1 + (1 - w0) * 3, within(1e-6));
    m.write(imagined(0, 0, 1, 1f));
    assertThat(m.read(new float[] {1f, 1f}, 0.01, true).nearest().depth()).isEqualTo(1);
    assertThat(m.read(new float[] {1f, 1f}, 0.01, false).nearest().depth()).isZero();
    assertThatThrownBy(() -> new ShortTermMemory(10).read(new float[] {0, 0}, 1, false))
        .hasMessageContaining("holds no entry");
    assertThatThrownBy(() -> m.read(new float[] {0, 0}, 0, false))
        .hasMessageContaining("temperature=0.0 must be finite and > 0");
  }

  @Test
  void savesAndRestoresEveryEntry() {
    ShortTermMemory m = new ShortTermMemory(10);
    m.write(observed(3, 0, 0.5f, 0.25));
    m.write(new MemoryEntry(3, 1, 0, new float[] {1f, 2f}, new float[0], -1.5, G));
    m.write(imagined(3, 0, 1, 4f));
    try (NDManager nd = NDManager.newBaseManager()) {
      ShortTermMemory back = new ShortTermMemory(10);
      back.writeAll(m.toArrays(nd));
      assertThat(back.size()).isEqualTo(3);
      MemoryEntry e = back.get(3, 0).orElseThrow();
      assertThat(e.state()).containsExactly(0.5f, 0f);
      assertThat(e.action()).containsExactly(1f, 0f);
      assertThat(e.cost()).isEqualTo(0.25);
      assertThat(back.get(3, 1).orElseThrow().action()).isEmpty();
      assertThat(back.get(3, 1).orElseThrow().cost()).isEqualTo(-1.5);
      assertThat(back.get(3, 0, 1).orElseThrow().state()).containsExactly(4f, 1f);
    }
  }
}
