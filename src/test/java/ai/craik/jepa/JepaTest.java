package ai.craik.jepa;

import static ai.craik.jepa.StubModels.A;
import static ai.craik.jepa.StubModels.D;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.engine.GradMode;
import ai.craik.engine.HostRandom;
import ai.craik.engine.RandomStreams;
import ai.craik.nn.LossTerms;
import ai.craik.nn.Parameters;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JepaTest {
  static final JepaLossConfig ALL = new JepaLossConfig(16, 8, 12, 1, 0.5, 3, 1, 16, 0);

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void unrollReturnsStartThenOnePredictionPerAction() {
    try (NDManager m = NDManager.newBaseManager()) {
      Jepa jepa = StubModels.model(m, ALL, 1);
      NDArray[] batch = StubModels.batch(m, new SplittableRandom(2), 3, 5);
      NDArray s0 = jepa.encode(batch[0].get(new NDIndex(":, 0"))); // [3, D]
      Rollout r = jepa.unroll(s0, batch[1]); // actions [3, 4, A]
      assertThat(r.states().getShape()).isEqualTo(new Shape(3, 5, D));
      assertThat(r.states().get(new NDIndex(":, 0")).toFloatArray()).containsExactly(
          s0.toFloatArray());
      // step t + 1 is the predictor applied to step t (predictions from predictions)
      NDArray u2 = jepa.actionEncoder().encode(batch[1].get(new NDIndex(":, 2")));
      NDArray expected = jepa.predictor().next(r.states().get(new NDIndex(":, 2")), u2);
      assertThat(r.states().get(new NDIndex(":, 3")).toFloatArray())
          .containsExactly(expected.toFloatArray());
      assertThatThrownBy(() -> jepa.unroll(s0, m.zeros(new Shape(2, 4, A))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unroll expects actions [3, T, A]");
    }
  }

  @Test
  void candidatesFromOneStartEqualUnrollingNCopies() {
    try (NDManager m = NDManager.newBaseManager()) {
      Jepa jepa = StubModels.model(m, ALL, 1);
      NDArray[] batch = StubModels.batch(m, new SplittableRandom(3), 1, 2);
      NDArray s0 = jepa.encode(batch[0].get(new NDIndex(":, 0"))); // [1, D]
      NDArray actions = m.create(HostRandom.normal(new SplittableRandom(4), 5 * 4 * A),
          new Shape(5, 4, A)); // N = 5 candidates, T = 4
      Rollout broadcast = jepa.unrollCandidates(s0, actions);
      Rollout flat = jepa.unrollCandidates(s0.reshape(D), actions);
      Rollout copies = jepa.unroll(s0.repeat(0, 5), actions);
      assertThat(broadcast.states().getShape()).isEqualTo(new Shape(5, 5, D));
      assertThat(broadcast.states().toFloatArray()).containsExactly(
          copies.states().toFloatArray());
      assertThat(flat.states().toFloatArray()).containsExactly(copies.states().toFloatArray());
      assertThatThrownBy(() -> jepa.unrollCandidates(s0.repeat(0, 2), actions))
          .hasMessageContaining("one start latent [D] or [1, D] with D = 6, got (2, 6)");
    }
  }

  @Test
  void planningRecordsAGraphOnlyInsideACollector() {
    try (NDManager m = NDManager.newBaseManager()) {
      Jepa jepa = StubModels.model(m, ALL, 1);
      NDArray s0 = m.create(HostRandom.normal(new SplittableRandom(5), D));
      NDArray actions = m.create(HostRandom.normal(new SplittableRandom(6), 3 * 2 * A),
          new Shape(3, 2, A));
      actions.setRequiresGradient(true);
      assertThat(GradMode.enabled()).isFalse();
      NDArray outside = jepa.unrollCandidates(s0, actions).states();
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        assertThatThrownBy(() -> gc.backward(outside.sum()))
            .isInstanceOf(EngineException.class).hasMessageContaining("does not require grad");
        NDArray noGrad = GradMode.disabled(() -> jepa.unrollCandidates(s0, actions).states());
        assertThatThrownBy(() -> gc.backward(noGrad.sum()))
            .isInstanceOf(EngineException.class);
        gc.backward(jepa.unrollCandidates(s0, actions).states().sum());
      }
      // gradient-based planning: a cost on the states reaches the actions of every step
      assertThat(actions.getGradient().abs().sum().getFloat()).isGreaterThan(0f);
      assertThat(actions.getGradient().get(new NDIndex(":, 1")).abs().sum().getFloat())
          .isGreaterThan(0f);
    }
  }

  @Test
  void lossIsPredictionCostOfTheRolloutPlusWeightedRegularizers() {
    try (NDManager m = NDManager.newBaseManager()) {
      Jepa jepa = StubModels.model(m, ALL, 1);
      NDArray[] batch = StubModels.batch(m, new SplittableRandom(7), 4, 5);
      LossTerms loss = jepa.loss(batch[0], batch[1], 3, new SplittableRandom(8));
      assertThat(loss.parts()).containsOnlyKeys("pred", "reg.std", "reg.cov", "reg.time_sim",
          "reg.idm", "reg.sigreg");
      assertThat(loss.parts().keySet()).containsExactly("pred", "reg.std", "reg.cov",
          "reg.time_sim", "reg.idm", "reg.sigreg");
      Map<String, Double> s = loss.scalars();
      double weighted = s.get("pred") + 16 * s.get("reg.std") + 8 * s.get("reg.cov")
          + 12 * s.get("reg.time_sim") + 1 * s.get("reg.idm") + 0.5 * s.get("reg.sigreg");
      assertThat(s.get("total")).isCloseTo(weighted, offset(1e-4 * weighted));

      // pred by hand: encode frames one at a time, roll out T = 3 steps, mean squared error
      float[][] enc = new float[5][];
      for (int t = 0; t < 5; t++) {
        enc[t] = jepa.encode(batch[0].get(new NDIndex(":, {}", t))).toFloatArray(); // [4 * D]
      }
      float[] states = jepa.unroll(m.create(enc[0], new Shape(4, D)),
          batch[1].get(new NDIndex(":, 0:3"))).states().toFloatArray(); // [4, 4, D]
      double sum = 0;
      for (int b = 0; b < 4; b++) {
        for (int t = 1; t <= 3; t++) {
          for (int j = 0; j < D; j++) {
            double diff = states[(b * 4 + t) * D + j] - enc[t][b * D + j];
            sum += diff * diff;
          }
        }
      }
      assertThat(s.get("pred")).isCloseTo(sum / (4 * 3 * D), offset(1e-6));
    }
  }

  @Test
  void severalStartsAverageTheRolloutsFromFrames0AndT() {
    try (NDManager m = NDManager.newBaseManager()) {
      JepaLossConfig predOnly = new JepaLossConfig(0, 0, 0, 0, 0, 2, 2, 4, 0);
      Jepa jepa = StubModels.model(m, predOnly, 1);
      NDArray[] batch = StubModels.batch(m, new SplittableRandom(9), 3, 6); // 5 actions >= 2 * 2
      LossTerms two = jepa.loss(batch[0], batch[1], 2, 2, new SplittableRandom(1));
      assertThat(two.parts()).containsOnlyKeys("pred");
      float first = jepa.loss(batch[0].get(new NDIndex(":, 0:3")),
          batch[1].get(new NDIndex(":, 0:2")), 2, new SplittableRandom(1)).total().getFloat();
      float second = jepa.loss(batch[0].get(new NDIndex(":, 2:5")),
          batch[1].get(new NDIndex(":, 2:4")), 2, new SplittableRandom(1)).total().getFloat();
      assertThat(two.total().getFloat()).isCloseTo((first + second) / 2, offset(1e-6f));
      assertThatThrownBy(() -> jepa.loss(batch[0], batch[1], 3, 2, new SplittableRandom(1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("a window of 6 frames holds 5 actions")
          .hasMessageContaining("at least 7 frames");
    }
  }

  @Test
  void oneStepTermIsTheTeacherForcedCostFromEveryFrameAddedWithItsWeight() {
    try (NDManager m = NDManager.newBaseManager()) {
      JepaLossConfig predOnly = new JepaLossConfig(0, 0, 0, 0, 0, 2, 1, 4, 0);
      Jepa jepa = StubModels.model(m, predOnly, 1);
      NDArray[] batch = StubModels.batch(m, new SplittableRandom(5), 3, 6);
      LossTerms both = jepa.trainingLoss(batch[0], batch[1], 2, 1, 0.5,
          new SplittableRandom(1)).terms();
      assertThat(both.parts()).containsOnlyKeys("pred", "pred_1step");
      // one step from each of the 5 first frames = 5 rollouts of 1 step from frames 0, 1, ..., 4
      double everyFrame = jepa.loss(batch[0], batch[1], 1, 5, new SplittableRandom(1)).total()
          .getFloat();
      double rollout = jepa.loss(batch[0], batch[1], 2, new SplittableRandom(1)).total()
          .getFloat();
      Map<String, Double> s = both.scalars();
      assertThat(s.get("pred_1step")).isCloseTo(everyFrame, offset(1e-6));
      assertThat(s.get("pred")).isCloseTo(rollout, offset(1e-6));
      assertThat(s.get("total")).isCloseTo(rollout + 0.5 * everyFrame, offset(1e-6));
      assertThatThrownBy(() -> jepa.trainingLoss(batch[0], batch[1], 2, 1, -1,
          new SplittableRandom(1))).hasMessageContaining("one-step weight must be >= 0");
    }
  }

  @Test
  void rolloutErrorsArePerStepCostsWithoutAGraph() {
    try (NDManager m = NDManager.newBaseManager()) {
      Jepa jepa = StubModels.model(m, ALL, 1);
      NDArray[] batch = StubModels.batch(m, new SplittableRandom(10), 2, 4);
      double[] errors;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        errors = jepa.rolloutErrors(batch[0], batch[1]); // grad mode is on here: must not record
        assertThat(GradMode.enabled()).isTrue();
      }
      assertThat(errors).hasSize(3);
      NDArray z = jepa.encodeWindows(batch[0]); // [2, 4, D]
      NDArray states = jepa.unroll(z.get(new NDIndex(":, 0")), batch[1]).states();
      for (int t = 1; t <= 3; t++) {
        float[] p = states.get(new NDIndex(":, {}", t)).toFloatArray();
        float[] e = z.get(new NDIndex(":, {}", t)).toFloatArray();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
          sum += (p[i] - e[i]) * (p[i] - e[i]);
        }
        assertThat(errors[t - 1]).as("step %d", t).isCloseTo(sum / p.length, offset(1e-6));
      }
      assertThat(errors[0]).isGreaterThan(0);
    }
  }

  @Test
  void gradientsReachEveryParameterOfEveryModule() {
    try (NDManager m = NDManager.newBaseManager()) {
      Jepa jepa = StubModels.model(m, ALL, 1);
      Map<String, Parameters> modules = jepa.modules();
      assertThat(modules).containsOnlyKeys("encoder", "action_encoder", "predictor", "idm");
      NDArray[] batch = StubModels.batch(m, new SplittableRandom(11), 4, 5);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(jepa.loss(batch[0], batch[1], 4, new SplittableRandom(1)).total());
      }
      modules.forEach((module, params) -> params.asMap().forEach((name, p) ->
          assertThat(p.getGradient().abs().sum().getFloat())
              .as("gradient of %s.%s", module, name).isGreaterThan(0f)));
    }
  }

  @Test
  void identityActionEncoderIsNotAModuleAndIdmIsOnlyThereWithWeight() {
    try (NDManager m = NDManager.newBaseManager()) {
      SplittableRandom init = new SplittableRandom(1);
      Jepa jepa = new Jepa(new StubModels.LinearEncoder(m, 2, 3, 3, D, init),
          new StubModels.IdentityActions(m, A), new StubModels.LinearPredictor(m, D, A, init),
          RegularizerSet.of(new JepaLossConfig(16, 8, 12, 0, 0, 8, 1, 4, 0), D, A, m, init),
          new SquaredError());
      assertThat(jepa.modules()).containsOnlyKeys("encoder", "predictor");
      NDArray[] batch = StubModels.batch(m, new SplittableRandom(12), 2, 3);
      assertThat(jepa.loss(batch[0], batch[1], 2, new SplittableRandom(1)).parts())
          .containsOnlyKeys("pred", "reg.std", "reg.cov", "reg.time_sim");
    }
  }

  /** One training step of the stub model on a batch drawn from the step's stream. */
  private static double trainStep(Jepa jepa, ModuleOptimizers opt, LearningRateSchedule lr,
      long step, NDManager parent, RandomStreams streams) {
    try (NDManager scope = parent.newSubManager(); NDScope arrays = new NDScope()) {
      NDArray[] batch = StubModels.batch(scope, streams.stream("data", step), 4, 5);
      double loss;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        opt.zeroGradients();
        LossTerms l = jepa.loss(batch[0], batch[1], 4, streams.stream("loss", step));
        loss = l.total().getFloat();
        gc.backward(l.total());
      }
      opt.step(lr.at(step));
      arrays.suppressNotUsedWarning();
      return loss;
    }
  }

  @Test
  void checkpointRestoredIntoAFreshModelReproducesTheNextLossExactly() {
    RandomStreams streams = new RandomStreams(21);
    LearningRateSchedule lr = new LearningRateSchedule(1e-2, 2, 10, 1e-3);
    try (NDManager m = NDManager.newBaseManager(); NDManager saved = m.newSubManager()) {
      Jepa a = StubModels.model(m, ALL, 1);
      ModuleOptimizers optA = ModuleOptimizers.adamW(a.modules(), 0.01, 1.0);
      double l0 = trainStep(a, optA, lr, 0, m, streams);
      double l1 = trainStep(a, optA, lr, 1, m, streams);
      assertThat(l1).isNotEqualTo(l0);
      NDList checkpoint = optA.state(saved);
      double next = trainStep(a, optA, lr, 2, m, streams);

      Jepa b = StubModels.model(m, ALL, 99); // other initial weights
      ModuleOptimizers optB = ModuleOptimizers.adamW(b.modules(), 0.01, 1.0);
      optB.restore(checkpoint);
      double resumed = trainStep(b, optB, lr, 2, m, streams);
      assertThat(resumed).isEqualTo(next);
      assertThat(trainStep(b, optB, lr, 3, m, streams))
          .isEqualTo(trainStep(a, optA, lr, 3, m, streams));
      assertThat(optB.modules().get("idm").optimizer().steps()).isEqualTo(4);
    }
  }

  @Test
  void trainingOnAFixedBatchLowersTheLossAndTheIdmError() {
    RandomStreams streams = new RandomStreams(5);
    try (NDManager m = NDManager.newBaseManager()) {
      Jepa jepa = StubModels.model(m, ALL, 3);
      ModuleOptimizers opt = ModuleOptimizers.adamW(jepa.modules(), 0.0, 1.0);
      NDArray[] batch = StubModels.batch(m, streams.stream("data"), 8, 5);
      Map<String, Double> first = null;
      Map<String, Double> last = null;
      for (int step = 0; step < 60; step++) {
        try (NDScope arrays = new NDScope()) {
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            opt.zeroGradients();
            LossTerms l = jepa.loss(batch[0], batch[1], 4, new SplittableRandom(step));
            last = l.scalars();
            gc.backward(l.total());
          }
          opt.step(1e-2);
          arrays.suppressNotUsedWarning();
        }
        first = first == null ? last : first;
      }
      assertThat(last.get("total")).isLessThan(0.5 * first.get("total"));
      assertThat(last.get("reg.idm")).isLessThan(first.get("reg.idm"));
    }
  }

  @Test
  void freshModelWithoutRestoreGivesAnotherLoss() {
    // the resume test above can fail: a different initialization changes the loss
    RandomStreams streams = new RandomStreams(21);
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, Double> losses = new LinkedHashMap<>();
      for (long seed : new long[] {1, 99}) {
        Jepa j = StubModels.model(m, ALL, seed);
        NDArray[] batch = StubModels.batch(m, streams.stream("data", 0), 4, 5);
        losses.put("s" + seed, (double) j.loss(batch[0], batch[1], 4,
            streams.stream("loss", 0)).total().getFloat());
      }
      assertThat(losses.get("s1")).isNotEqualTo(losses.get("s99"));
    }
  }
}
