package ai.craik.train;

import ai.craik.data.ObservationScaling;
import ai.craik.engine.RandomStreams;
import ai.craik.env.ExplorationConfig;
import ai.craik.env.TwoRoomsRenderer;
import ai.craik.jepa.Jepa;
import ai.craik.jepa.PositionProbe;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The leading indicators of whether a world model knows the middle wall, measured together at
 * every world-model evaluation and again by {@code craik plan} on the model it loads:
 * {@link WallPushEvaluation} (12 imagined pushes into the wall), {@link LayoutReadout} (the door
 * row and wall column read back from the latent) and {@link BlockedMoveEvaluation} (one step into
 * the wall against the same step in free space). They read labels and are diagnostics only.
 *
 * <p>Each draws from its own stream of the run's seed ({@code eval.wall}, {@code eval.layout},
 * {@code eval.blocked}), so the same model gives the same figures wherever they are measured.
 */
public record WallIndicators(WallPushEvaluation wallPush, LayoutReadout layout,
    BlockedMoveEvaluation blocked) {
  /** Cases of the push tests, pushes per case and layouts of the read-out. */
  static final int PUSH_CASES = 64;
  static final int PUSH_STEPS = 12;
  static final int READOUT_LAYOUTS = 2048;

  /**
   * Measures all three on {@code jepa} with frames rendered by {@code renderer} and scaled by
   * {@code scaling} as in training; pushes use the layouts of training (random or fixed) and the
   * random play's longest step.
   */
  public static WallIndicators measure(Jepa jepa, PositionProbe probe, TwoRoomsRenderer renderer,
      ObservationScaling scaling, boolean randomLayout, RandomStreams random,
      NDManager parent) {
    double push = ExplorationConfig.defaults().stepMax();
    return new WallIndicators(
        WallPushEvaluation.run(jepa, probe, renderer, scaling, randomLayout, PUSH_CASES,
            PUSH_STEPS, push, random.stream("eval.wall"), parent),
        LayoutReadout.run(jepa, renderer, scaling, READOUT_LAYOUTS, random.stream("eval.layout"),
            parent),
        BlockedMoveEvaluation.run(jepa, probe, renderer, scaling, randomLayout, PUSH_CASES, push,
            random.stream("eval.blocked"), parent));
  }

  /** Metrics rows' keys and values ({@code eval/...}). */
  public Map<String, Double> metrics() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("eval/wall_penetration_px", wallPush.penetrationPx());
    m.put("eval/wall_crossed_fraction", wallPush.crossedFraction());
    m.put("eval/layout_readout_px/door_y", layout.doorYPx());
    m.put("eval/layout_readout_px/wall_x", layout.wallXPx());
    m.put("eval/one_step_px/blocked", blocked.blockedPx());
    m.put("eval/one_step_px/free", blocked.freePx());
    m.put("eval/blocked_move_fraction", blocked.blockedMoveFraction());
    return m;
  }

  /** summary.json entries: {@code wall_push}, {@code layout_readout_px}, {@code one_step_px}. */
  public Map<String, Object> summary() {
    Map<String, Object> push = new LinkedHashMap<>();
    push.put("penetration_px", wallPush.penetrationPx());
    push.put("crossed_fraction", wallPush.crossedFraction());
    push.put("cases", wallPush.cases());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("wall_push", push);
    m.put("layout_readout_px", layout.toMap());
    m.put("one_step_px", blocked.toMap());
    return m;
  }

  /** Report lines, labelled for a reader. */
  public Map<String, Object> keyFigures() {
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("imagined push into the middle wall: penetration (px)", wallPush.penetrationPx());
    key.put("imagined push into the middle wall: crossed fraction", wallPush.crossedFraction());
    key.put(String.format(Locale.ROOT, "door row read from the latent: RMSE (px; the mean"
        + " answers %.1f)", layout.doorYStdPx()), layout.doorYPx());
    key.put(String.format(Locale.ROOT, "wall column read from the latent: RMSE (px; the mean"
        + " answers %.1f)", layout.wallXStdPx()), layout.wallXPx());
    key.put("one imagined step into the middle wall: error (px)", blocked.blockedPx());
    key.put("the same step in free space: error (px)", blocked.freePx());
    key.put("share of a real move imagined into the wall (0: knows it)",
        blocked.blockedMoveFraction());
    return key;
  }
}
