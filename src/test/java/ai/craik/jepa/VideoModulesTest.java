package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VideoModulesTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void predictorMapsTwoMapsToOneAndStartsNearNothingMoves() {
    try (NDManager m = NDManager.newBaseManager()) {
      Parameters p = new Parameters(m);
      FramePairPredictor pred = new FramePairPredictor(p, 4, 8, 2, true, new SplittableRandom(1));
      NDArray a = m.randomNormal(new Shape(2, 4, 5, 5));
      NDArray b = m.randomNormal(new Shape(2, 4, 5, 5));
      NDArray next = pred.predict(a, b);
      assertThat(next.getShape()).isEqualTo(new Shape(2, 4, 5, 5));
      assertThat(p.asMap()).containsKeys("in.w", "mid1.w", "out.w", "gn0.gain", "gn1.gain");
      // The residual form: zero output weights give exactly "nothing moves".
      p.get("out.w").muli(0);
      assertThat(pred.predict(a, b).toFloatArray()).containsExactly(b.toFloatArray());
      assertThatThrownBy(() -> pred.predict(a, m.zeros(new Shape(2, 4, 4, 4))))
          .hasMessageContaining("two maps [B, 4, h, w]");
      Parameters q = new Parameters(m);
      FramePairPredictor direct = new FramePairPredictor(q, 4, 8, 2, false,
          new SplittableRandom(1));
      q.get("out.w").muli(0);
      assertThat(direct.predict(a, b).toFloatArray()).containsOnly(0f); // the bias only
    }
  }

  @Test
  void detectionCrossEntropyMatchesTheFormula() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] l = {-30, -1, 0, 2, 40};
      float[] t = {0, 1, 1, 0, 1};
      double expected = 0;
      for (int i = 0; i < l.length; i++) {
        double p = 1 / (1 + Math.exp(-l[i]));
        expected += t[i] == 1 ? -Math.log(Math.max(p, 1e-300)) : -Math.log1p(-p);
      }
      expected /= l.length;
      double got = DetectionHead.binaryCrossEntropy(m.create(l).reshape(1, 1, 5),
          m.create(t).reshape(1, 1, 5)).getFloat();
      assertThat(got).isCloseTo(expected, offset(1e-5));
      DetectionHead head = new DetectionHead(new Parameters(m), 4, 8, new SplittableRandom(2));
      assertThat(head.logits(m.zeros(new Shape(3, 4, 8, 8))).getShape())
          .isEqualTo(new Shape(3, 8, 8));
    }
  }

  @Test
  void pixelDecoderDoublesPerWidthAndStaysInTheUnitInterval() {
    try (NDManager m = NDManager.newBaseManager()) {
      PixelDecoder dec = new PixelDecoder(new Parameters(m), 4, new int[] {8, 8, 4}, 3,
          new SplittableRandom(3));
      NDArray y = dec.decode(m.randomNormal(new Shape(2, 4, 8, 8)).mul(10));
      assertThat(y.getShape()).isEqualTo(new Shape(2, 3, 64, 64));
      for (float v : y.toFloatArray()) {
        assertThat(v).isBetween(0f, 1f);
      }
    }
  }
}
