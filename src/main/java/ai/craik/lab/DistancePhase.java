package ai.craik.lab;

import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsGeometry;
import ai.craik.lab.LabOutcome.DrawnFigure;
import ai.craik.report.HeatMap;
import ai.craik.report.ImageGrid;
import ai.craik.report.LineChart;
import ai.craik.report.Marker;
import ai.craik.report.ScatterChart;
import ai.craik.run.MetricsLog;
import ai.craik.run.RunSession;
import ai.craik.train.DistanceEvaluation;
import ai.craik.train.DistanceMap;
import ai.craik.train.DistanceTrainer;
import ai.craik.train.TrainedWorldModel;
import ai.craik.train.TrainingLoop;
import ai.craik.train.WorldModelConfig;
import ai.craik.train.WorldModelTrainer;
import ai.djl.ndarray.NDManager;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The second phase of {@code craik train world-model}, {@code distance}: a learned temporal
 * distance on the frozen world model ({@link DistanceTrainer}), its metrics, its {@code distance}
 * object in summary.json and its figures (a distance map to a goal behind the wall, the held-out
 * pairs against the true shortest path, the training curves).
 */
final class DistancePhase {
  static final String PHASE = TrainedWorldModel.DISTANCE_PHASE;
  /** Cells per side of the distance map's grid over the arena (1 px each). */
  private static final int MAP_CELLS = 55;

  private DistancePhase() {}

  /** Runs (or resumes) the phase after the world model's and adds its results to {@code world}. */
  static LabOutcome run(WorldModelConfig cfg, RunSession session, NDManager manager,
      WorldModelTrainer trainer, LabOutcome world) {
    WorldModelConfig.Distance dc = cfg.distance();
    WorldModelConfig.Train t = cfg.train();
    try (DistanceTrainer dt = new DistanceTrainer(cfg, trainer.jepa(), trainer.batchSpec(),
        session.random(), manager)) {
      double before = WorldModelJob.lastNumber(MetricsLog.read(session.dir().metrics()),
          "time/distance_seconds");
      long started = System.nanoTime();
      long start = TrainingLoop.run(session,
          new TrainingLoop.Schedule(PHASE, dc.steps(), t.logEvery(), t.checkpointEvery()),
          dt.state(), manager, (step, scope) -> {
            Map<String, Double> m = dt.step(step, scope);
            long done = step + 1;
            if (done % t.evalEvery() == 0 || done == dc.steps()) {
              metrics(dt.evaluate(scope)).forEach(m::put);
            }
            m.put("time/distance_seconds", before + (System.nanoTime() - started) / 1e9);
            return m;
          });
      List<Map<String, Object>> rows = MetricsLog.read(session.dir().metrics());
      double seconds = Math.max(before, WorldModelJob.lastNumber(rows, "time/distance_seconds"));
      DistanceEvaluation e = dt.evaluate(manager);
      Layout layout = Layout.fixed();
      double[] goal = mapGoal(layout);
      DistanceMap map = dt.map(manager, layout, goal[0], goal[1], MAP_CELLS);

      Map<String, Object> d = new LinkedHashMap<>();
      d.put("steps", dc.steps());
      d.put("seconds", seconds);
      d.put("resumed_from_step", start);
      d.put("loss", lastOfPhase(rows, "distance/loss"));
      d.put("tau", dc.tau());
      d.put("max_gap", dc.maxGap());
      d.put("pairs", e.pairs());
      d.put("cross_wall_pairs", e.crossWallPairs());
      d.put("spearman", Map.of("learned", e.spearman(), "plain", e.spearmanPlain()));
      d.put("spearman_cross_wall", Map.of("learned", e.spearmanCrossWall(),
          "plain", e.spearmanCrossWallPlain()));
      d.put("spearman_other_room", Map.of("learned", e.spearmanOtherRoom(),
          "plain", e.spearmanOtherRoomPlain()));
      Map<String, Object> summary = new LinkedHashMap<>(world.summary());
      summary.put("distance", d);

      Map<String, Object> key = new LinkedHashMap<>(world.keyFigures());
      key.put("distance: Spearman vs shortest path, learned (plain latent)",
          String.format(Locale.ROOT, "%.3f (%.3f)", e.spearman(), e.spearmanPlain()));
      key.put("distance: the same on cross-wall pairs, learned (plain latent)",
          String.format(Locale.ROOT, "%.3f (%.3f), %d pairs", e.spearmanCrossWall(),
              e.spearmanCrossWallPlain(), e.crossWallPairs()));
      key.put("distance: per goal, over the other room's positions, learned (plain latent)",
          String.format(Locale.ROOT, "%.3f (%.3f)", e.spearmanOtherRoom(),
              e.spearmanOtherRoomPlain()));
      key.put("distance seconds", seconds);

      List<DrawnFigure> figures = new ArrayList<>(world.figures());
      try {
        figures.add(mapFigure(session, map));
        figures.add(pairsFigure(session, e, dc.crossWallPx()));
        figures.add(curves(session));
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot write figures in " + session.dir().figures(), ex);
      }
      return new LabOutcome(summary, key, figures);
    }
  }

  private static Map<String, Double> metrics(DistanceEvaluation e) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("distance/spearman", e.spearman());
    m.put("distance/spearman_plain", e.spearmanPlain());
    m.put("distance/spearman_cross_wall", e.spearmanCrossWall());
    m.put("distance/spearman_cross_wall_plain", e.spearmanCrossWallPlain());
    m.put("distance/spearman_other_room", e.spearmanOtherRoom());
    m.put("distance/spearman_other_room_plain", e.spearmanOtherRoomPlain());
    return m;
  }

  /** A goal in the right room, 6 px from the wall and far from the door's rows. */
  static double[] mapGoal(Layout l) {
    double y = l.doorY() <= 32 ? l.doorY() + 26 : l.doorY() - 26;
    return new double[] {l.wallX() + 6.0, y};
  }

  private static Object lastOfPhase(List<Map<String, Object>> rows, String key) {
    Object v = null;
    for (Map<String, Object> r : rows) {
      if (PHASE.equals(r.get("phase")) && r.get(key) != null) {
        v = r.get(key);
      }
    }
    return v;
  }

  private static DrawnFigure mapFigure(RunSession s, DistanceMap m) throws IOException {
    ImageGrid grid = ImageGrid.builder(3)
        .optTitle("Distance to the goal (+) behind the wall, " + String.format(Locale.ROOT,
            "layout wall_x=%d door_y=%d", m.layout().wallX(), m.layout().doorY()))
        .optNote("dark = near; each panel has its own colour scale; grey = wall")
        .add(panel(m, m.truePx(), "True shortest path (px)", "px"))
        .add(panel(m, m.learned(), "Learned temporal distance d(s, g)", "steps"))
        .add(panel(m, m.plain(), "Plain latent distance ||s - g||", "latent units"))
        .build();
    grid.savePng(s.dir().figure("distance_map.png"));
    return new DrawnFigure("distance_map.png", String.format(Locale.ROOT, "For every position"
        + " of the dot (frames rendered on a 1-px grid and encoded), the distance to the goal"
        + " at (%.0f, %.0f), in the right room, behind the wall: the exact shortest path, which"
        + " goes round through the door; the learned temporal distance; and the plain latent"
        + " distance that planning used so far. A wall-aware cost is large just left of the wall"
        + " level with the goal; a leaking one is small there.", m.goalX(), m.goalY()));
  }

  private static HeatMap panel(DistanceMap m, double[][] v, String title, String unit) {
    HeatMap.Builder b = HeatMap.builder(v, m.xmin(), m.xmax(), m.ymin(), m.ymax())
        .optTitle(title).optColorbarLabel(unit).optXLabel("x (px)").optYLabel("y (px)")
        .optSize(470, 430).optEqualAspect(true);
    Layout l = m.layout();
    double x0 = l.wallX() - TwoRoomsGeometry.WALL_HALF;
    double x1 = l.wallX() + TwoRoomsGeometry.WALL_HALF;
    double y0 = l.doorY() - TwoRoomsGeometry.DOOR_HALF;
    double y1 = l.doorY() + TwoRoomsGeometry.DOOR_HALF;
    double lo = TwoRoomsGeometry.LOW;
    double hi = TwoRoomsGeometry.HIGH;
    b.addPolyline("", new double[] {x0, x1, x1, x0}, new double[] {lo, lo, y0, y0}, Color.WHITE,
        true);
    b.addPolyline("", new double[] {x0, x1, x1, x0}, new double[] {y1, y1, hi, hi}, Color.WHITE,
        true);
    b.addPoints("", new double[] {m.goalX()}, new double[] {m.goalY()}, new Color(0xff4040),
        Marker.PLUS);
    return b.build();
  }

  private static DrawnFigure pairsFigure(RunSession s, DistanceEvaluation e, double crossPx)
      throws IOException {
    // About 3,000 of the other pairs (every k-th), every cross-wall pair.
    List<Integer> other = new ArrayList<>();
    List<Integer> cross = new ArrayList<>();
    for (int i = 0; i < e.pairs(); i++) {
      (e.crossWall()[i] ? cross : other).add(i);
    }
    int stride = Math.max(1, (other.size() + 2999) / 3000);
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < other.size(); i += stride) {
      shown.add(other.get(i));
    }
    ImageGrid grid = ImageGrid.builder(2)
        .add(scatter("Learned temporal distance", "d(s_a, s_b) (steps)", e.truePx(), e.learned(),
            shown, cross, e.spearman(), e.spearmanCrossWall()))
        .add(scatter("Plain latent distance", "||s_a - s_b||", e.truePx(), e.plain(), shown,
            cross, e.spearmanPlain(), e.spearmanCrossWallPlain()))
        .build();
    grid.savePng(s.dir().figure("distance_pairs.png"));
    return new DrawnFigure("distance_pairs.png", String.format(Locale.ROOT, "Held-out pairs of"
        + " positions (new layouts): each cost against the true shortest path. Cross-wall pairs"
        + " (different rooms, at most %.0f px apart in a straight line that the wall blocks) are"
        + " where a cost that leaks through the wall ranks the goal as near. rho = Spearman's"
        + " rank correlation, all pairs / cross-wall pairs: learned %.3f / %.3f, plain %.3f /"
        + " %.3f.", crossPx, e.spearman(), e.spearmanCrossWall(), e.spearmanPlain(),
        e.spearmanCrossWallPlain()));
  }

  private static ScatterChart scatter(String title, String yLabel, double[] truth, double[] v,
      List<Integer> shown, List<Integer> cross, double rho, double rhoCross) {
    ScatterChart.Builder b = ScatterChart.builder()
        .optTitle(String.format(Locale.ROOT, "%s (rho %.2f, cross-wall %.2f)", title, rho,
            rhoCross))
        .optXLabel("true shortest path (px)").optYLabel(yLabel).optSize(520, 480)
        .optMarkerSize(3);
    b.addPoints("other pairs", pick(truth, shown), pick(v, shown));
    if (!cross.isEmpty()) {
      b.addPoints("cross-wall pairs", pick(truth, cross), pick(v, cross), Marker.DIAMOND);
    }
    return b.build();
  }

  private static double[] pick(double[] v, List<Integer> idx) {
    return idx.stream().mapToDouble(i -> v[i]).toArray();
  }

  private static DrawnFigure curves(RunSession s) throws IOException {
    LineChart.Builder loss = LineChart.builder().optTitle("Distance head: expectile loss")
        .optXLabel("step").optSize(960, 340).optLogY(true);
    addSeries(s, loss, "distance/loss", "loss");
    LineChart.Builder rho = LineChart.builder()
        .optTitle("Spearman's rho with the shortest path (held-out)").optXLabel("step")
        .optSize(960, 420);
    addSeries(s, rho, "distance/spearman", "learned, all pairs");
    addSeries(s, rho, "distance/spearman_other_room", "learned, per goal");
    addSeries(s, rho, "distance/spearman_cross_wall", "learned, cross-wall");
    addSeries(s, rho, "distance/spearman_plain", "plain, all pairs");
    addSeries(s, rho, "distance/spearman_other_room_plain", "plain, per goal");
    addSeries(s, rho, "distance/spearman_cross_wall_plain", "plain, cross-wall");
    ImageGrid.builder(1).add(loss.build()).add(rho.build()).build()
        .savePng(s.dir().figure("distance_training.png"));
    return new DrawnFigure("distance_training.png", "Training of the distance head on the"
        + " frozen world model: its loss, and the rank correlation of the learned and of the"
        + " plain latent distance with the true shortest path on held-out pairs (all pairs; per"
        + " goal over the positions in the other room; cross-wall pairs), at each evaluation.");
  }

  private static void addSeries(RunSession s, LineChart.Builder chart, String key, String name) {
    List<double[]> xy = LabMetrics.series(s.dir().metrics(), PHASE, key);
    double[] x = xy.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = xy.stream().mapToDouble(p -> p[1]).toArray();
    boolean finite = java.util.Arrays.stream(y).allMatch(Double::isFinite);
    if (x.length == 0 || !finite) {
      chart.addSeries(name + " (no data)", new double[] {0}, new double[] {1});
    } else {
      chart.addSeries(name, x, y);
    }
  }
}
