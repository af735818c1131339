package ai.craik.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.engine.Engines;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdamWTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  /**
   * Loss sum(c * w^2) with c = (1, 4): gradient 2 c w. Ops on the parameter put their results in
   * its manager, so the scope closes them.
   */
  private static void backward(Parameters p, NDManager scope) {
    try (NDScope arrays = new NDScope();
        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      arrays.suppressNotUsedWarning();
      gc.zeroGradients();
      NDArray w = p.get("w");
      gc.backward(w.square().mul(scope.create(new float[] {1, 4})).sum());
    }
  }

  @Test
  void firstStepMovesEachCoordinateByTheLearningRateAgainstItsGradient() {
    // Bias-corrected Adam's first update is lr * g / (|g| + eps) = lr * sign(g).
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      p.add("w", new float[] {1f, -2f}, new Shape(2));
      AdamW opt = AdamW.adam(p);
      backward(p, m);
      double norm = opt.step(0.1);
      assertThat(norm).isCloseTo(Math.hypot(2, 16), org.assertj.core.data.Offset.offset(1e-5));
      assertThat(p.get("w").toFloatArray()).containsExactly(new float[] {0.9f, -1.9f},
          org.assertj.core.data.Offset.offset(1e-6f));
    }
  }

  @Test
  void decoupledDecayAndClippingFollowTheFormula() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      p.add("w", new float[] {1f, -2f}, new Shape(2));
      AdamW opt = new AdamW(p, 0.9, 0.999, 1e-8, 0.5, 1.0);
      backward(p, m);
      opt.step(0.1);
      // sign step (clipping rescales g but not its sign) plus lr * wd * w.
      assertThat(p.get("w").toFloatArray()).containsExactly(new float[] {
          1f - 0.1f - 0.05f, -2f + 0.1f + 0.1f}, org.assertj.core.data.Offset.offset(1e-5f));
    }
  }

  @Test
  void savedStateResumesExactly() {
    try (NDManager m = NDManager.newBaseManager(); Parameters a = new Parameters(m);
        Parameters b = new Parameters(m)) {
      a.add("w", new float[] {1f, -2f}, new Shape(2));
      b.add("w", new float[] {5f, 5f}, new Shape(2));
      AdamW optA = AdamW.adam(a);
      AdamW optB = AdamW.adam(b);
      for (int i = 0; i < 3; i++) {
        backward(a, m);
        optA.step(0.05);
      }
      NDList saved = a.snapshot(m);
      saved.addAll(optA.state(m));
      b.restore(saved);
      optB.restore(saved);
      assertThat(optB.steps()).isEqualTo(3);
      for (int i = 0; i < 4; i++) {
        backward(a, m);
        optA.step(0.05);
        backward(b, m);
        optB.step(0.05);
      }
      assertThat(b.get("w").toFloatArray()).containsExactly(a.get("w").toFloatArray());
    }
  }

  @Test
  void stepsLeaveNoArraysBehind() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      p.add("w", new float[] {1f, -2f}, new Shape(2));
      AdamW opt = new AdamW(p, 0.9, 0.999, 1e-8, 0.1, 1.0);
      try (NDManager scope = m.newSubManager()) {
        backward(p, scope);
      }
      opt.step(0.1);
      int before = p.manager().getManagedArrays().size();
      for (int i = 0; i < 20; i++) {
        try (NDManager scope = m.newSubManager()) {
          backward(p, scope);
        }
        opt.step(0.1);
        p.gradNorm();
      }
      assertThat(p.manager().getManagedArrays()).hasSize(before);
    }
  }

  @Test
  void restoreRejectsMissingOrMisshapenArrays() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      p.add("w", new float[] {1f, -2f}, new Shape(2));
      NDArray wrong = m.create(new float[] {1f, 2f, 3f});
      wrong.setName("w");
      assertThatThrownBy(() -> p.restore(new NDList(wrong)))
          .hasMessageContaining("saved parameter 'w' has shape (3), model expects (2)");
      assertThatThrownBy(() -> p.restore(new NDList()))
          .hasMessageContaining("saved parameters lack 'w'");
      assertThatThrownBy(() -> AdamW.adam(p).restore(new NDList()))
          .hasMessageContaining("lacks its step count");
    }
  }
}
