package ai.craik.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnergyMinimizationTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 42L);
  }

  private static EnergyMinimization minimization() {
    return new EnergyMinimization(MinimizerConfig.gd(500, 0.02), 8, Starts.Box.of(-2, 2), 1e-2);
  }

  @Test
  void doubleWellFromEightStartsFindsBothMinimaSortedByEnergy() {
    try (NDManager m = NDManager.newBaseManager()) {
      List<LocalMinimum> minima =
          minimization().minima(TestEnergies.doubleWell(), 1, m, new SplittableRandom(7));
      assertThat(minima).hasSize(2);
      assertThat(minima.stream().mapToInt(LocalMinimum::starts).sum()).isEqualTo(8);
      assertThat(minima.get(0).energy()).isLessThanOrEqualTo(minima.get(1).energy());
      double a = minima.get(0).y()[0];
      double b = minima.get(1).y()[0];
      assertThat(Math.min(a, b)).isCloseTo(-1.0, within(1e-3));
      assertThat(Math.max(a, b)).isCloseTo(1.0, within(1e-3));
      for (LocalMinimum min : minima) {
        assertThat(min.energy()).isLessThan(1e-6);
      }
    }
  }

  @Test
  void conditionalEnergyGivesTheMinimaOfEachRow() {
    // F(x, y) = (y^2 - x^2)^2: minima at y = -x and y = +x
    ConditionalEnergy energy = (x, y) -> y.square().sub(x.square()).square().sum(new int[] {1});
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {1, 1.5f}, new Shape(2, 1));
      EnergyMinimization search =
          new EnergyMinimization(MinimizerConfig.adam(400, 0.05), 8, Starts.Box.of(-3, 3), 1e-2);
      List<List<LocalMinimum>> minima = search.minima(energy, x, 1, new SplittableRandom(8));
      assertThat(minima).hasSize(2);
      for (int row = 0; row < 2; row++) {
        double target = row == 0 ? 1.0 : 1.5;
        assertThat(minima.get(row)).hasSize(2);
        assertThat(minima.get(row)).allSatisfy(min ->
            assertThat((double) Math.abs(min.y()[0])).isCloseTo(target, within(1e-3)));
        assertThat(minima.get(row).get(0).y()[0] * minima.get(row).get(1).y()[0]).isNegative();
      }
    }
  }

  @Test
  void leavesNoArraysBehindInTheCallersManager() {
    ConditionalEnergy energy = (x, y) -> y.sub(x).square().sum(new int[] {1});
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {1, 2}, new Shape(2, 1));
      int before = m.getManagedArrays().size();
      minimization().minima(energy, x, 1, new SplittableRandom(6));
      minimization().minima(TestEnergies.doubleWell(), 1, m, new SplittableRandom(6));
      assertThat(m.getManagedArrays()).hasSize(before);
    }
  }

  @Test
  void mergesResultsCloserThanTheToleranceIntoOneMinimum() {
    // a single convex bowl: every start ends at the same point
    Energy bowl = y -> y.sub(0.5f).square().sum(new int[] {1});
    try (NDManager m = NDManager.newBaseManager()) {
      List<LocalMinimum> minima = minimization().minima(bowl, 2, m, new SplittableRandom(9));
      assertThat(minima).hasSize(1);
      assertThat(minima.get(0).starts()).isEqualTo(8);
      assertThat(minima.get(0).y()).containsExactly(new float[] {0.5f, 0.5f}, within(1e-4f));
    }
  }

  @Test
  void rejectsANegativeTolerance() {
    assertThatThrownBy(() -> new EnergyMinimization(MinimizerConfig.gd(1, 0.1), 4,
        Starts.Box.of(0, 1), -1)).hasMessageContaining("tolerance=-1.0");
  }
}
