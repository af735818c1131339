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

class GradientMinimizerTest {
  private static final float[] CENTER = {1f, -2f};

  @BeforeAll
  static void engine() {
    Engines.start(1, 42L);
  }

  /** F(y) = (y - c)^T A (y - c), A = [[3, 1], [1, 2]] (eigenvalues 1.38, 3.62), minimum 0 at c. */
  private static Energy quadratic(NDManager m) {
    NDArray a = m.create(new float[] {3, 1, 1, 2}, new Shape(2, 2));
    NDArray c = m.create(CENTER, new Shape(1, 2));
    return y -> {
      NDArray d = y.sub(c); // [N, 2]
      return d.matMul(a).mul(d).sum(new int[] {1});
    };
  }

  private static void assertAllAtTheCenter(MinimizerResult r, int n) {
    assertThat(r.points().getShape()).isEqualTo(new Shape(n, 2));
    assertThat(r.values().getShape()).isEqualTo(new Shape(n));
    float[] p = r.points().toFloatArray();
    for (int i = 0; i < n; i++) {
      assertThat((double) p[2 * i]).as("start %s, y0", i).isCloseTo(CENTER[0], within(1e-3));
      assertThat((double) p[2 * i + 1]).as("start %s, y1", i).isCloseTo(CENTER[1], within(1e-3));
    }
  }

  @Test
  void gradientDescentFindsTheQuadraticMinimumFromEveryStartWithANonIncreasingTrace() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray start = new Starts.Normal(0, 3).draw(m, new SplittableRandom(1), 5, 2);
      float[] before = start.toFloatArray();
      MinimizerResult r = new GradientMinimizer(MinimizerConfig.gd(200, 0.1))
          .minimize(quadratic(m), start);
      assertAllAtTheCenter(r, 5);
      assertThat(start.toFloatArray()).containsExactly(before); // the start is not modified
      assertThat(r.trace()).hasSize(201);
      for (int t = 0; t < 200; t++) {
        assertThat(r.trace()[t + 1]).as("step %s", t).isLessThanOrEqualTo(r.trace()[t]);
      }
      assertThat(r.trace()[200]).isCloseTo(0, within(1e-6));
      assertThat(r.trace()[0]).isGreaterThan(1);
    }
  }

  @Test
  void adamFindsTheQuadraticMinimumFromEveryStart() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray start = new Starts.Normal(0, 3).draw(m, new SplittableRandom(2), 5, 2);
      MinimizerResult r = new GradientMinimizer(MinimizerConfig.adam(600, 0.05))
          .minimize(quadratic(m), start);
      assertAllAtTheCenter(r, 5);
      assertThat(r.trace()[600]).isLessThan(1e-5).isLessThan(r.trace()[0]);
    }
  }

  @Test
  void leavesOnlyThePointsAndValuesInTheStartsManager() {
    try (NDManager m = NDManager.newBaseManager()) {
      Energy f = quadratic(m);
      NDArray start = m.create(new float[] {0, 0, 3, 3}, new Shape(2, 2));
      int before = m.getManagedArrays().size();
      MinimizerResult r = new GradientMinimizer(MinimizerConfig.adam(20, 0.1)).minimize(f, start);
      assertThat(m.getManagedArrays()).hasSize(before + 2).contains(r.points(), r.values());
    }
  }

  @Test
  void adamKeepsItsStepTemporariesOutOfTheRunManager() {
    // f sees each step's leaf; the leaf's manager's parent is the minimizer's run manager, whose
    // array count must not grow from step to step
    try (NDManager m = NDManager.newBaseManager()) {
      Energy quadratic = quadratic(m);
      java.util.List<Integer> counts = new java.util.ArrayList<>();
      Energy f = y -> {
        NDManager parent = y.getManager().getParentManager();
        if (parent != m) {
          counts.add(parent.getManagedArrays().size());
        }
        return quadratic.energy(y);
      };
      NDArray start = m.create(new float[] {0, 0, 3, 3}, new Shape(2, 2));
      new GradientMinimizer(MinimizerConfig.adam(10, 0.05)).minimize(f, start);
      assertThat(counts).hasSize(10);
      assertThat(counts).containsOnly(counts.get(0));
    }
  }

  @Test
  void zeroStepsOnlyEvaluatesTheStarts() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray start = m.create(new float[] {1, -2, 2, -2}, new Shape(2, 2));
      MinimizerResult r = new GradientMinimizer(MinimizerConfig.gd(0, 0.1))
          .minimize(quadratic(m), start);
      assertThat(r.points().toFloatArray()).containsExactly(1, -2, 2, -2);
      assertThat(r.values().toFloatArray()).containsExactly(0, 3);
      assertThat(r.trace()).containsExactly(1.5);
    }
  }

  @Test
  void refusesToRunInsideAnOpenCollectorAndValidatesItsConfig() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray start = m.zeros(new Shape(1, 2));
      GradientMinimizer minimizer = new GradientMinimizer(MinimizerConfig.gd(3, 0.1));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        assertThatThrownBy(() -> minimizer.minimize(quadratic(m), start))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("already open");
      }
      assertThatThrownBy(() -> new MinimizerConfig("sgd", 10, 0.1))
          .hasMessageContaining("unknown ebm.minimizer.method 'sgd'; use one of gd, adam");
      assertThatThrownBy(() -> MinimizerConfig.adam(10, 0))
          .hasMessageContaining("learningRate=0.0");
      assertThatThrownBy(() -> MinimizerConfig.gd(-1, 0.1)).hasMessageContaining("steps=-1");
      Energy wrongShape = y -> y.sum();
      assertThatThrownBy(() -> minimizer.minimize(wrongShape, start))
          .hasMessageContaining("expected [1]");
    }
  }
}
