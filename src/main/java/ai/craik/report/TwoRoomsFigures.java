package ai.craik.report;

import ai.craik.config.Checks;
import ai.craik.env.Layout;
import ai.craik.env.Trajectory;
import ai.craik.env.TwoRoomsRenderer;
import ai.craik.env.TwoRoomsTask;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pictures of the Two Rooms environment drawn from its real observations: sample layouts, animated
 * trajectories with their trails, and planning tasks (start and goal).
 *
 * <p>Every panel is a rendered observation [2, R, R] shown by {@link ObservationImage}: channel 1
 * (walls) light grey and channel 0 (the dot's Gaussian blob) amber on a dark background, each
 * observation pixel enlarged to k × k. World positions (pixels of the 65 frame) map to observation
 * pixels by the renderer's scale (R − 1) / 64.
 */
public final class TwoRoomsFigures {
  /** Trail colour (sky blue). */
  public static final int TRAIL = 0x4fc3f7;
  /** Goal ring colour (green). */
  public static final int GOAL = 0x5ee07a;
  /** Start cross colour (pink). */
  public static final int START = 0xff6fa8;
  /** Imagined-plan colour (coral red). */
  public static final int PLAN = 0xff5252;
  /** Colour of a waypoint (RGB). */
  public static final int WAYPOINT = 0xb388ff;
  /** Legend of the observation colours, for figure notes. */
  public static final String COLOURS = "amber: the dot (channel 0), grey: walls (channel 1)";

  private TwoRoomsFigures() {}

  /** The enlargement that shows an R-pixel observation at about 256 picture pixels. */
  public static int scaleFor(int imageSize) {
    return Math.max(1, (int) Math.round(256.0 / imageSize));
  }

  /** A panel of the observation of a dot at world (x, y) in {@code layout}. */
  public static ObservationImage.Builder panel(TwoRoomsRenderer renderer, Layout layout, double x,
      double y, int scale) {
    int r = renderer.size();
    return ObservationImage.builder(renderer.render(layout, x, y), 2, r, r).optScale(scale);
  }

  /** "wall_x=32 door_y=18". */
  public static String describe(Layout l) {
    return String.format(Locale.ROOT, "wall_x=%d door_y=%d", l.wallX(), l.doorY());
  }

  /**
   * Sample layouts: one observation per layout with the dot at {@code dots[i]} (world units), each
   * labelled with its wall column and door row.
   */
  public static ImageGrid layouts(TwoRoomsRenderer renderer, List<Layout> layouts,
      List<double[]> dots, int columns) {
    Checks.arg(layouts.size() == dots.size(), "%s layouts but %s dot positions; pass one each",
        layouts.size(), dots.size());
    int k = scaleFor(renderer.size());
    ImageGrid.Builder grid = ImageGrid.builder(columns)
        .optTitle(String.format(Locale.ROOT, "Two Rooms layouts: %d×%d observations, shown ×%d",
            renderer.size(), renderer.size(), k))
        .optNote(COLOURS + "; the gap in the middle wall is the 9-px door");
    for (int i = 0; i < layouts.size(); i++) {
      Layout l = layouts.get(i);
      String label = describe(l) + (l.equals(Layout.fixed()) ? " (fixed)" : "");
      grid.add(panel(renderer, l, dots.get(i)[0], dots.get(i)[1], k).optLabel(label).build());
    }
    return grid.build();
  }

  /**
   * The frames of an animation of {@code trajectories} side by side: frame t shows each dot at step
   * t with its trail since step 0. With more than {@code maxFrames} steps, every s-th step is shown
   * (s = ⌈(T + 1) / maxFrames⌉) and the last step always.
   *
   * @param note a line under the panels (e.g. the collision policy)
   */
  public static List<BufferedImage> trajectoryFrames(TwoRoomsRenderer renderer,
      List<Trajectory> trajectories, int columns, int maxFrames, String note) {
    Checks.arg(!trajectories.isEmpty(), "no trajectories to animate; pass at least one");
    Checks.arg(maxFrames >= 2, "maxFrames=%s must be >= 2", maxFrames);
    int steps = trajectories.stream().mapToInt(Trajectory::length).max().orElseThrow();
    int stride = (steps + 1 + maxFrames - 1) / maxFrames;
    int k = scaleFor(renderer.size());
    double s = renderer.scale();
    List<Integer> shown = new ArrayList<>();
    for (int t = 0; t < steps; t += stride) {
      shown.add(t);
    }
    shown.add(steps);
    List<BufferedImage> frames = new ArrayList<>();
    for (int t : shown) {
      ImageGrid.Builder grid = ImageGrid.builder(columns)
          .optTitle(String.format(Locale.ROOT, "Two Rooms sample trajectories, step %d/%d", t,
              steps))
          .optNote(note);
      for (Trajectory tr : trajectories) {
        int now = Math.min(t, tr.length());
        float[] p = tr.positions();
        double[] u = new double[now + 1];
        double[] v = new double[now + 1];
        for (int i = 0; i <= now; i++) {
          u[i] = p[2 * i] * s;
          v[i] = p[2 * i + 1] * s;
        }
        grid.add(panel(renderer, tr.layout(), p[2 * now], p[2 * now + 1], k)
            .optLabel(describe(tr.layout()) + (tr.throughDoor() ? "  · door" : ""))
            .addTrail(u, v, TRAIL, Math.max(1.5f, k / 2f))
            .addCross(u[0], v[0], 1.0, START)
            .build());
      }
      frames.add(grid.build().render());
    }
    return frames;
  }

  /**
   * The frames of paths animated side by side in one layout, e.g. a true trajectory, the world
   * model's rollout under the same actions decoded by the position probe, and a rollout under
   * random actions: frame t shows panel i's dot at {@code paths.get(i)[t]} (world units) with its
   * trail since step 0.
   *
   * @param paths one array [T + 1][2] per panel, all of the same length
   */
  public static List<BufferedImage> pathFrames(TwoRoomsRenderer renderer, Layout layout,
      List<String> labels, List<double[][]> paths, String title, String note) {
    Checks.arg(!paths.isEmpty() && labels.size() == paths.size(),
        "%s labels for %s paths; pass one label per path", labels.size(), paths.size());
    int steps = paths.get(0).length - 1;
    for (double[][] path : paths) {
      Checks.arg(path.length == steps + 1, "paths have %s and %s points; pass paths of one length",
          steps + 1, path.length);
    }
    int k = scaleFor(renderer.size());
    double s = renderer.scale();
    List<BufferedImage> frames = new ArrayList<>();
    for (int t = 0; t <= steps; t++) {
      ImageGrid.Builder grid = ImageGrid.builder(paths.size())
          .optTitle(String.format(Locale.ROOT, "%s, step %d/%d", title, t, steps))
          .optNote(note);
      for (int i = 0; i < paths.size(); i++) {
        double[][] path = paths.get(i);
        double[] u = new double[t + 1];
        double[] v = new double[t + 1];
        for (int j = 0; j <= t; j++) {
          u[j] = path[j][0] * s;
          v[j] = path[j][1] * s;
        }
        grid.add(panel(renderer, layout, path[t][0], path[t][1], k)
            .optLabel(labels.get(i))
            .addTrail(u, v, TRAIL, Math.max(1.5f, k / 2f))
            .addCross(u[0], v[0], 1.0, START)
            .build());
      }
      frames.add(grid.build().render());
    }
    return frames;
  }

  /**
   * Two frames per set of tasks: the start observations, then the goal observations (the images a
   * planner is given). Both show the goal's success region (a ring of the success radius); the goal
   * frame marks the start with a cross, so the pair reads as "from here to there".
   */
  public static List<BufferedImage> taskFrames(TwoRoomsRenderer renderer, List<TwoRoomsTask> tasks,
      int columns) {
    Checks.arg(!tasks.isEmpty(), "no tasks to draw; pass at least one");
    int k = scaleFor(renderer.size());
    double s = renderer.scale();
    List<BufferedImage> frames = new ArrayList<>();
    for (boolean goal : new boolean[] {false, true}) {
      ImageGrid.Builder grid = ImageGrid.builder(columns)
          .optTitle(goal ? "Two Rooms planning tasks: goal images" : "Two Rooms planning tasks:"
              + " start observations")
          .optNote(String.format(Locale.ROOT, "green ring: success region (distance < %.1f px) around"
              + " the goal; pink cross: the start; budget %d steps", tasks.get(0).successRadius(),
              tasks.get(0).budget()));
      for (int i = 0; i < tasks.size(); i++) {
        TwoRoomsTask task = tasks.get(i);
        double[] at = goal ? task.goal() : task.start();
        ObservationImage.Builder p = panel(renderer, task.layout(), at[0], at[1], k)
            .optLabel(String.format(Locale.ROOT, "task %d %s · %s", i + 1, goal ? "goal" : "start",
                describe(task.layout())))
            .addRing(task.goal()[0] * s, task.goal()[1] * s, task.successRadius() * s, GOAL);
        if (goal) { // on the start frame the dot itself marks the start
          p.addCross(task.start()[0] * s, task.start()[1] * s, 1.0, START);
        }
        grid.add(p.build());
      }
      frames.add(grid.build().render());
    }
    return frames;
  }

  /**
   * The frames of a planning episode: frame t shows the dot at {@code path[t]} (world units) with
   * its trail since step 0, the goal's success region (a ring of {@code successRadius} around
   * {@code goal}), the start (a cross) and the plan current at step t as the world model imagines
   * it ({@code plans[t]}, e.g. positions decoded by the position probe from the imagined latents,
   * [h + 1][2]; null for none). With more than {@code maxFrames} steps every s-th is shown
   * (s = ⌈(T + 1) / maxFrames⌉) and the last always.
   *
   * @param path true positions [T + 1][2]
   * @param plans the imagined plan per step [T + 1] (entries may be null)
   */
  public static List<BufferedImage> planFrames(TwoRoomsRenderer renderer, Layout layout,
      double[] goal, double successRadius, double[][] path, double[][][] plans, String title,
      int maxFrames) {
    Checks.arg(path.length >= 1 && plans.length == path.length, "%s plans for a path of %s"
        + " points; pass one (or null) per point", plans.length, path.length);
    Checks.arg(maxFrames >= 2, "maxFrames=%s must be >= 2", maxFrames);
    int steps = path.length - 1;
    int stride = (steps + 1 + maxFrames - 1) / maxFrames;
    List<Integer> shown = new ArrayList<>();
    for (int t = 0; t < steps; t += stride) {
      shown.add(t);
    }
    shown.add(steps);
    int k = scaleFor(renderer.size());
    double s = renderer.scale();
    List<BufferedImage> frames = new ArrayList<>();
    for (int t : shown) {
      ObservationImage.Builder panel = panel(renderer, layout, path[t][0], path[t][1], k)
          .optLabel(String.format(Locale.ROOT, "step %d/%d · distance to goal %.1f px", t, steps,
              StrictMath.hypot(path[t][0] - goal[0], path[t][1] - goal[1])));
      if (plans[t] != null) {
        panel.addTrail(column(plans[t], 0, s), column(plans[t], 1, s), PLAN,
            Math.max(1.5f, k / 3f));
      }
      double[][] done = java.util.Arrays.copyOf(path, t + 1);
      panel.addTrail(column(done, 0, s), column(done, 1, s), TRAIL, Math.max(1.5f, k / 2f))
          .addCross(path[0][0] * s, path[0][1] * s, 1.0, START)
          .addRing(goal[0] * s, goal[1] * s, successRadius * s, GOAL);
      frames.add(ImageGrid.builder(1).optTitle(title)
          .optNote("blue: path · red: imagined plan · green: goal")
          .add(panel.build()).build().render());
    }
    return frames;
  }

  /**
   * One panel per episode at its end: the dot's final position, its whole path, the start (a
   * cross) and the goal region (a ring), each labelled (e.g. "ep 3 · 12.5 px · fail").
   *
   * @param layouts, goals, paths, labels one entry per episode
   */
  public static ImageGrid episodeGrid(TwoRoomsRenderer renderer, List<Layout> layouts,
      List<double[]> goals, List<double[][]> paths, List<String> labels, double successRadius,
      int columns, String title) {
    return episodeGrid(renderer, layouts, goals, paths, labels, null, successRadius, columns,
        title);
  }

  /**
   * {@link #episodeGrid} with a waypoint per episode (world units; a null list or entry: none),
   * drawn as a violet cross.
   */
  public static ImageGrid episodeGrid(TwoRoomsRenderer renderer, List<Layout> layouts,
      List<double[]> goals, List<double[][]> paths, List<String> labels, List<double[]> waypoints,
      double successRadius, int columns, String title) {
    Checks.arg(!paths.isEmpty() && layouts.size() == paths.size() && goals.size() == paths.size()
        && labels.size() == paths.size() && (waypoints == null
            || waypoints.size() == paths.size()),
        "pass one layout, goal, path, label (and waypoint, if any) per episode");
    int k = scaleFor(renderer.size());
    double s = renderer.scale();
    boolean marked = waypoints != null && waypoints.stream().anyMatch(w -> w != null);
    ImageGrid.Builder grid = ImageGrid.builder(columns).optTitle(title)
        .optNote("blue: path · pink: start · green: goal region"
            + (marked ? " · violet: waypoint" : ""));
    for (int i = 0; i < paths.size(); i++) {
      double[][] p = paths.get(i);
      double[] end = p[p.length - 1];
      double[] g = goals.get(i);
      int scale = paths.size() <= columns ? k : Math.max(1, k * 2 / 3);
      ObservationImage.Builder panel = panel(renderer, layouts.get(i), end[0], end[1], scale)
          .optLabel(labels.get(i))
          .addTrail(column(p, 0, s), column(p, 1, s), TRAIL, Math.max(1.5f, k / 4f))
          .addCross(p[0][0] * s, p[0][1] * s, 1.0, START)
          .addRing(g[0] * s, g[1] * s, successRadius * s, GOAL);
      double[] w = waypoints == null ? null : waypoints.get(i);
      if (w != null) {
        panel.addCross(w[0] * s, w[1] * s, 1.0, WAYPOINT);
      }
      grid.add(panel.build());
    }
    return grid.build();
  }

  /** Coordinate {@code axis} of points [n][2], times {@code scale}. */
  private static double[] column(double[][] points, int axis, double scale) {
    double[] out = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      out[i] = points[i][axis] * scale;
    }
    return out;
  }
}
