package ai.craik.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.craik.engine.Engines;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FreeEnergyTest {
  private static final double[] BETAS = {
    0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};

  @BeforeAll
  static void engine() {
    Engines.start(1, 42L);
  }

  /** E [4, 5] with entries uniform in [-3, 3), fixed seed. */
  private static float[] randomEnergies() {
    SplittableRandom rng = new SplittableRandom(5);
    float[] e = new float[20];
    for (int i = 0; i < e.length; i++) {
      e[i] = (float) (6 * rng.nextDouble() - 3);
    }
    return e;
  }

  private static double[] rowMin(float[] e, int b, int k) {
    double[] out = new double[b];
    for (int i = 0; i < b; i++) {
      out[i] = Double.POSITIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        out[i] = Math.min(out[i], e[i * k + j]);
      }
    }
    return out;
  }

  private static double[] rowMean(float[] e, int b, int k) {
    double[] out = new double[b];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < k; j++) {
        out[i] += e[i * k + j] / (double) k;
      }
    }
    return out;
  }

  @Test
  void workedExampleByHandOnThreeByTwo() {
    // F_1 = -log((exp(-E1) + exp(-E2)) / 2) per row
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray e = m.create(new float[] {0, 1, 2, 2, -1, 3}, new Shape(3, 2));
      float[] f = FreeEnergy.softmin(e, 1.0).toFloatArray();
      assertThat((double) f[0]).isCloseTo(-Math.log((1 + Math.exp(-1)) / 2), within(1e-6));
      assertThat((double) f[0]).isCloseTo(0.3798854930, within(1e-6));
      assertThat((double) f[1]).isCloseTo(2.0, within(1e-6));
      assertThat((double) f[2]).isCloseTo(-Math.log((Math.exp(1) + Math.exp(-3)) / 2), within(1e-6));
      FreeEnergy.Minimum min = FreeEnergy.zeroTemperature(e);
      assertThat(min.energy().toFloatArray()).containsExactly(0f, 2f, -1f);
      assertThat(min.index().toLongArray()).containsExactly(0L, 0L, 0L); // row 1 ties: first
      assertThat(FreeEnergy.softmin(e, 1.0).getShape()).isEqualTo(new Shape(3));
    }
  }

  @Test
  void liesBetweenMinAndMeanAndDoesNotIncreaseWithBeta() {
    float[] data = randomEnergies();
    double[] min = rowMin(data, 4, 5);
    double[] mean = rowMean(data, 4, 5);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray e = m.create(data, new Shape(4, 5));
      float[] previous = null;
      for (double beta : BETAS) {
        float[] f = FreeEnergy.softmin(e, beta).toFloatArray();
        for (int b = 0; b < 4; b++) {
          assertThat((double) f[b]).as("beta=%s row %s", beta, b)
              .isBetween(min[b] - 1e-6, mean[b] + 1e-6);
          if (previous != null) {
            assertThat(f[b]).as("beta=%s row %s", beta, b).isLessThanOrEqualTo(previous[b] + 1e-6f);
          }
        }
        previous = f;
      }
      // strictly between at a moderate beta (the rows are not constant)
      float[] f1 = FreeEnergy.softmin(e, 1.0).toFloatArray();
      for (int b = 0; b < 4; b++) {
        assertThat((double) f1[b]).isGreaterThan(min[b] + 1e-3).isLessThan(mean[b] - 1e-3);
      }
    }
  }

  @Test
  void tendsToMinForLargeBetaIsMinExactlyAtInfinityAndTendsToMeanForSmallBeta() {
    float[] data = randomEnergies();
    double[] min = rowMin(data, 4, 5);
    double[] mean = rowMean(data, 4, 5);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray e = m.create(data, new Shape(4, 5));
      float[] large = FreeEnergy.softmin(e, 1e6).toFloatArray();
      float[] inf = FreeEnergy.softmin(e, Double.POSITIVE_INFINITY).toFloatArray();
      float[] small = FreeEnergy.softmin(e, 1e-7).toFloatArray();
      for (int b = 0; b < 4; b++) {
        assertThat((double) large[b]).isCloseTo(min[b], within(1e-5));
        assertThat(inf[b]).isEqualTo((float) min[b]);
        assertThat((double) small[b]).isCloseTo(mean[b], within(1e-5));
      }
      // rows of equal energies: every beta gives that energy
      NDArray flat = m.create(new float[] {1.5f, 1.5f, 1.5f}, new Shape(1, 3));
      assertThat((double) FreeEnergy.softmin(flat, 3.0).getFloat(0)).isCloseTo(1.5, within(1e-6));
    }
  }

  @Test
  void matchesADoublePrecisionHostReferenceFromTinyToLargeBeta() {
    float[] data = randomEnergies();
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray e = m.create(data, new Shape(4, 5));
      for (double beta : new double[] {1e-6, 1e-4, 1e-2, 1, 100, 1e4}) {
        float[] f = FreeEnergy.softmin(e, beta).toFloatArray();
        for (int b = 0; b < 4; b++) {
          double min = Double.POSITIVE_INFINITY;
          for (int k = 0; k < 5; k++) {
            min = Math.min(min, data[b * 5 + k]);
          }
          double sum = 0;
          for (int k = 0; k < 5; k++) {
            sum += Math.exp(-beta * (data[b * 5 + k] - min));
          }
          double reference = min - Math.log(sum / 5) / beta;
          assertThat((double) f[b]).as("beta=%s row %s", beta, b)
              .isCloseTo(reference, within(2e-6));
        }
      }
    }
  }

  @Test
  void gradientIsTheGibbsDistributionAndMatchesFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(9);
    double[] data = new double[6];
    for (int i = 0; i < data.length; i++) {
      data[i] = 4 * rng.nextDouble() - 2;
    }
    double beta = 0.7;
    double h = 1e-6;
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray e = m.create(data, new Shape(2, 3)); // float64
      e.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(FreeEnergy.softmin(e, beta).sum());
      }
      double[] grad = e.getGradient().toDoubleArray();
      double[] gibbs = Gibbs.probabilities(m.create(data, new Shape(2, 3)), beta).toDoubleArray();
      for (int i = 0; i < data.length; i++) {
        double[] plus = data.clone();
        double[] minus = data.clone();
        plus[i] += h;
        minus[i] -= h;
        double fPlus = FreeEnergy.softmin(m.create(plus, new Shape(2, 3)), beta).sum().getDouble();
        double fMinus = FreeEnergy.softmin(m.create(minus, new Shape(2, 3)), beta).sum().getDouble();
        double fd = (fPlus - fMinus) / (2 * h);
        assertThat(grad[i]).as("dF/dE[%s]", i).isCloseTo(fd, within(1e-7));
        assertThat(grad[i]).as("dF/dE[%s] vs Gibbs", i).isCloseTo(gibbs[i], within(1e-12));
      }
    }
  }

  @Test
  void float32GradientIsTheGibbsDistribution() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray e = m.create(new float[] {0, 1, 2, 2, -1, 3}, new Shape(3, 2));
      e.setRequiresGradient(true);
      NDArray f;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        f = FreeEnergy.softmin(e, 2.0);
        gc.backward(f.sum());
      }
      assertThat(f.getDataType()).isEqualTo(DataType.FLOAT32);
      float[] grad = e.getGradient().toFloatArray();
      float[] gibbs = Gibbs.probabilities(e.stopGradient(), 2.0).toFloatArray();
      for (int i = 0; i < grad.length; i++) {
        assertThat(grad[i]).isCloseTo(gibbs[i], within(1e-6f));
      }
    }
  }

  @Test
  void rejectsNonPositiveOrNanBetaAndWrongShapesWithClearMessages() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray e = m.create(new float[] {0, 1, 2, 3}, new Shape(2, 2));
      assertThatThrownBy(() -> FreeEnergy.softmin(e, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("beta=0.0 must be > 0")
          .hasMessageContaining("POSITIVE_INFINITY");
      assertThatThrownBy(() -> FreeEnergy.softmin(e, -1)).hasMessageContaining("beta=-1.0");
      assertThatThrownBy(() -> FreeEnergy.softmin(e, Double.NaN)).hasMessageContaining("beta=NaN");
      NDArray vector = m.create(new float[] {0, 1, 2});
      assertThatThrownBy(() -> FreeEnergy.softmin(vector, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("(3)")
          .hasMessageContaining("must be [B, K]");
    }
  }
}
