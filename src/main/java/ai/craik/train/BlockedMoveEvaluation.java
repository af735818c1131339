package ai.craik.train;

import ai.craik.config.Checks;
import ai.craik.data.ObservationScaling;
import ai.craik.engine.GradMode;
import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsRenderer;
import ai.craik.jepa.Jepa;
import ai.craik.jepa.PositionProbe;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One imagined step into the middle wall against the same step in free space. Each case takes a
 * layout, a row away from the door and a dot 0.3–1.5 px before the wall's face; the move of
 * length {@code push} straight at the wall is blocked (the training data's STOP rule leaves the
 * dot in place), and the same move from 6 px further back is free:
 *
 * <pre>
 *   blocked_px = mean |probe(Pred(Enc(o_p), a)) − p|          the dot must not move
 *   free_px    = mean |probe(Pred(Enc(o_q), a)) − (q + a)|    the dot must move by |a|
 *   blocked_latent, free_latent: the same as mean squared latent error per dimension against
 *                                Enc(frame of the true next position)
 *   move_latent    = mean ||Enc(o_{q+a}) − Enc(o_q)||² / D   the size of a real move in latent space
 *   blocked_move_fraction = sqrt(blocked_latent / move_latent)   how much of a move the model
 *                                imagines into the wall: 0 if it knows the wall, about 1 if not
 * </pre>
 *
 * A model that knows the wall has a blocked error near its free error; one that ignores it imagines
 * the blocked dot moving by about |a| (a blocked error near |a| = {@code push}). The position probe
 * is the run's diagnostic probe; nothing downstream uses it.
 */
public record BlockedMoveEvaluation(double blockedPx, double freePx, double blockedLatent,
    double freeLatent, double moveLatent, int cases) {

  /** sqrt(blocked_latent / move_latent): the share of a real move imagined into the wall. */
  public double blockedMoveFraction() {
    return moveLatent > 0 ? Math.sqrt(blockedLatent / moveLatent) : Double.NaN;
  }

  /** Runs {@code cases} cases with layouts from {@code rng} (random, or the fixed layout). */
  public static BlockedMoveEvaluation run(Jepa jepa, PositionProbe probe,
      TwoRoomsRenderer renderer, ObservationScaling scaling, boolean randomLayout, int cases,
      double push, SplittableRandom rng, NDManager parent) {
    Checks.arg(cases >= 1 && push > 1.5, "blocked-move test needs cases >= 1 and a push longer"
        + " than the largest gap (1.5 px), got %s and %s", cases, push);
    int r = renderer.size();
    int frame = 2 * r * r;
    // Rows of the four frame sets: blocked start, free start, blocked truth (= start), free truth.
    float[] frames = new float[4 * cases * frame];
    float[] actions = new float[2 * cases * 2];
    float[] truth = new float[2 * cases * 2];
    double margin = 2 * renderer.sigmaPixels() / renderer.scale();
    for (int i = 0; i < cases; i++) {
      WallApproach c = WallApproach.sample(rng, randomLayout, margin);
      Layout l = c.layout();
      double side = c.side();
      double y = c.y();
      double blocked = c.nearFace() - side * (0.3 + 1.2 * rng.nextDouble());
      double free = blocked - side * 6;
      put(frames, i, frame, scaling.apply(renderer.render(l, blocked, y)));
      put(frames, cases + i, frame, scaling.apply(renderer.render(l, free, y)));
      put(frames, 2 * cases + i, frame, scaling.apply(renderer.render(l, blocked, y)));
      put(frames, 3 * cases + i, frame,
          scaling.apply(renderer.render(l, free + side * push, y)));
      actions[2 * i] = (float) (side * push);
      actions[2 * (cases + i)] = (float) (side * push);
      truth[2 * i] = (float) blocked;
      truth[2 * i + 1] = (float) y;
      truth[2 * (cases + i)] = (float) (free + side * push);
      truth[2 * (cases + i) + 1] = (float) y;
    }
    double[] out = GradMode.disabled(() -> {
      try (NDManager scope = parent.newSubManager()) {
        NDArray z = jepa.encode(scope.create(frames, new Shape(4L * cases, 2, r, r)));
        NDArray starts = z.get("0:{}", 2 * cases); // [2 cases, D]
        NDArray targets = z.get("{}:", 2 * cases); // [2 cases, D]
        NDArray next = jepa.unroll(starts, scope.create(actions, new Shape(2L * cases, 1, 2)))
            .states().get(":, 1"); // [2 cases, D]
        float[] latent = jepa.learned(next.sub(targets)).square().mean(new int[] {1})
            .toFloatArray(); // [2 cases]
        NDArray freeStart = starts.get("{}:", cases);
        NDArray freeEnd = targets.get("{}:", cases);
        double move = jepa.learned(freeEnd.sub(freeStart)).square().mean().getFloat();
        float[] read = probe.predict(next).toFloatArray(); // [2 cases, 2]
        double[] m = new double[5];
        m[4] = move;
        for (int k = 0; k < 2 * cases; k++) {
          int half = k < cases ? 0 : 1;
          m[half] += StrictMath.hypot(read[2 * k] - truth[2 * k], read[2 * k + 1] - truth[2 * k + 1])
              / cases;
          m[2 + half] += latent[k] / cases;
        }
        return m;
      }
    });
    return new BlockedMoveEvaluation(out[0], out[1], out[2], out[3], out[4], cases);
  }

  /** The summary.json form. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("blocked_px", blockedPx);
    m.put("free_px", freePx);
    m.put("blocked_latent", blockedLatent);
    m.put("free_latent", freeLatent);
    m.put("move_latent", moveLatent);
    m.put("blocked_move_fraction", blockedMoveFraction());
    m.put("cases", cases);
    return m;
  }

  private static void put(float[] frames, int row, int frame, float[] values) {
    System.arraycopy(values, 0, frames, row * frame, frame);
  }
}
