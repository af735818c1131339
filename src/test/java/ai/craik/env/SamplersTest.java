package ai.craik.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplersTest {
  private static final int N = 200_000;

  @Test
  void vonMisesHasTheBesselMeanResultantLength() {
    // E[cos θ] = I1(κ)/I0(κ); for κ = 5: I1(5) = 24.33564, I0(5) = 27.23987.
    SplittableRandom rng = new SplittableRandom(7);
    double c = 0;
    double s = 0;
    for (int i = 0; i < N; i++) {
      double t = Samplers.vonMises(rng, 0.0, 5.0);
      assertThat(t).isGreaterThan(-Math.PI).isLessThanOrEqualTo(Math.PI);
      c += Math.cos(t);
      s += Math.sin(t);
    }
    assertThat(c / N).isCloseTo(24.33564 / 27.23987, within(0.003));
    assertThat(s / N).isCloseTo(0.0, within(0.005));
  }

  @Test
  void vonMisesWithZeroConcentrationIsUniform() {
    SplittableRandom rng = new SplittableRandom(8);
    double c = 0;
    double m2 = 0;
    for (int i = 0; i < N; i++) {
      double t = Samplers.vonMises(rng, 1.0, 0.0);
      c += Math.cos(t);
      m2 += t * t;
    }
    assertThat(c / N).isCloseTo(0.0, within(0.01));
    assertThat(m2 / N).isCloseTo(Math.PI * Math.PI / 3, within(0.03));
  }

  @Test
  void truncatedNormalHasTheTruncatedMoments() {
    // N(1, 0.4²) on [0.2, 1.8] = ±2σ: mean 1, variance σ²(1 − 2·2·φ(2)/(Φ(2) − Φ(−2))).
    double phi2 = Math.exp(-2) / Math.sqrt(2 * Math.PI);
    double mass = 0.9544997;
    double variance = 0.16 * (1 - 4 * phi2 / mass);
    SplittableRandom rng = new SplittableRandom(9);
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < N; i++) {
      double v = Samplers.truncatedNormal(rng, 1.0, 0.4, 0.2, 1.8);
      assertThat(v).isBetween(0.2, 1.8);
      sum += v;
      sq += v * v;
    }
    double mean = sum / N;
    assertThat(mean).isCloseTo(1.0, within(0.003));
    assertThat(sq / N - mean * mean).isCloseTo(variance, within(0.002));
  }

  @Test
  void truncatedNormalFarInTheTailStaysInItsInterval() {
    SplittableRandom rng = new SplittableRandom(10);
    double sum = 0;
    for (int i = 0; i < 10_000; i++) {
      double v = Samplers.truncatedNormal(rng, 0.0, 1.0, 6.0, 6.5);
      assertThat(v).isBetween(6.0, 6.5);
      sum += v;
    }
    assertThat(sum / 10_000).isLessThan(6.25); // mass piles up at the near end
  }
}
