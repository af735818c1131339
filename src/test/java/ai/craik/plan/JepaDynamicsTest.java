package ai.craik.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.engine.HostRandom;
import ai.craik.jepa.IdentityActionEncoder;
import ai.craik.jepa.Jepa;
import ai.craik.jepa.MlpEncoder;
import ai.craik.jepa.RegularizerSet;
import ai.craik.jepa.ResidualMlpPredictor;
import ai.craik.jepa.SquaredError;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A JEPA as planning dynamics: its own candidate unroll, differentiable in the actions. */
class JepaDynamicsTest {
  static final int D = 6;
  static final int A = 2;

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  static Jepa jepa(NDManager m) {
    SplittableRandom init = new SplittableRandom(3);
    MlpEncoder enc = new MlpEncoder(new Parameters(m), 4, new int[] {8}, D, init);
    return new Jepa(enc, new IdentityActionEncoder(new Parameters(m), A),
        new ResidualMlpPredictor(new Parameters(m), D, A, new int[] {8}, false, enc.outputNorm(),
            init),
        RegularizerSet.none(), new SquaredError());
  }

  @Test
  void rolloutIsTheJepasCandidateUnrollAndHasAGradientInTheActions() {
    try (NDManager m = NDManager.newBaseManager()) {
      Jepa jepa = jepa(m);
      JepaDynamics model = new JepaDynamics(jepa, A);
      NDArray s0 = jepa.encode(m.create(new float[] {0.1f, -0.2f, 0.3f, 0.4f}, new Shape(1, 4)));
      float[] x = HostRandom.normal(new SplittableRandom(4), 3 * 2 * A);
      NDArray actions = m.create(x, new Shape(3, 2, A));
      assertThat(model.rollout(s0, actions).toFloatArray())
          .containsExactly(jepa.unrollCandidates(s0, actions).states().toFloatArray());
      assertThat(model.latentDim()).isEqualTo(D);

      float[] goal = HostRandom.normal(new SplittableRandom(5), D);
      PlanObjective objective = WeightedObjective.of("goal", 1, new GoalDistance(goal))
          .with("action", 0.1, new ActionMagnitude());
      float[] s0f = s0.toFloatArray();
      Candidates.Graded g = Candidates.costsAndGradient(m, s0f, model, objective, x, 3, 2);
      for (int j = 0; j < x.length; j++) {
        float[] up = x.clone();
        float[] down = x.clone();
        up[j] += 1e-2f;
        down[j] -= 1e-2f;
        int row = j / (2 * A);
        double fd = (Candidates.costs(m, s0f, model, objective, up, 3, 2)[row]
            - Candidates.costs(m, s0f, model, objective, down, 3, 2)[row]) / (up[j] - down[j]);
        assertThat((double) g.gradient()[j]).as("coordinate %s", j)
            .isCloseTo(fd, offset(3e-3 + 2e-2 * Math.abs(fd)));
      }
      // planning through it lowers the cost below doing nothing
      Plan plan = new CemPlanner(new CemSettings(64, 8, 1.0, 0.05, 2.0)).plan(s0, model,
          objective, 3, null, 8, new SplittableRandom(6));
      double idle = Candidates.costs(m, s0f, model, objective, new float[3 * A], 1, 3)[0];
      assertThat(plan.cost()).isLessThan(idle);
    }
  }
}
