package ai.craik.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.craik.engine.Engines;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NoisyLatentTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 42L);
  }

  @Test
  void addsNoiseOfTheRequestedScaleReproduciblyAndKeepsTheGradient() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray z = m.ones(new Shape(1000, 4));
      NoisyLatent noise = new NoisyLatent(0.5);
      NDArray a = noise.apply(z, new SplittableRandom(1));
      NDArray b = noise.apply(z, new SplittableRandom(1));
      assertThat(a.getShape()).isEqualTo(z.getShape());
      assertThat(a.toFloatArray()).containsExactly(b.toFloatArray());
      float[] d = a.sub(z).toFloatArray();
      double mean = 0;
      double sq = 0;
      for (float v : d) {
        mean += v / (double) d.length;
        sq += v * (double) v / d.length;
      }
      assertThat(mean).isCloseTo(0, within(0.05));
      assertThat(Math.sqrt(sq - mean * mean)).isCloseTo(0.5, within(0.025));
      NDArray leaf = m.create(new float[] {1, 2}, new Shape(1, 2));
      leaf.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(noise.apply(leaf, new SplittableRandom(2)).sum());
      }
      assertThat(leaf.getGradient().toFloatArray()).containsExactly(1, 1);
    }
  }

  @Test
  void zeroSigmaLeavesZUnchangedButAdvancesTheStream() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray z = m.create(new float[] {1, 2, 3}, new Shape(1, 3));
      SplittableRandom used = new SplittableRandom(3);
      assertThat(new NoisyLatent(0).apply(z, used).toFloatArray()).containsExactly(1, 2, 3);
      SplittableRandom fresh = new SplittableRandom(3);
      new NoisyLatent(1).apply(z, fresh);
      assertThat(used.nextLong()).isEqualTo(fresh.nextLong());
      assertThatThrownBy(() -> new NoisyLatent(-0.1)).hasMessageContaining("sigma=-0.1");
    }
  }
}
