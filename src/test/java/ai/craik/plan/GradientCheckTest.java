package ai.craik.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.engine.GradMode;
import ai.craik.engine.HostRandom;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Claim: the gradient the gradient planner descends, d c_i / d a_i from back-propagation through
 * the model and the objective in one batch of candidates, equals central finite differences
 * (c_i(a + h e) - c_i(a - h e)) / 2h of the costs, for every coordinate of every candidate, on a
 * nonlinear model s_{t+1} = tanh(A s_t + B a_t).
 */
class GradientCheckTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void backpropagatedGradientMatchesCentralFiniteDifferences() {
    int n = 3;
    int t = 3;
    int ta = t * LinearWorld.ACT;
    LinearWorld model = new LinearWorld(true);
    PlanObjective objective = LinearWorld.objective(0.3);
    float[] x = HostRandom.normal(new SplittableRandom(5), n * ta);
    try (NDManager m = NDManager.newBaseManager()) {
      Candidates.Graded g = Candidates.costsAndGradient(m, LinearWorld.S0, model, objective, x, n,
          t);
      assertThat(GradMode.enabled()).as("grad mode restored after the collector").isFalse();
      double[] plain = Candidates.costs(m, LinearWorld.S0, model, objective, x, n, t);
      assertThat(g.costs()).containsExactly(plain);
      double h = 1e-2;
      double maxErr = 0;
      double maxGrad = 0;
      for (int j = 0; j < x.length; j++) {
        int row = j / ta;
        float[] up = x.clone();
        float[] down = x.clone();
        up[j] += (float) h;
        down[j] -= (float) h;
        double cu = Candidates.costs(m, LinearWorld.S0, model, objective, up, n, t)[row];
        double cd = Candidates.costs(m, LinearWorld.S0, model, objective, down, n, t)[row];
        double fd = (cu - cd) / (up[j] - down[j]);
        maxErr = Math.max(maxErr, Math.abs(fd - g.gradient()[j]));
        maxGrad = Math.max(maxGrad, Math.abs(g.gradient()[j]));
        assertThat((double) g.gradient()[j]).as("coordinate %s", j)
            .isCloseTo(fd, offset(2e-3 + 1e-2 * Math.abs(fd)));
      }
      assertThat(maxGrad).as("a gradient worth checking").isGreaterThan(0.1);
      assertThat(m.getManagedArrays()).as("no array left behind").isEmpty();
    }
  }
}
