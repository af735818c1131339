package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.nn.Parameters;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's gradient of L = sum(c * Enc(x)) with respect to every parameter of a tiny IMPALA
 * encoder (conv, max pool, residual blocks, linear, layer norm) and of a tiny keypoint encoder
 * (conv, spatial soft-argmax, linear, layer norm) equals central finite differences
 * (L(p + h) - L(p - h)) / 2h computed by perturbing the parameter in place.
 */
class EncoderGradientCheckTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  @Test
  void everyParameterGradientOfATinyImpalaEncoderMatchesFiniteDifferences() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      checkAgainstFiniteDifferences(new ImpalaEncoder(p, 1, 5, 5, new int[] {2}, 3,
          new SplittableRandom(21)), p, m, 1, 5);
    }
  }

  /** The same for a keypoint encoder: convolutions, spatial soft-argmax, linear, layer norm. */
  @Test
  void everyParameterGradientOfATinyKeypointEncoderMatchesFiniteDifferences() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      checkAgainstFiniteDifferences(new KeypointEncoder(p, 2, 6, 6, new int[] {2}, new int[] {1}, 2, true, 3,
          new SplittableRandom(24)), p, m, 2, 6);
    }
  }

  private static void checkAgainstFiniteDifferences(Encoder enc, Parameters p, NDManager m,
      int channels, int size) {
    // Non-zero biases and gains so that every term of the chain rule is exercised.
    SplittableRandom rng = new SplittableRandom(22);
    for (NDArray a : p.asMap().values()) {
      float[] v = a.toFloatArray();
      for (int i = 0; i < v.length; i++) {
        v[i] += (float) (0.2 * (rng.nextDouble() - 0.5));
      }
      a.set(v);
    }
    NDArray x = ModuleChecks.uniform(m, 23, 2, channels, size, size);
    Map<String, float[]> analytic = new LinkedHashMap<>();
    try (NDManager scope = m.newSubManager()) {
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.zeroGradients();
        gc.backward(ModuleChecks.weightedSum(enc.encode(x)));
      }
      p.asMap().forEach((name, a) -> analytic.put(name, a.getGradient().toFloatArray()));
    }
    double h = 1e-3;
    int checked = 0;
    for (Map.Entry<String, NDArray> e : p.asMap().entrySet()) {
      NDArray a = e.getValue();
      float[] v = a.toFloatArray();
      for (int i = 0; i < v.length; i++) {
        float keep = v[i];
        v[i] = (float) (keep + h);
        a.set(v);
        double plus = loss(enc, x, m);
        v[i] = (float) (keep - h);
        a.set(v);
        double minus = loss(enc, x, m);
        v[i] = keep;
        a.set(v);
        double fd = (plus - minus) / (2 * h);
        assertThat((double) analytic.get(e.getKey())[i]).as("dL/d %s[%d]", e.getKey(), i)
            .isCloseTo(fd, offset(3e-3 + 2e-2 * Math.abs(fd)));
        checked++;
      }
    }
    assertThat(checked).isEqualTo((int) p.count());
  }

  private static double loss(Encoder enc, NDArray x, NDManager m) {
    try (NDManager scope = m.newSubManager()) {
      NDArray xs = x.duplicate();
      xs.attach(scope);
      return ModuleChecks.weightedSum(enc.encode(xs)).getFloat();
    }
  }
}
