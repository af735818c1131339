package ai.craik.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The critic learns the discounted cost to come in a 1-D corridor. */
class CriticTest {
  private static final int L = 20;
  private static final double GAMMA = 0.9;
  private static final float[] GOAL = {1f};

  /**
   * Episodes in a corridor of L + 1 cells: from a random start the agent steps right until the
   * goal cell L and stays there; the cost of arriving at x is (L - x) / L. Latent: x / L.
   */
  private static ShortTermMemory corridor(int episodes, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    ShortTermMemory m = new ShortTermMemory(100_000);
    for (int e = 0; e < episodes; e++) {
      int x = rng.nextInt(L);
      for (int t = 0; t < 2 * L; t++) {
        m.write(new MemoryEntry(e, t, 0, new float[] {x / (float) L}, new float[] {1f},
            (L - x) / (double) L, GOAL));
        x = Math.min(L, x + 1);
      }
    }
    return m;
  }

  /** The discounted cost to come from x: sum_{k>=1} gamma^(k-1) (L - x - k)^+ / L. */
  private static double truth(int x) {
    double v = 0;
    for (int k = 1; x + k < L; k++) {
      v += Math.pow(GAMMA, k - 1) * (L - x - k) / (double) L;
    }
    return v;
  }

  @Test
  void firstRoundTargetsAreTheDiscountedSumsToTheEndOfTheEpisode() {
    try (NDManager nd = NDManager.newBaseManager()) {
      Critic c = new Critic(nd, 1, new int[] {8}, GAMMA, new SplittableRandom(1));
      ShortTermMemory m = new ShortTermMemory(100);
      float[][] s = {{0f}, {0.5f}, {1f}};
      double[] cost = {9, 2, 3};
      for (int t = 0; t < 3; t++) {
        m.write(new MemoryEntry(0, t, 0, s[t], new float[0], cost[t], GOAL));
      }
      List<Critic.Sample> y = c.targets(m, false, nd); // untrained: the tail is 0
      assertThat(y).hasSize(2);
      assertThat(y.get(0).target()).isCloseTo(3.0, within(1e-9)); // from s_1: c_2
      assertThat(y.get(1).target()).isCloseTo(2 + GAMMA * 3, within(1e-9)); // from s_0
      assertThat(c.trained()).isFalse();
      assertThatThrownBy(() -> c.asCost(GOAL)).hasMessageContaining("untrained");
    }
  }

  @Test
  void fitsTheCorridorWithRSquaredAboveNinetyPercent() {
    try (NDManager nd = NDManager.newBaseManager()) {
      Critic c = new Critic(nd, 1, new int[] {64, 64}, GAMMA, new SplittableRandom(3));
      Critic.Report r = c.train(corridor(40, 5), false, 3, 60, 64, 3e-3,
          new SplittableRandom(7), nd);
      assertThat(r.r2()).isGreaterThan(0.9);
      // held-out check against the closed form at every cell
      List<Critic.Sample> truth = new ArrayList<>();
      float[][] s = new float[L][];
      float[][] g = new float[L][];
      for (int x = 0; x < L; x++) {
        truth.add(new Critic.Sample(new float[] {x / (float) L}, GOAL, truth(x)));
        s[x] = truth.get(x).state();
        g[x] = GOAL;
      }
      assertThat(c.r2(truth, nd)).isGreaterThanOrEqualTo(0.9);
      double[] v = c.values(s, g, nd);
      assertThat(v[0]).isGreaterThan(v[L / 2]).isGreaterThan(0);
    }
  }
}
