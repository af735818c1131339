package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.nn.Activation;
import ai.craik.nn.GruCell;
import ai.craik.nn.Mlp;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PredictorsTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 0);
  }

  private static void assertClose(float[] got, float[] want) {
    assertThat(got).hasSameSizeAs(want);
    for (int i = 0; i < got.length; i++) {
      assertThat(got[i]).as("entry %d", i).isCloseTo(want[i], offset(1e-5f));
    }
  }

  @Test
  void gruPredictorIsTheEncodersNormAfterAGruCellWithTheLatentAsHiddenState() {
    try (NDManager m = NDManager.newBaseManager(); Parameters encParams = new Parameters(m);
        Parameters predParams = new Parameters(m); Parameters ref = new Parameters(m)) {
      MlpEncoder enc = new MlpEncoder(encParams, 4, new int[] {}, 6, new SplittableRandom(1));
      // A gain and bias away from 1 and 0, so that sharing is visible in the output.
      enc.outputNorm().gain().set(new float[] {1, 2, 3, 0.5f, 1.5f, 2.5f});
      enc.outputNorm().bias().set(new float[] {0, 1, -1, 0.5f, 0, 2});
      GruPredictor pred = new GruPredictor(predParams, 6, 2, enc.outputNorm(),
          new SplittableRandom(2));
      assertThat(pred.outputNorm()).isSameAs(enc.outputNorm());
      assertThat(predParams.asMap().keySet())
          .containsExactly("gru.ih.w", "gru.ih.b", "gru.hh.w", "gru.hh.b");
      GruCell cell = new GruCell(ref, "gru", 2, 6, new SplittableRandom(2));
      NDArray s = ModuleChecks.uniform(m, 3, 4, 6);
      NDArray u = ModuleChecks.uniform(m, 4, 4, 2);
      NDArray next = pred.next(s, u);
      assertThat(next.getShape().getShape()).containsExactly(4, 6);
      assertClose(next.toFloatArray(), enc.outputNorm().forward(cell.forward(u, s)).toFloatArray());
    }
  }

  @Test
  void gruPredictorGradientsReachItsWeightsAndTheSharedNorm() {
    try (NDManager m = NDManager.newBaseManager(); Parameters encParams = new Parameters(m);
        Parameters predParams = new Parameters(m)) {
      MlpEncoder enc = new MlpEncoder(encParams, 4, new int[] {}, 6, new SplittableRandom(1));
      GruPredictor pred = new GruPredictor(predParams, 6, 2, enc.outputNorm(),
          new SplittableRandom(2));
      // Gradients through the predictor alone reach its GRU weights and the encoder's norm.
      ModuleChecks.assertGradientsReachEveryParameter(m,
          sc -> pred.next(ModuleChecks.uniform(sc, 3, 4, 6), ModuleChecks.uniform(sc, 4, 4, 2)),
          predParams);
      try (NDManager scope = m.newSubManager()) {
        try (var gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
          gc.zeroGradients();
          gc.backward(ModuleChecks.weightedSum(pred.next(ModuleChecks.uniform(scope, 3, 4, 6),
              ModuleChecks.uniform(scope, 4, 4, 2))));
        }
        assertThat(enc.outputNorm().gain().getGradient().abs().max().getFloat()).isPositive();
        assertThat(enc.outputNorm().bias().getGradient().abs().max().getFloat()).isPositive();
      }
      ModuleChecks.assertForwardLeavesNoArrays(m,
          sc -> pred.next(ModuleChecks.uniform(sc, 3, 4, 6), ModuleChecks.uniform(sc, 4, 4, 2)),
          predParams, encParams);
    }
  }

  @Test
  void gruPredictorWithoutASharedNormOwnsOne() {
    try (NDManager m = NDManager.newBaseManager(); Parameters p = new Parameters(m)) {
      GruPredictor pred = new GruPredictor(p, 5, 3, null, new SplittableRandom(2));
      assertThat(p.asMap().keySet()).contains("norm.gain", "norm.bias");
      ModuleChecks.assertGradientsReachEveryParameter(m,
          sc -> pred.next(ModuleChecks.uniform(sc, 3, 4, 5), ModuleChecks.uniform(sc, 4, 4, 3)),
          p);
      try (Parameters q = new Parameters(m)) {
        MlpEncoder enc = new MlpEncoder(q, 4, new int[] {}, 6, new SplittableRandom(1));
        assertThatThrownBy(() -> new GruPredictor(p, 5, 3, enc.outputNorm(),
            new SplittableRandom(2)))
            .hasMessageContaining("latent_dim=5 cannot share a layer norm of size 6");
      }
    }
  }

  @Test
  void residualMlpPredictorIsNormOfStatePlusMlpOfStateAndAction() {
    try (NDManager m = NDManager.newBaseManager(); Parameters encParams = new Parameters(m);
        Parameters predParams = new Parameters(m); Parameters ref = new Parameters(m)) {
      MlpEncoder enc = new MlpEncoder(encParams, 4, new int[] {}, 6, new SplittableRandom(1));
      enc.outputNorm().gain().set(new float[] {1, 2, 3, 0.5f, 1.5f, 2.5f});
      ResidualMlpPredictor pred = new ResidualMlpPredictor(predParams, 6, 2, new int[] {8},
          false, enc.outputNorm(), new SplittableRandom(5));
      assertThat(pred.outputNorm()).isSameAs(enc.outputNorm());
      assertThat(predParams.asMap().keySet()).containsExactly("mlp.w0", "mlp.b0", "mlp.w1",
          "mlp.b1");
      Mlp mlp = new Mlp(ref, "mlp", new int[] {8, 8, 6}, Activation.SILU, new SplittableRandom(5));
      NDArray s = ModuleChecks.uniform(m, 3, 4, 6);
      NDArray u = ModuleChecks.uniform(m, 4, 4, 2);
      NDArray want = enc.outputNorm().forward(s.add(mlp.forward(s.concat(u, 1))));
      assertClose(pred.next(s, u).toFloatArray(), want.toFloatArray());
      ModuleChecks.assertGradientsReachEveryParameter(m,
          sc -> pred.next(ModuleChecks.uniform(sc, 3, 4, 6), ModuleChecks.uniform(sc, 4, 4, 2)),
          predParams);
      ModuleChecks.assertForwardLeavesNoArrays(m,
          sc -> pred.next(ModuleChecks.uniform(sc, 3, 4, 6), ModuleChecks.uniform(sc, 4, 4, 2)),
          predParams, encParams);
      assertThatThrownBy(() -> pred.next(s, ModuleChecks.uniform(m, 4, 4, 3)))
          .hasMessageContaining("expects s [B, 6] and u [B, 2], got (4, 6) and (4, 3)");
    }
  }

  @Test
  void gatedMlpPredictorGatesTheResidualPerDimensionAndStopsWhereTheGateCloses() {
    try (NDManager m = NDManager.newBaseManager(); Parameters encParams = new Parameters(m);
        Parameters predParams = new Parameters(m); Parameters ref = new Parameters(m)) {
      MlpEncoder enc = new MlpEncoder(encParams, 4, new int[] {}, 6, new SplittableRandom(1));
      ResidualMlpPredictor pred = new ResidualMlpPredictor(predParams, 6, 2, new int[] {8}, true,
          enc.outputNorm(), new SplittableRandom(5));
      // The same draws as an MLP of 2 D outputs: the first D are the residual, the rest the gate.
      Mlp mlp = new Mlp(ref, "mlp", new int[] {8, 8, 12}, Activation.SILU, new SplittableRandom(5));
      NDArray s = ModuleChecks.uniform(m, 3, 4, 6);
      NDArray u = ModuleChecks.uniform(m, 4, 4, 2);
      float[] out = mlp.forward(s.concat(u, 1)).toFloatArray(); // [4, 12]
      float[] base = s.toFloatArray();
      float[] sum = new float[4 * 6];
      for (int b = 0; b < 4; b++) {
        for (int j = 0; j < 6; j++) {
          sum[b * 6 + j] = base[b * 6 + j] + out[b * 12 + j];
        }
      }
      float[] moved = enc.outputNorm().forward(m.create(sum, s.getShape())).toFloatArray();
      float[] want = new float[4 * 6];
      for (int b = 0; b < 4; b++) {
        for (int j = 0; j < 6; j++) {
          double gate = 1 / (1 + Math.exp(-(out[b * 12 + 6 + j] + 2)));
          want[b * 6 + j] = (float) ((1 - gate) * base[b * 6 + j] + gate * moved[b * 6 + j]);
        }
      }
      assertClose(pred.next(s, u).toFloatArray(), want);
      // A gate driven shut (a large negative bias on its logits) leaves any state exactly still.
      float[] b1 = predParams.get("mlp.b1").toFloatArray();
      for (int j = 6; j < 12; j++) {
        b1[j] = -40f;
      }
      predParams.get("mlp.b1").set(b1);
      assertClose(pred.next(s, u).toFloatArray(), base);
      ModuleChecks.assertGradientsReachEveryParameter(m,
          sc -> pred.next(ModuleChecks.uniform(sc, 3, 4, 6), ModuleChecks.uniform(sc, 4, 4, 2)),
          predParams);
      ModuleChecks.assertForwardLeavesNoArrays(m,
          sc -> pred.next(ModuleChecks.uniform(sc, 3, 4, 6), ModuleChecks.uniform(sc, 4, 4, 2)),
          predParams, encParams);
    }
  }
}
