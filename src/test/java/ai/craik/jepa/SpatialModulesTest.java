package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.config.ConfigException;
import ai.craik.config.ConfigLoader;
import ai.craik.engine.Engines;
import ai.craik.engine.GradMode;
import ai.craik.nn.Parameters;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The spatial latent: {@link ConvSpatialEncoder}, {@link ConvPredictor} and their config keys. */
class SpatialModulesTest {
  record Wrapper(ModelConfig model) {}

  /** Frames [2, 16, 16] to a 4 x 4 map of 3 channels (D = 48); actions of size 2. */
  private static final ModelConfig TINY = new ModelConfig(
      new EncoderConfig.ConvSpatial(List.of(4, 4), 4, 3), new ActionEncoderConfig.Identity(),
      new PredictorConfig.Conv(5, 2), 0, 1);

  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  private static ModelConfig bind(String yaml) {
    return ConfigLoader.bind(Wrapper.class, ConfigLoader.parse(yaml, "test")).value().model();
  }

  private static Jepa jepa(ModelParts parts, NDManager m) {
    return new Jepa(parts.encoder(), parts.actionEncoder(), parts.predictor(),
        RegularizerSet.of(JepaTest.ALL, parts.encoder().latentDim(), 2, m, new SplittableRandom(5)),
        new SquaredError());
  }

  @Test
  void encoderHalvesToTheMapAndNormalizesTheFlattenedMap() {
    try (NDManager m = NDManager.newBaseManager();
        ModelParts parts = TINY.build(m, 2, 16, 16, 2, new SplittableRandom(1))) {
      SpatialEncoder enc = (SpatialEncoder) parts.encoder();
      assertThat(new int[] {enc.mapChannels(), enc.mapHeight(), enc.mapWidth(), enc.latentDim()})
          .containsExactly(3, 4, 4, 48);
      assertThat(TINY.encoder().latentDim()).isEqualTo(48);
      // stride 2, 2: weights [4, 2, 3, 3], [4, 4, 3, 3]; output conv to C = 3; norm over D = 48
      assertThat(enc.parameters().asMap().keySet())
          .containsExactly("conv0.w", "conv0.b", "conv1.w", "conv1.b", "out.w", "out.b",
              "norm.gain", "norm.bias");
      NDArray s = enc.encode(ModuleChecks.uniform(m, 1, 5, 2, 16, 16));
      assertThat(s.getShape()).isEqualTo(new Shape(5, 48));
      float[] row = s.get(new NDIndex("2")).toFloatArray();
      double mean = 0;
      for (float v : row) {
        mean += v / row.length;
      }
      assertThat(mean).isCloseTo(0, offset(1e-5)); // gain 1, bias 0 at the start
      // macs: 4*2*9*8*8 + 4*4*9*4*4 + 3*4*9*4*4
      assertThat(enc.multiplyAddsPerFrame()).isEqualTo(4608 + 2304 + 1728);
      // a third width adds a stride-1 convolution: the map stays 4 x 4
      ConvSpatialEncoder three = new ConvSpatialEncoder(new Parameters(m), 2, 16, 16,
          new int[] {4, 4, 6}, 4, 3, new SplittableRandom(1));
      assertThat(three.encode(ModuleChecks.uniform(m, 1, 1, 2, 16, 16)).getShape())
          .isEqualTo(new Shape(1, 48));
      assertThat(three.parameters().get("conv2.w").getShape()).isEqualTo(new Shape(6, 4, 3, 3));
    }
  }

  @Test
  void encoderRejectsMapSizesItCannotReach() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> new ConvSpatialEncoder(new Parameters(m), 2, 16, 16,
          new int[] {4, 4}, 5, 3, new SplittableRandom(1)))
          .hasMessageContaining("does not halve to map_size 5");
      assertThatThrownBy(() -> new ConvSpatialEncoder(new Parameters(m), 2, 32, 32,
          new int[] {4}, 8, 3, new SplittableRandom(1)))
          .hasMessageContaining("32 px to map_size 8 needs 2; add widths or raise map_size");
    }
  }

  @Test
  void predictorWithZeroWeightsReturnsTheNormOfTheState() {
    try (NDManager m = NDManager.newBaseManager();
        ModelParts parts = TINY.build(m, 2, 16, 16, 2, new SplittableRandom(1))) {
      ConvPredictor pred = (ConvPredictor) parts.predictor();
      assertThat(pred.outputNorm()).isSameAs(parts.encoder().outputNorm());
      assertThat(pred.parameters().asMap().keySet()).containsExactly("conv0.w", "conv0.b",
          "conv1.w", "conv1.b", "out.w", "out.b");
      // a gain and bias away from 1 and 0, so that sharing shows
      float[] gain = new float[48];
      float[] bias = new float[48];
      for (int i = 0; i < 48; i++) {
        gain[i] = 0.5f + i / 48f;
        bias[i] = (i % 5) * 0.1f;
      }
      parts.encoder().outputNorm().gain().set(gain);
      parts.encoder().outputNorm().bias().set(bias);
      NDArray s = ModuleChecks.uniform(m, 3, 4, 48);
      NDArray u = ModuleChecks.uniform(m, 4, 4, 2);
      NDArray before = pred.next(s, u);
      assertThat(before.getShape()).isEqualTo(new Shape(4, 48));
      NDArray lnS = parts.encoder().outputNorm().forward(s);
      assertThat(before.sub(lnS).abs().max().getFloat()).isGreaterThan(1e-3f);
      pred.parameters().asMap().values().forEach(p -> p.set(new float[(int) p.size()]));
      float[] got = pred.next(s, u).toFloatArray();
      float[] want = lnS.toFloatArray();
      for (int i = 0; i < want.length; i++) {
        assertThat(got[i]).as("entry %d", i).isCloseTo(want[i], offset(1e-5f));
      }
    }
  }

  @Test
  void predictorIsLocalOnTheMap() {
    // One hidden layer and the output convolution, 3 x 3 each: Delta at a cell sees cells up to 2
    // steps away. Bumping cell (0, 0) of a 6 x 6 map changes Delta there and leaves Delta unchanged
    // at every cell (i, j) with max(i, j) >= 3 (the norm after the sum is global; Delta is not).
    try (NDManager m = NDManager.newBaseManager()) {
      Parameters p = new Parameters(m);
      ConvPredictor pred = new ConvPredictor(p, 2, 6, 6, 2, 4, 1, null,
          new SplittableRandom(3));
      NDArray s = ModuleChecks.uniform(m, 5, 1, 72);
      float[] bumped = s.toFloatArray();
      bumped[0] += 1f; // channel 0, cell (0, 0)
      bumped[36] -= 1f; // channel 1, cell (0, 0)
      NDArray s2 = m.create(bumped, new Shape(1, 72));
      NDArray u = ModuleChecks.uniform(m, 6, 1, 2);
      float[] delta1 = delta(pred, s, u);
      float[] delta2 = delta(pred, s2, u);
      for (int c = 0; c < 2; c++) {
        for (int i = 0; i < 6; i++) {
          for (int j = 0; j < 6; j++) {
            int k = c * 36 + i * 6 + j;
            float change = delta2[k] - delta1[k];
            if (Math.max(i, j) >= 3) {
              assertThat(change).as("cell %d,%d,%d", c, i, j).isCloseTo(0f, offset(1e-5f));
            } else if (i == 0 && j == 0) {
              assertThat(Math.abs(change)).as("the bumped cell").isGreaterThan(1e-4f);
            }
          }
        }
      }
    }
  }

  /**
   * Delta [D] of a one-hidden-layer predictor with its own norm (gain 1, bias 0), recomputed from
   * its parameters; asserts first that LN(s + Delta) is the predictor's output.
   */
  private static float[] delta(ConvPredictor pred, NDArray s, NDArray u) {
    Parameters p = pred.parameters();
    NDArray map = s.reshape(1, 2, 6, 6);
    NDArray x = map.concat(u.reshape(1, 2, 1, 1).broadcast(new Shape(1, 2, 6, 6)), 1);
    NDArray h = conv(x, p.get("conv0.w"), p.get("conv0.b"));
    h = h.mul(h.getNDArrayInternal().sigmoid()); // SiLU
    NDArray delta = conv(h, p.get("out.w"), p.get("out.b")).reshape(1, 72);
    NDArray y = s.add(delta);
    NDArray mu = y.mean(new int[] {1}, true);
    NDArray var = y.sub(mu).square().mean(new int[] {1}, true);
    NDArray ln = y.sub(mu).div(var.add(ai.craik.nn.LayerNorm.DEFAULT_EPS).sqrt());
    assertThat(ln.sub(pred.next(s, u)).abs().max().getFloat()).isLessThan(1e-4f);
    return delta.toFloatArray();
  }

  private static NDArray conv(NDArray x, NDArray w, NDArray b) {
    return ai.djl.nn.convolutional.Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(1, 1),
        new Shape(1, 1), 1).singletonOrThrow();
  }

  @Test
  void gradientsReachEveryParameterWithoutLeaking() {
    try (NDManager m = NDManager.newBaseManager();
        ModelParts parts = TINY.build(m, 2, 16, 16, 2, new SplittableRandom(1))) {
      Parameters[] all = {parts.encoder().parameters(), parts.predictor().parameters()};
      java.util.function.Function<NDManager, NDArray> rollout = sc -> {
        NDArray z = parts.encoder().encode(ModuleChecks.uniform(sc, 1, 3, 2, 16, 16));
        NDArray u = parts.actionEncoder().encode(ModuleChecks.uniform(sc, 2, 3, 2));
        return parts.predictor().next(parts.predictor().next(z, u), u);
      };
      ModuleChecks.assertGradientsReachEveryParameter(m, rollout, all);
      ModuleChecks.assertForwardLeavesNoArrays(m, rollout, all);
    }
  }

  @Test
  void jepaUnrollAndLossRunOnTheSpatialModel() {
    try (NDManager m = NDManager.newBaseManager();
        ModelParts parts = TINY.build(m, 2, 16, 16, 2, new SplittableRandom(1))) {
      Jepa jepa = jepa(parts, m);
      NDArray obs = ModuleChecks.uniform(m, 7, 3, 5, 2, 16, 16); // [B, L, C, H, W]
      NDArray act = ModuleChecks.uniform(m, 8, 3, 4, 2); // [B, L - 1, A]
      NDArray s0 = jepa.encode(obs.get(new NDIndex(":, 0")));
      Rollout r = jepa.unroll(s0, act);
      assertThat(r.states().getShape()).isEqualTo(new Shape(3, 5, 48));
      NDArray expected = jepa.predictor().next(r.states().get(new NDIndex(":, 2")),
          act.get(new NDIndex(":, 2")));
      assertThat(r.states().get(new NDIndex(":, 3")).toFloatArray())
          .containsExactly(expected.toFloatArray());
      double total;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray loss = jepa.loss(obs, act, 4, new SplittableRandom(1)).total();
        total = loss.getFloat();
        gc.backward(loss);
      }
      assertThat(total).isFinite().isPositive();
      jepa.modules().forEach((module, params) -> params.asMap().forEach((name, p) ->
          assertThat(p.getGradient().abs().sum().getFloat())
              .as("gradient of %s.%s", module, name).isGreaterThan(0f)));
      assertThat(java.util.Arrays.stream(jepa.rolloutErrors(obs, act)).boxed().toList())
          .hasSize(4).allMatch(e -> e > 0);
    }
  }

  @Test
  void planningRolloutIsDifferentiableInTheActions() {
    try (NDManager m = NDManager.newBaseManager();
        ModelParts parts = TINY.build(m, 2, 16, 16, 2, new SplittableRandom(1))) {
      Jepa jepa = jepa(parts, m);
      NDArray s0 = GradMode.disabled(() ->
          jepa.encode(ModuleChecks.uniform(m, 7, 1, 2, 16, 16)).reshape(48)); // [D]
      NDArray goal = ModuleChecks.uniform(m, 9, 48);
      float[] a0 = ModuleChecks.uniform(m, 8, 2, 3, 2).toFloatArray(); // N = 2, T = 3, A = 2
      NDArray actions = m.create(a0, new Shape(2, 3, 2));
      actions.setRequiresGradient(true);
      float[] grad;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(planCost(jepa, s0, actions, goal));
        grad = actions.getGradient().toFloatArray();
      }
      double eps = 1e-2;
      double largest = 0;
      for (int i = 0; i < a0.length; i++) {
        float[] plus = a0.clone();
        float[] minus = a0.clone();
        plus[i] += (float) eps;
        minus[i] -= (float) eps;
        double fd = GradMode.disabled(() ->
            (planCost(jepa, s0, m.create(plus, new Shape(2, 3, 2)), goal).getFloat()
                - planCost(jepa, s0, m.create(minus, new Shape(2, 3, 2)), goal).getFloat())
                / (2 * eps));
        assertThat((double) grad[i]).as("d cost / d a[%d]", i)
            .isCloseTo(fd, offset(2e-3 + 0.03 * Math.abs(fd)));
        largest = Math.max(largest, Math.abs(fd));
      }
      assertThat(largest).isGreaterThan(1e-2);
    }
  }

  /** sum over candidates of ||s_T - goal||^2. */
  private static NDArray planCost(Jepa jepa, NDArray s0, NDArray actions, NDArray goal) {
    NDArray last = jepa.unrollCandidates(s0, actions).states().get(new NDIndex(":, -1"));
    return last.sub(goal).square().sum();
  }

  @Test
  void configKeysBindAndAConvPredictorNeedsASpatialEncoder() {
    String yaml = "model:\n"
        + "  encoder: {type: conv_spatial, widths: [16, 32], map_size: 8, channels: 8}\n"
        + "  predictor: {type: conv, hidden: 32, layers: 2}\n"
        + "  action_encoder: {type: identity}\n"
        + "  context_grid: 0\n"
      + "  context_subgrid: 1\n";
    ModelConfig c = bind(yaml);
    assertThat(c.encoder()).isEqualTo(new EncoderConfig.ConvSpatial(List.of(16, 32), 8, 8));
    assertThat(c.encoder().latentDim()).isEqualTo(512);
    assertThat(c.predictor()).isEqualTo(new PredictorConfig.Conv(32, 2));
    String written = ConfigLoader.bind(Wrapper.class, ConfigLoader.parse(yaml, "t")).yaml();
    assertThat(written).contains("map_size: 8").doesNotContain("latent_dim");
    assertThat(bind(written)).isEqualTo(c);
    assertThatThrownBy(() -> bind(yaml.replace("type: conv_spatial, widths: [16, 32], map_size: 8,"
        + " channels: 8", "type: conv, widths: [16, 32], latent_dim: 64")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("model.predictor.type")
        .hasMessageContaining("model.encoder.type is conv")
        .hasMessageContaining("set model.encoder.type=conv_spatial");
    assertThatThrownBy(() -> bind(yaml.replace("layers: 2", "layers: 0")))
        .hasMessageStartingWith("config key 'model.predictor.layers'=0 is not allowed");
    assertThatThrownBy(() -> bind(yaml.replace("map_size: 8", "map_size: 0")))
        .hasMessageStartingWith("config key 'model.encoder.map_size'=0 is not allowed");
    assertThatThrownBy(() -> bind(yaml.replace("channels: 8", "channels: 8, latent_dim: 64")))
        .hasMessageStartingWith("unknown config key 'model.encoder.latent_dim'");
    assertThatThrownBy(() -> bind(yaml.replace("map_size: 8", "map_size: 100")))
        .hasMessageContaining("exceeds 65536");
    // a flat latent with the conv predictor built directly: read as a 1 x 1 map of D channels
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      Predictor flat = new PredictorConfig.Conv(4, 1).build(p, 6, 2, null,
          new SplittableRandom(1));
      assertThat(flat.next(ModuleChecks.uniform(m, 1, 3, 6), ModuleChecks.uniform(m, 2, 3, 2))
          .getShape()).isEqualTo(new Shape(3, 6));
    }
  }
}
