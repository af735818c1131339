package ai.craik.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.engine.EngineInfo;
import ai.craik.engine.Engines;
import ai.craik.engine.HostRandom;
import ai.craik.engine.RandomStreams;
import ai.craik.nn.AdamW;
import ai.craik.nn.Parameters;
import ai.craik.run.MetricsLog;
import ai.craik.run.ProgressListener;
import ai.craik.run.RunDir;
import ai.craik.run.RunSession;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {
  static EngineInfo engine;
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    engine = Engines.start(1, 3);
  }

  /** A tiny model: w [3] pulled towards noisy targets drawn per step, trained with AdamW. */
  static final class Toy {
    final TrainableState state;

    Toy(NDManager m, float init) {
      Parameters params = new Parameters(m);
      params.add("w", new float[] {init, init, init}, new Shape(3));
      state = new TrainableState(params, new AdamW(params, 0.9, 0.999, 1e-8, 0.01, 1.0));
    }

    float[] w() {
      return state.params().get("w").toFloatArray();
    }

    Map<String, Double> step(RandomStreams random, long step, NDManager scope) {
      float[] target = HostRandom.normal(random.stream("data", step), 3);
      NDArray t = scope.create(target);
      double loss;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.zeroGradients();
        NDArray l = state.params().get("w").sub(t).square().sum();
        loss = l.getFloat();
        gc.backward(l);
      }
      state.optimizer().step(0.1);
      return Map.of("loss", loss);
    }
  }

  private RunSession session(Path dir) {
    return new RunSession(RunDir.open(dir, "seed: 5\n", false, 3), ProgressListener.silent(),
        new RandomStreams(5), engine, "test");
  }

  @Test
  void resumedRunEqualsUninterruptedRun() {
    TrainingLoop.Schedule schedule = new TrainingLoop.Schedule("train", 10, 1, 3);
    float[] straight;
    try (NDManager m = NDManager.newBaseManager(); RunSession s = session(tmp.resolve("a"))) {
      Toy toy = new Toy(m, 0.5f);
      TrainingLoop.run(s, schedule, toy.state, m, (i, scope) -> toy.step(s.random(), i, scope));
      straight = toy.w();
    }

    Path b = tmp.resolve("b");
    try (NDManager m = NDManager.newBaseManager(); RunSession s = session(b)) {
      Toy toy = new Toy(m, 0.5f);
      assertThatThrownBy(() -> TrainingLoop.run(s, schedule, toy.state, m, (i, scope) -> {
        if (i == 7) {
          throw new IllegalStateException("interrupted");
        }
        return toy.step(s.random(), i, scope);
      })).hasMessage("interrupted");
    }
    float[] resumed;
    try (NDManager m = NDManager.newBaseManager(); RunSession s = session(b)) {
      assertThat(s.dir().resumed()).isTrue();
      Toy toy = new Toy(m, -9f); // a different start: everything must come from the checkpoint
      long from = TrainingLoop.run(s, schedule, toy.state, m, (i, scope) -> toy.step(s.random(), i, scope));
      assertThat(from).isEqualTo(6);
      resumed = toy.w();
    }
    assertThat(resumed).containsExactly(straight);
    List<Map<String, Object>> rowsA = MetricsLog.read(tmp.resolve("a/metrics.jsonl"));
    List<Map<String, Object>> rowsB = MetricsLog.read(b.resolve("metrics.jsonl"));
    assertThat(rowsB).hasSize(10);
    assertThat(rowsB).extracting(r -> r.get("loss"))
        .containsExactlyElementsOf(rowsA.stream().map(r -> r.get("loss")).toList());
  }

  @Test
  void finishedPhaseIsNotRetrained() {
    TrainingLoop.Schedule schedule = new TrainingLoop.Schedule("train", 4, 2, 2);
    Path dir = tmp.resolve("c");
    try (NDManager m = NDManager.newBaseManager(); RunSession s = session(dir)) {
      Toy toy = new Toy(m, 0.5f);
      TrainingLoop.run(s, schedule, toy.state, m, (i, scope) -> toy.step(s.random(), i, scope));
    }
    try (NDManager m = NDManager.newBaseManager(); RunSession s = session(dir)) {
      Toy toy = new Toy(m, 0.5f);
      long from = TrainingLoop.run(s, schedule, toy.state, m, (i, scope) -> {
        throw new AssertionError("no step should run");
      });
      assertThat(from).isEqualTo(4);
    }
  }
}
