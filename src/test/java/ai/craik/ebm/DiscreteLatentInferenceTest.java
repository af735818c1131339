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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiscreteLatentInferenceTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 42L);
  }

  @Test
  void ellipseFreeEnergiesOnA48AngleGridMatchTheGeometry() {
    // F_inf(y) = min_z ||y - (2 cos z, 1.5 sin z)||^2; the minimizing angles 0 and pi/2 are on the grid
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.zeros(new Shape(4, 0));
      NDArray y = m.create(new float[] {0, 0, 0, 1.5f, 0, 1, 3, 0}, new Shape(4, 2));
      LatentEstimate est =
          DiscreteLatentInference.infer(TestEnergies.ellipse(), x, y, LatentGrid.angles(48));
      assertThat(est.energy().getShape()).isEqualTo(new Shape(4));
      assertThat(est.z().getShape()).isEqualTo(new Shape(4, 1));
      float[] f = est.energy().toFloatArray();
      assertThat((double) f[0]).isCloseTo(2.25, within(1e-4));
      assertThat((double) f[1]).isCloseTo(0.0, within(1e-4));
      assertThat((double) f[2]).isCloseTo(0.25, within(1e-4));
      assertThat((double) f[3]).isCloseTo(1.0, within(1e-4));
      float[] z = est.z().toFloatArray();
      assertThat((double) z[1]).isCloseTo(Math.PI / 2, within(1e-6));
      assertThat((double) z[2]).isCloseTo(Math.PI / 2, within(1e-6));
      assertThat(z[3]).isEqualTo(0f);
    }
  }

  @Test
  void energiesScoreAllPairsInOneCallWithRowBTimesKPlusK() {
    // E(x, y, z) = 100 y + 10 x + z: the [B, K] layout is visible in the digits
    AtomicInteger calls = new AtomicInteger();
    LatentEnergy energy = new LatentEnergy() {
      @Override
      public NDArray energy(NDArray x, NDArray y, NDArray z) {
        calls.incrementAndGet();
        return y.mul(100).add(x.mul(10)).add(z).squeeze(1);
      }

      @Override
      public int latentDim() {
        return 1;
      }
    };
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.create(new float[] {1, 2}, new Shape(2, 1));
      NDArray y = m.create(new float[] {3, 4}, new Shape(2, 1));
      LatentGrid grid = new LatentGrid(new float[][] {{0}, {1}, {2}});
      NDArray e = DiscreteLatentInference.energies(energy, x, y, grid);
      assertThat(calls.get()).isEqualTo(1);
      assertThat(e.getShape()).isEqualTo(new Shape(2, 3));
      assertThat(e.toFloatArray()).containsExactly(310, 311, 312, 420, 421, 422);
    }
  }

  @Test
  void oneHotGridIsADiscreteLatentPickingTheNearestPrototype() {
    // E(y, z) = ||y - z C||^2 with prototypes C [3, 2]; z one-hot selects a row of C
    float[] prototypes = {0, 0, 2, 0, 0, 3};
    LatentEnergy energy = new LatentEnergy() {
      @Override
      public NDArray energy(NDArray x, NDArray y, NDArray z) {
        NDArray c = z.getManager().create(prototypes, new Shape(3, 2));
        return z.matMul(c).sub(y).square().sum(new int[] {1});
      }

      @Override
      public int latentDim() {
        return 3;
      }
    };
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.zeros(new Shape(3, 0));
      NDArray y = m.create(new float[] {1.8f, 0.1f, 0.2f, 2.5f, -0.1f, 0.2f}, new Shape(3, 2));
      LatentEstimate est = DiscreteLatentInference.infer(energy, x, y, LatentGrid.oneHot(3));
      assertThat(est.z().toFloatArray()).containsExactly(0, 1, 0, 0, 0, 1, 1, 0, 0);
      assertThat((double) est.energy().getFloat(0)).isCloseTo(0.05, within(1e-6));
    }
  }

  @Test
  void freeEnergyIsBetweenMinAndMeanAndDifferentiableInTheEnergysParameters() {
    // E(y, z) = ||y - a (cos z, sin z)||^2 with a learnable radius a; F_beta over 16 angles
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray radius = m.create(new float[] {1.2f});
      radius.setRequiresGradient(true);
      LatentEnergy energy = new LatentEnergy() {
        @Override
        public NDArray energy(NDArray x, NDArray y, NDArray z) {
          NDArray point = z.cos().concat(z.sin(), 1).mul(radius);
          return point.sub(y).square().sum(new int[] {1});
        }

        @Override
        public int latentDim() {
          return 1;
        }
      };
      NDArray x = m.zeros(new Shape(2, 0));
      NDArray y = m.create(new float[] {1, 0, 0, -2}, new Shape(2, 2));
      LatentGrid grid = LatentGrid.angles(16);
      NDArray e = DiscreteLatentInference.energies(energy, x, y, grid);
      float[] all = e.toFloatArray();
      float[] f = DiscreteLatentInference.freeEnergy(energy, x, y, grid, 2.0).toFloatArray();
      float[] inf = DiscreteLatentInference.freeEnergy(energy, x, y, grid,
          Double.POSITIVE_INFINITY).toFloatArray();
      for (int b = 0; b < 2; b++) {
        float min = Float.POSITIVE_INFINITY;
        float mean = 0;
        for (int k = 0; k < 16; k++) {
          min = Math.min(min, all[b * 16 + k]);
          mean += all[b * 16 + k] / 16;
        }
        assertThat(inf[b]).isEqualTo(min);
        assertThat(f[b]).isGreaterThan(min).isLessThan(mean);
      }
      // minima at z = 0 for y = (1, 0), z = 3 pi/2 for y = (0, -2): dF_inf/da = 2 (a - 1) + 2 (a - 2)
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(DiscreteLatentInference.freeEnergy(energy, x, y, grid,
            Double.POSITIVE_INFINITY).sum());
      }
      assertThat((double) radius.getGradient().getFloat(0)).isCloseTo(2 * 0.2 + 2 * -0.8, within(1e-5));
    }
  }

  @Test
  void rejectsMismatchedRowsAndLatentDimensionsNamingTheShapes() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.zeros(new Shape(2, 0));
      NDArray y = m.zeros(new Shape(3, 2));
      assertThatThrownBy(() -> DiscreteLatentInference.infer(TestEnergies.ellipse(), x, y,
          LatentGrid.angles(8)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("x (2, 0) and y (3, 2)")
          .hasMessageContaining("same number of rows");
      NDArray x3 = m.zeros(new Shape(3, 0));
      assertThatThrownBy(() -> DiscreteLatentInference.infer(TestEnergies.ellipse(), x3, y,
          LatentGrid.oneHot(4)))
          .hasMessageContaining("Dz=4")
          .hasMessageContaining("latentDim()=1");
      assertThatThrownBy(() -> DiscreteLatentInference.freeEnergy(TestEnergies.ellipse(), x3, y,
          LatentGrid.angles(8), 0.0)).hasMessageContaining("beta=0.0");
    }
  }
}
