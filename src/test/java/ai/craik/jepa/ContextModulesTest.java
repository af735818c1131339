package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pixel context: {@link ContextEncoder}, {@link ContextPredictor} and model.context_grid. */
class ContextModulesTest {
  /** Frames [2, 8, 8], a conv encoder to D = 6, the wall channel pooled to 2 x 2 (D = 10). */
  private static final ModelConfig TINY = new ModelConfig(new EncoderConfig.Conv(List.of(3), 6),
      new ActionEncoderConfig.Identity(), new PredictorConfig.ResidualMlp(List.of(7)), 2, 1);

  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  @Test
  void theContextIsTheLastChannelsBlockMeansAfterTheLearnedLatent() {
    try (NDManager m = NDManager.newBaseManager();
        ModelParts parts = TINY.build(m, 2, 8, 8, 2, new SplittableRandom(1))) {
      ContextEncoder enc = (ContextEncoder) parts.encoder();
      assertThat(new int[] {enc.latentDim(), enc.contextDim(), enc.inner().latentDim()})
          .containsExactly(10, 4, 6);
      NDArray o = ModuleChecks.uniform(m, 3, 3, 2, 8, 8);
      NDArray s = enc.encode(o);
      assertThat(s.getShape()).isEqualTo(new Shape(3, 10));
      float[] px = o.toFloatArray();
      float[] got = s.toFloatArray();
      for (int b = 0; b < 3; b++) {
        for (int by = 0; by < 2; by++) {
          for (int bx = 0; bx < 2; bx++) {
            double sum = 0;
            for (int y = 4 * by; y < 4 * by + 4; y++) {
              for (int x = 4 * bx; x < 4 * bx + 4; x++) {
                sum += px[((b * 2 + 1) * 8 + y) * 8 + x]; // channel 1, the last
              }
            }
            assertThat((double) got[b * 10 + 6 + 2 * by + bx]).isCloseTo(sum / 16, offset(1e-5));
          }
        }
      }
      // the learned part is the inner encoder's latent, unchanged
      assertThat(s.get(new NDIndex(":, :6")).toFloatArray())
          .containsExactly(enc.inner().encode(o).toFloatArray(), offset(1e-6f));
    }
  }

  @Test
  void aSubgridLaysTheFinerPoolingOutAsChannelsOfTheGrid() {
    ModelConfig sub = new ModelConfig(new EncoderConfig.Conv(List.of(3), 6),
        new ActionEncoderConfig.Identity(), new PredictorConfig.ResidualMlp(List.of(7)), 2, 2);
    try (NDManager m = NDManager.newBaseManager();
        ModelParts parts = sub.build(m, 2, 8, 8, 2, new SplittableRandom(1))) {
      ContextEncoder enc = (ContextEncoder) parts.encoder();
      assertThat(enc.contextDim()).isEqualTo(16);
      NDArray o = ModuleChecks.uniform(m, 3, 2, 2, 8, 8);
      float[] px = o.toFloatArray();
      float[] c = enc.context(o).toFloatArray();
      for (int b = 0; b < 2; b++) {
        for (int py = 0; py < 4; py++) { // the 4 x 4 pooling of 2 x 2 pixel blocks
          for (int qx = 0; qx < 4; qx++) {
            double sum = 0;
            for (int y = 2 * py; y < 2 * py + 2; y++) {
              for (int x = 2 * qx; x < 2 * qx + 2; x++) {
                sum += px[((b * 2 + 1) * 8 + y) * 8 + x];
              }
            }
            int k = (py % 2) * 2 + qx % 2; // channel: position inside the grid cell
            int cell = (py / 2) * 2 + qx / 2;
            assertThat((double) c[b * 16 + k * 4 + cell]).isCloseTo(sum / 4, offset(1e-5));
          }
        }
      }
    }
  }

  @Test
  void thePredictorSeesTheContextAndPassesItThrough() {
    try (NDManager m = NDManager.newBaseManager();
        ModelParts parts = TINY.build(m, 2, 8, 8, 2, new SplittableRandom(2))) {
      ContextPredictor pred = (ContextPredictor) parts.predictor();
      NDArray s = ModuleChecks.uniform(m, 4, 5, 10);
      NDArray u = ModuleChecks.uniform(m, 5, 5, 2);
      NDArray next = pred.next(s, u);
      NDArray context = s.get(new NDIndex(":, 6:"));
      assertThat(next.get(new NDIndex(":, 6:")).toFloatArray())
          .containsExactly(context.toFloatArray());
      NDArray expected = pred.inner().next(s.get(new NDIndex(":, :6")),
          NDArrays.concat(new NDList(u, context), 1));
      assertThat(next.get(new NDIndex(":, :6")).toFloatArray())
          .containsExactly(expected.toFloatArray(), offset(1e-6f));
      // another context changes the prediction: the predictor reads it
      NDArray other = NDArrays.concat(new NDList(s.get(new NDIndex(":, :6")),
          context.add(1f)), 1);
      assertThat(pred.next(other, u).get(new NDIndex(":, :6")).sub(next.get(new NDIndex(":, :6")))
          .abs().max().getFloat()).isGreaterThan(1e-4f);
      assertThatThrownBy(() -> pred.next(ModuleChecks.uniform(m, 1, 5, 6), u))
          .hasMessageContaining("[B, 10]");
    }
  }

  @Test
  void regularizersAndThePredictionCostSeeTheLearnedPartOnly() {
    try (NDManager m = NDManager.newBaseManager();
        ModelParts parts = TINY.build(m, 2, 8, 8, 2, new SplittableRandom(3))) {
      Jepa jepa = new Jepa(parts.encoder(), parts.actionEncoder(), parts.predictor(),
          RegularizerSet.of(JepaTest.ALL, 6, 2, m, new SplittableRandom(5)), new SquaredError());
      NDArray z = ModuleChecks.uniform(m, 6, 2, 3, 10);
      assertThat(jepa.learned(z).getShape()).isEqualTo(new Shape(2, 3, 6));
      NDArray obs = ModuleChecks.uniform(m, 7, 2, 3, 2, 8, 8);
      NDArray act = ModuleChecks.uniform(m, 8, 2, 2, 2);
      // the loss runs with regularizers built for the learned size 6 (the IDM would reject 10)
      Jepa.TrainingLoss loss = jepa.trainingLoss(obs, act, 2, 1, 1.0, new SplittableRandom(9));
      assertThat(loss.latents().getShape()).isEqualTo(new Shape(2, 3, 10));
      assertThat(loss.terms().parts()).containsKeys("pred", "pred_1step", "reg.idm");
      assertThat(jepa.rolloutErrors(obs, act)).hasSize(2);
    }
  }

  @Test
  void aConvPredictorTakesTheWallsAsAMapChannel() {
    ModelConfig spatial = new ModelConfig(new EncoderConfig.ConvSpatial(List.of(4, 4), 4, 3),
        new ActionEncoderConfig.Identity(), new PredictorConfig.Conv(5, 1), 4, 1);
    try (NDManager m = NDManager.newBaseManager();
        ModelParts parts = spatial.build(m, 2, 16, 16, 2, new SplittableRandom(4))) {
      assertThat(parts.encoder().latentDim()).isEqualTo(48 + 16);
      ContextPredictor pred = (ContextPredictor) parts.predictor();
      // the first convolution reads C + U + 1 = 3 + 2 + 1 channels
      assertThat(pred.inner().parameters().get("conv0.w").getShape())
          .isEqualTo(new Shape(5, 6, 3, 3));
      NDArray s = parts.encoder().encode(ModuleChecks.uniform(m, 5, 2, 2, 16, 16));
      NDArray u = ModuleChecks.uniform(m, 6, 2, 2);
      NDArray next = pred.next(s, u);
      assertThat(next.get(new NDIndex(":, 48:")).toFloatArray())
          .containsExactly(s.get(new NDIndex(":, 48:")).toFloatArray());
      NDArray moved = NDArrays.concat(new NDList(s.get(new NDIndex(":, :48")),
          s.get(new NDIndex(":, 48:")).add(1f)), 1);
      assertThat(pred.next(moved, u).sub(next).abs().max().getFloat()).isGreaterThan(1e-4f);
    }
  }

  @Test
  void contextGridIsCheckedAgainstThePredictorAndTheFrame() {
    assertThatThrownBy(() -> new ModelConfig(new EncoderConfig.ConvSpatial(List.of(4), 4, 3),
        new ActionEncoderConfig.Identity(), new PredictorConfig.Conv(5, 2), 2, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("map_size=4")
        .hasMessageContaining("context_grid=4 or 0");
    try (NDManager m = NDManager.newBaseManager()) {
      ModelConfig three = new ModelConfig(new EncoderConfig.Conv(List.of(3), 6),
          new ActionEncoderConfig.Identity(), new PredictorConfig.ResidualMlp(List.of(7)), 3, 1);
      assertThatThrownBy(() -> three.build(m, 2, 8, 8, 2, new SplittableRandom(1)))
          .hasMessageContaining("context grid 3").hasMessageContaining("8x8");
    }
  }
}
