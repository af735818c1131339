package ai.craik.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContrastiveLossesTest {

  @Test
  void buildsEachNamedLossWithItsParameter() {
    assertThat(ContrastiveLosses.of("energy")).isEqualTo(new EnergyLoss());
    assertThat(ContrastiveLosses.of("perceptron")).isEqualTo(new PerceptronLoss());
    assertThat(ContrastiveLosses.of("hinge", 0.5)).isEqualTo(new HingeLoss(0.5));
    assertThat(ContrastiveLosses.of("log")).isEqualTo(new LogLoss());
    assertThat(ContrastiveLosses.of("square-square", 2)).isEqualTo(new SquareSquareLoss(2));
    assertThat(ContrastiveLosses.of("square-exponential", 3))
        .isEqualTo(new SquareExponentialLoss(3));
    assertThat(ContrastiveLosses.of("nll", 4)).isEqualTo(new NegativeLogLikelihoodLoss(4));
    assertThat(ContrastiveLosses.of("InfoNCE", 0.07)).isEqualTo(new InfoNceLoss(0.07));
  }

  @Test
  void defaultsAreMarginOneAndTemperatureOneTenth() {
    assertThat(ContrastiveLosses.of("hinge")).isEqualTo(new HingeLoss(1.0));
    assertThat(ContrastiveLosses.of("infonce")).isEqualTo(new InfoNceLoss(0.1));
    for (String name : ContrastiveLosses.NAMES) {
      assertThat(ContrastiveLosses.of(name)).isNotNull();
    }
  }

  @Test
  void unknownNameListsTheChoices() {
    assertThatThrownBy(() -> ContrastiveLosses.of("hing", 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown contrastive loss 'hing'; use one of energy, perceptron, hinge, log,"
            + " square-square, square-exponential, nll, infonce");
    assertThatThrownBy(() -> ContrastiveLosses.of("nce"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nce'").hasMessageContaining("infonce");
  }

  @Test
  void invalidMarginTemperatureGammaAndBetaNameTheValueAndAFix() {
    assertThatThrownBy(() -> new HingeLoss(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hinge margin=-1.0 must be positive and finite; use e.g. 1.0");
    assertThatThrownBy(() -> ContrastiveLosses.of("square-square", 0))
        .hasMessage("square-square margin=0.0 must be positive and finite; use e.g. 1.0");
    assertThatThrownBy(() -> new InfoNceLoss(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("infonce temperature=0.0 must be positive and finite; use e.g. 0.1");
    assertThatThrownBy(() -> new InfoNceLoss(Double.NaN))
        .hasMessageContaining("temperature=NaN");
    assertThatThrownBy(() -> new SquareExponentialLoss(Double.POSITIVE_INFINITY))
        .hasMessageContaining("gamma=Infinity");
    assertThatThrownBy(() -> new NegativeLogLikelihoodLoss(-2))
        .hasMessageContaining("beta=-2.0");
  }
}
