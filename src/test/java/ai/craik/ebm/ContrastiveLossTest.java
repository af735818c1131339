package ai.craik.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every contrastive loss must have: gradient signs and agreement with finite differences. */
class ContrastiveLossTest {

  // B = 2 rows, M = 3 negatives; all energies positive, every negative inside the margins (m = 2),
  // no ties, so every loss is active and smooth here.
  private static final double[] POSITIVE = {0.5, 0.2};
  private static final double[][] NEGATIVES = {{0.8, 1.0, 0.6}, {0.4, 0.9, 0.3}};

  /** Which negative energies the loss pushes up on this example. */
  enum Pushed { ALL, ROW_MIN, NONE }

  @BeforeAll
  static void engine() {
    Engines.start(1, 3L);
  }

  static Stream<Arguments> losses() {
    return Stream.of(
        Arguments.of("energy", new EnergyLoss(), Pushed.NONE),
        Arguments.of("perceptron", new PerceptronLoss(), Pushed.ROW_MIN),
        Arguments.of("hinge", new HingeLoss(2.0), Pushed.ALL),
        Arguments.of("log", new LogLoss(), Pushed.ALL),
        Arguments.of("square-square", new SquareSquareLoss(2.0), Pushed.ALL),
        Arguments.of("square-exponential", new SquareExponentialLoss(0.7), Pushed.ALL),
        Arguments.of("nll", new NegativeLogLikelihoodLoss(1.5), Pushed.ALL),
        Arguments.of("infonce", new InfoNceLoss(0.5), Pushed.ALL),
        Arguments.of("nce", nceAsContrastive(), Pushed.ALL));
  }

  /** NCE with fixed noise log-densities and log-partition, seen as a function of the energies. */
  private static ContrastiveLoss nceAsContrastive() {
    return (p, n) -> {
      NDManager m = p.getManager();
      NDArray logqP = m.create(new double[] {-1.0, -1.3}, new Shape(2));
      NDArray logqN = m.create(new double[] {-0.9, -1.2, -1.1, -1.4, -0.8, -1.0}, new Shape(2, 3));
      NDArray c = m.create(0.4); // float64 scalar
      return new NceLoss().loss(new NceLoss.Samples(p, logqP), new NceLoss.Samples(n, logqN), c);
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("losses")
  void lowersPositiveAndRaisesNegativeEnergies(String name, ContrastiveLoss loss, Pushed pushed) {
    LossProbe.Result r = LossProbe.run(loss, POSITIVE, NEGATIVES);
    // dL/dE+ > 0: gradient descent lowers every observed energy (all active here).
    for (int i = 0; i < POSITIVE.length; i++) {
      assertThat(r.dPositive()[i]).as("%s dL/dE+[%s]", name, i).isGreaterThan(0.0);
    }
    // dL/dE- <= 0 (checked entry by entry below): gradient descent never lowers a negative energy.
    int m = NEGATIVES[0].length;
    for (int i = 0; i < NEGATIVES.length; i++) {
      int argmin = 0;
      for (int j = 1; j < m; j++) {
        argmin = NEGATIVES[i][j] < NEGATIVES[i][argmin] ? j : argmin;
      }
      for (int j = 0; j < m; j++) {
        double g = r.dNegatives()[i * m + j];
        boolean active = pushed == Pushed.ALL || (pushed == Pushed.ROW_MIN && j == argmin);
        if (active) {
          assertThat(g).as("%s dL/dE-[%s,%s]", name, i, j).isLessThan(0.0);
        } else {
          assertThat(g).as("%s dL/dE-[%s,%s]", name, i, j).isEqualTo(0.0);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("losses")
  void analyticGradientMatchesFiniteDifferences(String name, ContrastiveLoss loss, Pushed pushed) {
    LossProbe.Result r = LossProbe.run(loss, POSITIVE, NEGATIVES);
    double h = 1e-6;
    for (int i = 0; i < POSITIVE.length; i++) {
      double[] up = POSITIVE.clone();
      double[] down = POSITIVE.clone();
      up[i] += h;
      down[i] -= h;
      double fd = (LossProbe.value(loss, up, NEGATIVES) - LossProbe.value(loss, down, NEGATIVES))
          / (2 * h);
      assertThat(r.dPositive()[i]).as("%s dL/dE+[%s]", name, i).isCloseTo(fd, within(1e-7));
    }
    int m = NEGATIVES[0].length;
    for (int k = 0; k < NEGATIVES.length * m; k++) {
      double[][] up = LossProbe.shift(NEGATIVES, 0);
      double[][] down = LossProbe.shift(NEGATIVES, 0);
      up[k / m][k % m] += h;
      down[k / m][k % m] -= h;
      double fd = (LossProbe.value(loss, POSITIVE, up) - LossProbe.value(loss, POSITIVE, down))
          / (2 * h);
      assertThat(r.dNegatives()[k]).as("%s dL/dE-[%s]", name, k).isCloseTo(fd, within(1e-7));
    }
  }
}
