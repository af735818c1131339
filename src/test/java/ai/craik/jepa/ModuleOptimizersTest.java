package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.nn.AdamW;
import ai.craik.nn.Parameters;
import ai.craik.train.TrainableState;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModuleOptimizersTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  static Parameters vector(NDManager m, String name, float... values) {
    Parameters p = new Parameters(m);
    p.add(name, values, new Shape(values.length));
    return p;
  }

  @Test
  void eachModuleIsClippedByItsOwnNormAndReportsIt() {
    try (NDManager m = NDManager.newBaseManager()) {
      Parameters big = vector(m, "w", 0, 0);
      Parameters small = vector(m, "w", 0, 0); // the same name in another module is fine
      Map<String, Parameters> modules = new LinkedHashMap<>();
      modules.put("big", big);
      modules.put("small", small);
      modules.put("empty", new Parameters(m)); // skipped: nothing to train
      ModuleOptimizers opt = ModuleOptimizers.adamW(modules, 0.0, 1.0);
      assertThat(opt.modules()).containsOnlyKeys("big", "small");
      for (int round = 0; round < 2; round++) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          opt.zeroGradients();
          NDArray loss = big.get("w").mul(m.create(new float[] {30, 40})).sum()
              .add(small.get("w").mul(m.create(new float[] {0.3f, 0.4f})).sum());
          gc.backward(loss);
        }
        Map<String, Double> norms = opt.step(0.1);
        // zeroGradients keeps gradients from accumulating: the same norms in both rounds
        assertThat(norms.get("big")).isCloseTo(50.0, offset(1e-4));
        assertThat(norms.get("small")).isCloseTo(0.5, offset(1e-6));
      }
      assertThat(opt.modules().get("big").optimizer().steps()).isEqualTo(2);
    }
  }

  @Test
  void aNonFiniteGradientInOneModuleSkipsTheStepForAll() {
    try (NDManager m = NDManager.newBaseManager()) {
      Parameters a = vector(m, "w", 1, 2);
      Parameters b = vector(m, "w", 3, 4);
      ModuleOptimizers opt = ModuleOptimizers.adamW(
          new java.util.LinkedHashMap<>(Map.of("a", a, "b", b)), 0, 1.0);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        opt.zeroGradients();
        // sqrt at 0 has an infinite derivative
        gc.backward(a.get("w").sum().add(b.get("w").sub(m.create(new float[] {3, 4})).sqrt()
            .sum()));
      }
      Map<String, Double> norms = opt.step(0.1);
      assertThat(norms.get("a")).isCloseTo(Math.sqrt(2), offset(1e-6));
      assertThat(norms.get("b")).isInfinite(); // 1 / (2 sqrt(0))
      assertThat(opt.skippedSteps()).isEqualTo(1);
      assertThat(a.get("w").toFloatArray()).containsExactly(1f, 2f); // nothing moved
      assertThat(b.get("w").toFloatArray()).containsExactly(3f, 4f);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        opt.zeroGradients();
        gc.backward(a.get("w").sum().add(b.get("w").sum()));
      }
      opt.step(0.1);
      assertThat(opt.skippedSteps()).isEqualTo(1);
      assertThat(a.get("w").toFloatArray()[0]).isLessThan(1f); // finite gradients step again
    }
  }

  @Test
  void clippingOneModuleLeavesTheOtherUnscaled() {
    // with clip 1, module "big" (norm 50) is scaled by 1/50 and "small" (norm 0.5) not at all;
    // Adam's first step is lr * g / (|g| + eps): equal for both, so compare the second moment
    // state instead: v = (1 - beta2) g_clipped^2
    try (NDManager m = NDManager.newBaseManager(); NDManager saved = m.newSubManager()) {
      Parameters big = vector(m, "w", 0, 0);
      Parameters small = vector(m, "w", 0, 0);
      ModuleOptimizers opt = ModuleOptimizers.adamW(Map.of("big", big, "small", small), 0, 1.0);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        opt.zeroGradients();
        gc.backward(big.get("w").mul(m.create(new float[] {30, 40})).sum()
            .add(small.get("w").mul(m.create(new float[] {0.3f, 0.4f})).sum()));
      }
      opt.step(0.1);
      NDList state = opt.state(saved);
      float[] vBig = state.get("big/adam.v.w").toFloatArray();
      float[] vSmall = state.get("small/adam.v.w").toFloatArray();
      assertThat((double) vBig[0]).isCloseTo(0.001 * 0.6 * 0.6, offset(1e-9)); // 30/50 clipped
      assertThat((double) vSmall[0]).isCloseTo(0.001 * 0.3 * 0.3, offset(1e-9)); // unclipped
    }
  }

  @Test
  void aParameterSharedByTwoModulesIsRejected() {
    try (NDManager m = NDManager.newBaseManager()) {
      Parameters p = vector(m, "ln.gain", 1, 1);
      assertThatThrownBy(() -> new ModuleOptimizers(Map.of(
          "encoder", TrainableState.adam(p), "predictor", new TrainableState(p, AdamW.adam(p)))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("a shared layer must belong to one module");
    }
  }
}
