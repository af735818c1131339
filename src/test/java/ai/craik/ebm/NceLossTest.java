package ai.craik.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.craik.engine.Engines;
import ai.craik.engine.HostRandom;
import ai.craik.engine.RandomStreams;
import ai.craik.nn.Parameters;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NceLossTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 13L);
  }

  @Test
  void valueMatchesTheLogisticFormulaWithNuFromTheSampleCounts() {
    double[] eData = {0.3, 1.1};
    double[] qData = {-1.0, -2.0};
    double[] eNoise = {0.5, 2.0, 1.5, 0.1, 0.7, 0.9}; // [2, 3] -> nu = 3
    double[] qNoise = {-1.5, -0.7, -1.2, -2.2, -0.4, -1.0};
    double c = 0.25;
    double nu = 3;
    double expected = 0;
    for (int i = 0; i < 2; i++) {
      double g = -eData[i] - c - qData[i] - Math.log(nu);
      expected += -Math.log(1 / (1 + Math.exp(-g))) / 2;
    }
    for (int j = 0; j < 6; j++) {
      double g = -eNoise[j] - c - qNoise[j] - Math.log(nu);
      expected += -nu * Math.log(1 - 1 / (1 + Math.exp(-g))) / 6;
    }
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray loss = new NceLoss().loss(
          new NceLoss.Samples(m.create(eData), m.create(qData)),
          new NceLoss.Samples(m.create(eNoise, new Shape(2, 3)), m.create(qNoise, new Shape(2, 3))),
          m.create(new double[] {c}));
      assertThat(loss.getShape().isScalar()).isTrue();
      assertThat(loss.getDouble()).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void gradientWithRespectToTheLogPartitionMatchesFiniteDifferences() {
    double[] eData = {0.3, 1.1};
    double[] qData = {-1.0, -2.0};
    double[] eNoise = {0.5, 2.0, 1.5, 0.1};
    double[] qNoise = {-1.5, -0.7, -1.2, -2.2};
    try (NDManager m = NDManager.newBaseManager()) {
      NceLoss.Samples data = new NceLoss.Samples(m.create(eData), m.create(qData));
      NceLoss.Samples noise = new NceLoss.Samples(m.create(eNoise, new Shape(2, 2)),
          m.create(qNoise, new Shape(2, 2)));
      NDArray c = m.create(new double[] {0.2});
      c.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(new NceLoss().loss(data, noise, c));
      }
      double analytic = c.getGradient().toDoubleArray()[0];
      double h = 1e-6;
      double up = new NceLoss().loss(data, noise, m.create(new double[] {0.2 + h})).getDouble();
      double down = new NceLoss().loss(data, noise, m.create(new double[] {0.2 - h})).getDouble();
      assertThat(analytic).isCloseTo((up - down) / (2 * h), within(1e-7));
    }
  }

  /**
   * Data from N(0, 1), i.e. exp(-E)/Z with E(y) = y^2/2 and Z = sqrt(2 pi); noise N(0, 1.5^2) with
   * nu = 4. Training only c by gradient descent must find c close to log Z = 0.9189.
   */
  @Test
  void learnedLogPartitionConvergesToTheTrueLogZ() {
    int b = 4000;
    int nu = 4;
    double s = 1.5;
    RandomStreams streams = new RandomStreams(2024L);
    float[] yData = HostRandom.normal(streams.stream("data"), b);
    float[] yNoise = HostRandom.normal(streams.stream("noise"), b * nu);
    for (int i = 0; i < yNoise.length; i++) {
      yNoise[i] *= (float) s;
    }
    double logZ = 0.5 * Math.log(2 * Math.PI);
    try (NDManager m = NDManager.newBaseManager();
        Parameters params = new Parameters(m)) {
      NDArray c = NceLoss.addLogPartition(params, 0f);
      assertThat(c.getName()).isEqualTo(NceLoss.LOG_PARTITION);
      NceLoss nce = new NceLoss();
      for (int step = 0; step < 150; step++) {
        try (NDManager scope = m.newSubManager()) {
          NDArray yd = scope.create(yData); // [B]
          NDArray yn = scope.create(yNoise, new Shape(b, nu)); // [B, nu]
          NceLoss.Samples data = new NceLoss.Samples(yd.square().mul(0.5), logGauss(yd, s));
          NceLoss.Samples noise = new NceLoss.Samples(yn.square().mul(0.5), logGauss(yn, s));
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(nce.loss(data, noise, c));
          }
        }
        try (NDArray g = c.getGradient()) {
          c.subi(g); // gradient descent, learning rate 1 (the loss is convex in c)
          g.subi(g); // backward accumulates: start the next step from a zero gradient
        }
      }
      assertThat((double) c.getFloat()).isCloseTo(logZ, within(0.08));
    }
  }

  /** log N(y; 0, s^2), element-wise. */
  private static NDArray logGauss(NDArray y, double s) {
    return y.square().div(-2 * s * s).sub(Math.log(s * Math.sqrt(2 * Math.PI)));
  }

  @Test
  void rejectsMismatchedShapesAndANonScalarLogPartition() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> new NceLoss.Samples(m.zeros(new Shape(3)), m.zeros(new Shape(4))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("(3)").hasMessageContaining("(4)");
      NceLoss.Samples d = new NceLoss.Samples(m.zeros(new Shape(2)), m.zeros(new Shape(2)));
      assertThatThrownBy(() -> new NceLoss().loss(d, d, m.zeros(new Shape(2))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("log-partition");
    }
  }
}
