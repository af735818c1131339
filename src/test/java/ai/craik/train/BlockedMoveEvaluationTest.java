package ai.craik.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.craik.data.ObservationScaling;
import ai.craik.engine.Engines;
import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsRenderer;
import ai.craik.jepa.Encoder;
import ai.craik.jepa.IdentityActionEncoder;
import ai.craik.jepa.Jepa;
import ai.craik.jepa.PositionProbe;
import ai.craik.jepa.Predictor;
import ai.craik.jepa.RegularizerSet;
import ai.craik.jepa.SquaredError;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlockedMoveEvaluationTest {
  static final int R = 32;
  static final TwoRoomsRenderer RENDERER = new TwoRoomsRenderer(R, 1.3);

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  /** The dot's centroid in world units, scaled to about [-1, 1]: a perfect perception. */
  static final class CentroidEncoder implements Encoder {
    final Parameters params;

    CentroidEncoder(NDManager m) {
      params = new Parameters(m);
    }

    @Override
    public NDArray encode(NDArray observations) {
      long b = observations.getShape().get(0);
      NDArray dot = observations.get(":, 0").reshape(b, (long) R * R); // [B, R²]
      NDArray mass = dot.sum(new int[] {1}); // [B]
      NDArray idx = dot.getManager().arange(R * R).toType(ai.djl.ndarray.types.DataType.FLOAT32,
          false);
      NDArray col = idx.mod((float) R);
      NDArray row = idx.sub(col).div((float) R);
      NDArray x = dot.mul(col).sum(new int[] {1}).div(mass);
      NDArray y = dot.mul(row).sum(new int[] {1}).div(mass);
      return x.stack(y, 1).div((float) RENDERER.scale()).sub(32f).div(32f); // [B, 2]
    }

    @Override
    public int latentDim() {
      return 2;
    }

    @Override
    public Parameters parameters() {
      return params;
    }
  }

  /** s' = s, or s' = s + a / 32 (the move in latent units), whatever the walls. */
  static Predictor predictor(NDManager m, boolean moves) {
    Parameters p = new Parameters(m);
    return new Predictor() {
      @Override
      public NDArray next(NDArray state, NDArray action) {
        return moves ? state.add(action.div(32f)) : state.add(0f);
      }

      @Override
      public Parameters parameters() {
        return p;
      }
    };
  }

  static BlockedMoveEvaluation evaluate(boolean moves) {
    try (NDManager m = NDManager.newBaseManager()) {
      Jepa jepa = new Jepa(new CentroidEncoder(m), new IdentityActionEncoder(new Parameters(m), 2),
          predictor(m, moves), RegularizerSet.none(), new SquaredError());
      PositionProbe probe = new PositionProbe(m, 2, 32, 1e-2, new SplittableRandom(1));
      SplittableRandom rng = new SplittableRandom(2);
      int n = 256;
      float[] frames = new float[n * 2 * R * R];
      float[] pos = new float[2 * n];
      for (int i = 0; i < n; i++) {
        pos[2 * i] = (float) (6 + rng.nextDouble() * 52);
        pos[2 * i + 1] = (float) (6 + rng.nextDouble() * 52);
        System.arraycopy(ObservationScaling.unit().apply(RENDERER.render(Layout.random(rng),
            pos[2 * i], pos[2 * i + 1])), 0, frames, i * 2 * R * R, 2 * R * R);
      }
      NDArray z = jepa.encode(m.create(frames, new Shape(n, 2, R, R)));
      NDArray p = m.create(pos, new Shape(n, 2));
      for (int step = 0; step < 400; step++) {
        probe.trainStep(z, p);
      }
      assertThat(probe.errorPixels(z, p)).isLessThan(0.5);
      return BlockedMoveEvaluation.run(jepa, probe, RENDERER, ObservationScaling.unit(), true, 32,
          1.8, new SplittableRandom(3), m);
    }
  }

  @Test
  void aModelThatIgnoresTheWallImaginesTheBlockedDotMoving() {
    BlockedMoveEvaluation e = evaluate(true);
    assertThat(e.freePx()).isLessThan(0.6);
    assertThat(e.blockedPx()).isBetween(1.3, 2.3); // the whole 1.8-px move, where none happens
    assertThat(e.blockedLatent()).isGreaterThan(10 * e.freeLatent());
    assertThat(e.blockedMoveFraction()).isBetween(0.8, 1.2); // the whole move, in latent terms
    assertThat(e.cases()).isEqualTo(32);
  }

  @Test
  void aModelThatNeverMovesIsRightOnlyAtTheWall() {
    BlockedMoveEvaluation e = evaluate(false);
    assertThat(e.blockedPx()).isLessThan(0.6);
    assertThat(e.freePx()).isBetween(1.3, 2.3);
    assertThat(e.blockedMoveFraction()).isLessThan(0.05);
  }

  @Test
  void refusesAPushThatCannotReachTheWall() {
    assertThatThrownBy(() -> BlockedMoveEvaluation.run(null, null, RENDERER,
        ObservationScaling.unit(), true, 4, 1.0, new SplittableRandom(1), null))
        .hasMessageContaining("push longer than the largest gap");
  }
}
