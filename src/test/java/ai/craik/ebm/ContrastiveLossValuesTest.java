package ai.craik.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.craik.engine.Engines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exact values on a hand-worked example, and the shift invariances of the softmax losses. */
class ContrastiveLossValuesTest {

  // E+ = [1, 0]; E- = [[2, 0], [3, 1]] (B = 2, M = 2).
  private static final double[] POS = {1, 0};
  private static final double[][] NEG = {{2, 0}, {3, 1}};
  // Full candidate sets for NLL: the observed answer first, then the two others.
  private static final double[][] CANDIDATES = {{1, 2, 0}, {0, 3, 1}};
  private static final double TOL = 1e-9;

  @BeforeAll
  static void engine() {
    Engines.start(1, 5L);
  }

  @Test
  void hingeAveragesTheMarginViolationsOverNegatives() {
    // m = 2. Row 0: max(0, 2+1-2) = 1, max(0, 2+1-0) = 3 -> 2. Row 1: max(0, 2+0-3) = 0,
    // max(0, 2+0-1) = 1 -> 0.5. Mean 1.25.
    assertThat(LossProbe.value(new HingeLoss(2), POS, NEG)).isCloseTo(1.25, within(TOL));
  }

  @Test
  void logLossIsTheMeanSoftplusOfTheEnergyGaps() {
    // Row 0: (log(1+e^-1) + log(1+e^1)) / 2 = (0.3132617 + 1.3132617) / 2 = 0.8132617.
    // Row 1: (log(1+e^-3) + log(1+e^-1)) / 2 = (0.0485874 + 0.3132617) / 2 = 0.1809245.
    assertThat(LossProbe.value(new LogLoss(), POS, NEG)).isCloseTo(0.4970931035, within(TOL));
  }

  @Test
  void squareSquarePullsPositiveToZeroAndNegativesToTheMargin() {
    // m = 2. Row 0: 1^2 + (max(0,2-2)^2 + max(0,2-0)^2)/2 = 1 + 2 = 3.
    // Row 1: 0^2 + (max(0,2-3)^2 + max(0,2-1)^2)/2 = 0.5. Mean 1.75.
    assertThat(LossProbe.value(new SquareSquareLoss(2), POS, NEG)).isCloseTo(1.75, within(TOL));
  }

  @Test
  void squareExponentialAddsGammaTimesMeanExpOfMinusNegatives() {
    // gamma = 0.5. Row 0: 1 + 0.5 (e^-2 + e^0)/2 = 1.2838338. Row 1: 0 + 0.5 (e^-3 + e^-1)/2
    // = 0.1044166. Mean 0.6941252.
    assertThat(LossProbe.value(new SquareExponentialLoss(0.5), POS, NEG))
        .isCloseTo(0.6941252241, within(TOL));
  }

  @Test
  void nllIsPositiveEnergyPlusSoftminFreeEnergyOfTheCandidates() {
    // beta = 2. Row 0: 1 + (1/2) log(e^-2 + e^-4 + e^0) = 1.0714648. Row 1: 0 + (1/2)
    // log(e^0 + e^-6 + e^-2) = 0.0645554. Mean 0.5680101.
    assertThat(LossProbe.value(new NegativeLogLikelihoodLoss(2), POS, CANDIDATES))
        .isCloseTo(0.5680101343, within(TOL));
  }

  @Test
  void infoNceIsCrossEntropyOfThePositiveAmongItsNegatives() {
    // tau = 0.5, logits -E/tau. Row 0: 2 + log(e^-2 + e^-4 + e^0) = 2.1429297.
    // Row 1: 0 + log(e^0 + e^-6 + e^-2) = 0.1291108. Mean 1.1360203.
    assertThat(LossProbe.value(new InfoNceLoss(0.5), POS, NEG))
        .isCloseTo(1.1360202687, within(TOL));
  }

  @Test
  void infoNceIsLogOfCandidateCountWhenAllEnergiesAreEqual() {
    double[][] equal = {{3, 3, 3}, {3, 3, 3}};
    assertThat(LossProbe.value(new InfoNceLoss(0.2), new double[] {3, 3}, equal))
        .isCloseTo(Math.log(4), within(TOL));
  }

  @Test
  void infoNceIsUnchangedByAddingAConstantToAllEnergies() {
    ContrastiveLoss loss = new InfoNceLoss(0.5);
    double base = LossProbe.value(loss, POS, NEG);
    for (double c : new double[] {-7.0, 3.5, 250.0}) {
      assertThat(LossProbe.value(loss, LossProbe.shift(POS, c), LossProbe.shift(NEG, c)))
          .as("shift %s", c).isCloseTo(base, within(1e-9));
    }
  }

  @Test
  void nllIsUnchangedByAddingAConstantToAllEnergies() {
    ContrastiveLoss loss = new NegativeLogLikelihoodLoss(2);
    double base = LossProbe.value(loss, POS, CANDIDATES);
    for (double c : new double[] {-7.0, 3.5, 250.0}) {
      assertThat(LossProbe.value(loss, LossProbe.shift(POS, c), LossProbe.shift(CANDIDATES, c)))
          .as("shift %s", c).isCloseTo(base, within(1e-9));
    }
  }

  @Test
  void nllChangesByExactlyTheConstantAddedToThePositiveTermAlone() {
    // Only the E+ term moves; the candidates' free energy (1/beta) log sum exp(-beta E_k) stays.
    ContrastiveLoss loss = new NegativeLogLikelihoodLoss(2);
    double base = LossProbe.value(loss, POS, CANDIDATES);
    assertThat(LossProbe.value(loss, LossProbe.shift(POS, 0.75), CANDIDATES))
        .isCloseTo(base + 0.75, within(1e-12));
    // Shifting only the candidates moves the free energy by -c.
    assertThat(LossProbe.value(loss, POS, LossProbe.shift(CANDIDATES, 0.75)))
        .isCloseTo(base - 0.75, within(1e-12));
  }

  @Test
  void softmaxLossesStayFiniteForHugeEnergies() {
    double[] pos = {1000, -1000};
    double[][] neg = {{1002, 990}, {-995, -1003}};
    assertThat(LossProbe.value(new InfoNceLoss(0.1), pos, neg)).isFinite();
    assertThat(LossProbe.value(new NegativeLogLikelihoodLoss(5), pos, neg)).isFinite();
    assertThat(LossProbe.value(new LogLoss(), pos, neg)).isFinite();
  }

  @Test
  void perceptronIsPositiveMinusLowestNegative() {
    // Row 0: 1 - min(2, 0) = 1. Row 1: 0 - min(3, 1) = -1. Mean 0.
    assertThat(LossProbe.value(new PerceptronLoss(), POS, NEG)).isCloseTo(0.0, within(TOL));
  }

  @Test
  void energyLossIsTheMeanPositiveEnergyAndIgnoresNegatives() {
    assertThat(LossProbe.value(new EnergyLoss(), POS, NEG)).isCloseTo(0.5, within(TOL));
    assertThat(LossProbe.value(new EnergyLoss(), POS, LossProbe.shift(NEG, 9)))
        .isCloseTo(0.5, within(TOL));
  }
}
