package ai.craik.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.craik.engine.Engines;
import ai.craik.engine.HostRandom;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparseCodingTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 42L);
  }

  /** A random dictionary [dy, dz] with unit-norm columns. */
  private static NDArray dictionary(NDManager m, int dy, int dz, long seed) {
    NDArray w = m.create(HostRandom.normal(new SplittableRandom(seed), dy * dz), new Shape(dy, dz));
    return SparseCoding.normalizeColumns(w);
  }

  @Test
  void softThresholdByHand() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray v = m.create(new float[] {-3, -0.5f, 0, 0.5f, 2});
      assertThat(SparseCoding.softThreshold(v, 1).toFloatArray()).containsExactly(-2, 0, 0, 0, 1);
      assertThat(SparseCoding.softThreshold(v, 0).toFloatArray())
          .containsExactly(-3, -0.5f, 0, 0.5f, 2);
      assertThatThrownBy(() -> SparseCoding.softThreshold(v, -1)).hasMessageContaining("t=-1.0");
    }
  }

  @Test
  void energyByHand() {
    // W = I, y = (1, 2), z = (1, 0): ||(0, 2)||^2 + 0.5 * 1 = 4.5
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.create(new float[] {1, 0, 0, 1}, new Shape(2, 2));
      NDArray y = m.create(new float[] {1, 2}, new Shape(1, 2));
      NDArray z = m.create(new float[] {1, 0}, new Shape(1, 2));
      assertThat(SparseCoding.energy(w, y, z, 0.5).toFloatArray()).containsExactly(4.5f);
    }
  }

  @Test
  void powerIterationFindsTheLargestSingularValue() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray diag = m.create(new float[] {3, 0, 0, 1, 0, 0}, new Shape(3, 2));
      assertThat(SparseCoding.largestSingularValue(diag)).isCloseTo(3.0, within(1e-6));
      // u v^T with |u| = 2, |v| = 1 has the single singular value 2
      NDArray rank1 = m.create(new float[] {1.2f, 1.6f}, new Shape(2, 1))
          .matMul(m.create(new float[] {0.6f, 0.8f}, new Shape(1, 2)));
      assertThat(SparseCoding.largestSingularValue(rank1)).isCloseTo(2.0, within(1e-5));
    }
  }

  @Test
  void istaEnergyTraceNeverIncreases() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = dictionary(m, 6, 10, 1);
      NDArray y = m.create(HostRandom.normal(new SplittableRandom(2), 4 * 6), new Shape(4, 6));
      SparseCode code = SparseCoding.ista(w, y, 0.3, 100);
      double[] trace = code.trace();
      assertThat(trace).hasSize(101);
      for (int t = 0; t < 100; t++) {
        assertThat(trace[t + 1]).as("step %s", t).isLessThanOrEqualTo(trace[t] * (1 + 1e-6));
      }
      assertThat(trace[100]).isLessThan(0.5 * trace[0]);
      double last = SparseCoding.energy(w, y, code.z(), 0.3).mean().getFloat();
      assertThat(last).isCloseTo(trace[100], within(1e-5));
    }
  }

  @Test
  void istaRecoversTheSupportOfAKnownSparseCode() {
    // y = W z_true with z_true 2-sparse (columns 2 and 7) and a random unit-norm dictionary [20, 10]
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = dictionary(m, 20, 10, 3);
      float[] truth = new float[10];
      truth[2] = 1.5f;
      truth[7] = -1.0f;
      NDArray zTrue = m.create(truth, new Shape(1, 10));
      NDArray y = zTrue.matMul(w.transpose());
      SparseCode code = SparseCoding.ista(w, y, 0.05, 500);
      float[] z = code.z().toFloatArray();
      for (int j = 0; j < 10; j++) {
        if (j == 2 || j == 7) {
          assertThat(Math.signum(z[j])).as("z[%s]", j).isEqualTo(Math.signum(truth[j]));
          assertThat((double) Math.abs(z[j])).as("z[%s]", j).isGreaterThan(0.5);
        } else {
          assertThat((double) Math.abs(z[j])).as("z[%s]", j).isLessThan(1e-3);
        }
      }
      // ISTA's code is at least as good as the true code for the lasso energy
      double found = SparseCoding.energy(w, y, code.z(), 0.05).getFloat(0);
      double atTruth = SparseCoding.energy(w, y, zTrue, 0.05).getFloat(0);
      assertThat(found).isLessThanOrEqualTo(atTruth + 1e-6);
    }
  }

  @Test
  void dictionaryStepLowersTheReconstructionErrorAndKeepsUnitColumns() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = dictionary(m, 6, 4, 5);
      NDArray target = dictionary(m, 6, 4, 6);
      NDArray z = m.create(HostRandom.normal(new SplittableRandom(7), 8 * 4), new Shape(8, 4));
      NDArray y = z.matMul(target.transpose()); // signals made by another dictionary
      double before = SparseCoding.energy(w, y, z, 0).mean().getFloat();
      NDArray next = SparseCoding.dictionaryStep(w, y, z, 0.01);
      double after = SparseCoding.energy(next, y, z, 0).mean().getFloat();
      assertThat(after).isLessThan(before);
      float[] norms = next.square().sum(new int[] {0}).sqrt().toFloatArray();
      assertThat(norms).containsExactly(new float[] {1, 1, 1, 1}, within(1e-5f));
      assertThat(next.getManager()).isSameAs(w.getManager());
    }
  }

  @Test
  void rejectsMismatchedShapesAndAZeroDictionary() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.zeros(new Shape(3, 2));
      NDArray y = m.zeros(new Shape(1, 4));
      assertThatThrownBy(() -> SparseCoding.energy(w, y, m.zeros(new Shape(1, 2)), 0.1))
          .hasMessageContaining("W (3, 2) must be [Dy, Dz] for y (1, 4)");
      assertThatThrownBy(() -> SparseCoding.ista(w, m.zeros(new Shape(1, 3)), 0.1, 5))
          .hasMessageContaining("all zeros");
    }
  }
}
