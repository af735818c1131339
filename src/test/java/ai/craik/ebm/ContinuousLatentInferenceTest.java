package ai.craik.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContinuousLatentInferenceTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 42L);
  }

  /** The angle wrapped into (-pi, pi]. */
  private static double wrap(double z) {
    return Math.atan2(Math.sin(z), Math.cos(z));
  }

  private static ContinuousLatentInference inference() {
    return new ContinuousLatentInference(MinimizerConfig.gd(300, 0.05), 6, new Starts.Normal(0, 2));
  }

  @Test
  void ellipseFreeEnergyAndLatentFromSeveralStarts() {
    // F_inf(3, 0) = 1 at z = 0; F_inf(0, 1.5) = 0 at z = pi/2; F_inf(-3, 0) = 1 at z = pi
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.zeros(new Shape(3, 0));
      NDArray y = m.create(new float[] {3, 0, 0, 1.5f, -3, 0}, new Shape(3, 2));
      LatentEstimate est =
          inference().infer(TestEnergies.ellipse(), x, y, new SplittableRandom(3));
      assertThat(est.z().getShape()).isEqualTo(new Shape(3, 1));
      float[] f = est.energy().toFloatArray();
      float[] z = est.z().toFloatArray();
      assertThat((double) f[0]).isCloseTo(1.0, within(1e-4));
      assertThat(wrap(z[0])).isCloseTo(0.0, within(1e-2));
      assertThat((double) f[1]).isCloseTo(0.0, within(1e-4));
      assertThat(wrap(z[1])).isCloseTo(Math.PI / 2, within(1e-2));
      assertThat((double) f[2]).isCloseTo(1.0, within(1e-4));
      assertThat(Math.abs(wrap(z[2]))).isCloseTo(Math.PI, within(1e-2));
    }
  }

  @Test
  void keepsTheBestStartPerRowAndTheSameSeedGivesTheSameEstimate() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.zeros(new Shape(1, 0));
      NDArray y = m.create(new float[] {3, 0}, new Shape(1, 2));
      // three steps: a single start near the maximum at z = pi stays high, one of eight spread
      // starts lands near the minimum at z = 0
      ContinuousLatentInference single = new ContinuousLatentInference(
          MinimizerConfig.gd(3, 0.05), 1, Starts.Box.of(3.0, 3.1));
      ContinuousLatentInference several = new ContinuousLatentInference(
          MinimizerConfig.gd(3, 0.05), 8, Starts.Box.of(-3.1, 3.1));
      double one = single.infer(TestEnergies.ellipse(), x, y, new SplittableRandom(4))
          .energy().getFloat(0);
      LatentEstimate best = several.infer(TestEnergies.ellipse(), x, y, new SplittableRandom(4));
      assertThat(one).isGreaterThan(5);
      assertThat((double) best.energy().getFloat(0)).isLessThan(1.2);
      LatentEstimate again = several.infer(TestEnergies.ellipse(), x, y, new SplittableRandom(4));
      assertThat(again.z().toFloatArray()).containsExactly(best.z().toFloatArray());
    }
  }

  @Test
  void leavesOnlyTheEstimateInTheCallersManager() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.zeros(new Shape(2, 0));
      NDArray y = m.create(new float[] {3, 0, 0, 1.5f}, new Shape(2, 2));
      int before = m.getManagedArrays().size();
      LatentEstimate est = new ContinuousLatentInference(MinimizerConfig.adam(5, 0.1), 3,
          new Starts.Normal(0, 1)).infer(TestEnergies.ellipse(), x, y, new SplittableRandom(5));
      assertThat(m.getManagedArrays()).hasSize(before + 2).contains(est.z(), est.energy());
    }
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> new ContinuousLatentInference(MinimizerConfig.gd(1, 0.1), 0,
        new Starts.Normal(0, 1))).hasMessageContaining("starts=0");
    assertThatThrownBy(() -> new Starts.Normal(0, -1)).hasMessageContaining("std=-1.0");
  }
}
