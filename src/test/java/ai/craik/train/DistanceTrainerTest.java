package ai.craik.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The distance phase's pair sampling (its training runs in lab/WorldModelJobTest). */
class DistanceTrainerTest {
  @Test
  void distanceGapsCoverOneToTWithManyShortAndSomeLongOnes() {
    SplittableRandom rng = new SplittableRandom(1);
    int[] count = new int[91];
    for (int i = 0; i < 20_000; i++) {
      int k = DistanceTrainer.gap(rng, 90);
      assertThat(k).isBetween(1, 90);
      count[k]++;
    }
    int shortGaps = 0;
    int longGaps = 0;
    for (int k = 1; k <= 90; k++) {
      shortGaps += k <= 5 ? count[k] : 0;
      longGaps += k > 60 ? count[k] : 0;
    }
    // log-uniform half: P(k <= 5) ~ ln 6 / ln 91 / 2 + 5 / 90 / 2 ~ 0.23; uniform half: P(k > 60) ~ 1/6
    assertThat(shortGaps / 20_000.0).isCloseTo(0.23, offset(0.03));
    assertThat(longGaps / 20_000.0).isBetween(0.17, 0.25);
  }
}
