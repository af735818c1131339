package ai.craik.lab;

import ai.craik.config.ConfigLoader;
import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsRenderer;
import ai.craik.env.TwoRoomsTask;
import ai.craik.env.TwoRoomsTasks;
import ai.craik.eval.Median;
import ai.craik.eval.WilsonInterval;
import ai.craik.lab.LabOutcome.DrawnFigure;
import ai.craik.lab.LabOutcome.Table;
import ai.craik.plan.CostVariant;
import ai.craik.plan.MpcSettings;
import ai.craik.plan.Replan;
import ai.craik.plan.TwoRoomsEpisode;
import ai.craik.plan.TwoRoomsPlanConfig;
import ai.craik.report.GifWriter;
import ai.craik.report.TwoRoomsFigures;
import ai.craik.run.AtomicFiles;
import ai.craik.run.RunSession;
import ai.craik.train.TrainedWorldModel;
import ai.craik.train.WallIndicators;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code craik plan two-rooms}: evaluates planners through a trained world model on seeded Two
 * Rooms tasks ({@link TwoRoomsEpisode}: goal given as an image, CONTACT collisions, MPC), and
 * reports per planner and cost variant ({@link CostVariant}: the plain latent distance, the learned
 * temporal distance, both, optionally through a waypoint) the success rate with its 95% Wilson
 * interval, the final distance, planning time per episode and per re-plan (planner calls and the
 * waypoint search only), and iterations; with GIFs of episodes showing the dot, the goal and the
 * plan the model imagines.
 *
 * <p>Task i has seed (run seed + i), so every planner and cost meets the same tasks; re-plans of
 * episode i draw from the stream ("plan", i). Each finished episode is appended to
 * {@code episodes.jsonl} in the run folder at once; rerunning the same command resumes, skipping
 * the episodes recorded there (a line cut by an interruption is dropped), so an interrupted
 * evaluation ends with the numbers of an uninterrupted one (wall-clock times aside).
 *
 * <p>summary.json: {@code default_planner}, {@code default_cost}, {@code costs} (the labels
 * evaluated) and {@code planners: {name: {success_rate, ci95, mean_final_distance_px,
 * planning_seconds_per_episode, seconds_per_replan, episodes, ..., cost, costs: {label: {the same
 * keys}}}}}: each planner's top-level numbers are those of the default cost.
 */
public final class PlanTwoRoomsJob implements LabProblem<TwoRoomsPlanConfig> {
  /** Per-episode records in the run folder, one JSON object per line. */
  public static final String EPISODES = "episodes.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int GIF_FRAMES = 100;
  private static final int GRID_PANELS = 60;

  @Override
  public String name() {
    return "two-rooms";
  }

  @Override
  public String preset(String group) {
    return "plan-two-rooms";
  }

  @Override
  public String description() {
    return "Mode-2 planning in Two Rooms through a JEPA world model trained from pixels: the agent"
        + " sees frames only and is given the goal as an image; each planner minimizes a cost of"
        + " imagined trajectories to the encoded goal (the plain latent distance, the learned"
        + " temporal distance of the world model's distance phase, or both; optionally through a"
        + " waypoint chosen among imagined frames of the agent's own layout) and acts by"
        + " model-predictive control (plan H steps, execute k, re-plan warm). Tasks put start and"
        + " goal in different rooms; a move into a wall stops at the contact point. Success:"
        + " within the success radius of the goal within the budget. Planning times count the"
        + " planner calls and the waypoint search only; encoding, environment steps and drawing"
        + " are timed apart.";
  }

  @Override
  public Class<TwoRoomsPlanConfig> configType() {
    return TwoRoomsPlanConfig.class;
  }

  @Override
  public LabOutcome run(TwoRoomsPlanConfig cfg, RunSession session, NDManager manager) {
    try (TrainedWorldModel model = TrainedWorldModel.load(Path.of(cfg.model()), manager)) {
      boolean randomLayout = cfg.randomLayout(model);
      double sigma = model.config().env().sigma();
      TwoRoomsRenderer renderer = new TwoRoomsRenderer(model.imageSize(), sigma);
      List<CostVariant> variants = cfg.variants();
      for (CostVariant v : variants) {
        TwoRoomsEpisode.requireSupported(model, v); // before any episode: fail in one line
      }
      String defaultCost = cfg.defaultVariant().label();
      Path file = session.dir().root().resolve(EPISODES);
      Map<String, Map<String, Map<Integer, Map<String, Object>>>> done = resume(file,
          session.dir().resumed(), defaultCost);
      double maxNorm = cfg.plan().mpc().maxNorm() / model.worldUnitsPerAction();
      List<DrawnFigure> gifs = new ArrayList<>();
      for (String name : cfg.planners()) {
        for (CostVariant v : variants) {
          String cost = v.label();
          Map<Integer, Map<String, Object>> have = done.computeIfAbsent(name,
              k -> new LinkedHashMap<>()).computeIfAbsent(cost, k -> new TreeMap<>());
          have.keySet().removeIf(i -> i >= cfg.episodes());
          TwoRoomsEpisode episode = new TwoRoomsEpisode(model, cfg.newPlanner(name, maxNorm),
              cfg.mpc(name), cfg.plan().objective(), cfg.plan().waypoint(), v);
          String tag = tag(name, cost, defaultCost);
          session.progress().start("plan " + name + (variants.size() > 1
              || !cost.equals(defaultCost) ? " · " + cost : ""), cfg.episodes(), have.size(),
              "episode");
          try {
            for (int i = 0; i < cfg.episodes(); i++) {
              if (i < cfg.gifs()) {
                gifs.add(gifFigure(name, cost, tag, i));
              }
              if (have.containsKey(i)) {
                continue;
              }
              long taskSeed = session.random().seed() + i;
              TwoRoomsTask task = TwoRoomsTasks.sample(taskSeed, randomLayout, sigma,
                  cfg.budget(), cfg.successRadius());
              TwoRoomsEpisode.Result r = episode.run(task, session.random().stream("plan", i),
                  manager);
              double drawSeconds = 0;
              if (i < cfg.gifs()) {
                long t0 = System.nanoTime();
                drawEpisode(session, renderer, episode, r, name, cost, tag, i, manager);
                drawSeconds = (System.nanoTime() - t0) / 1e9;
              }
              Map<String, Object> row = row(name, cost, tag, i, taskSeed, r, drawSeconds,
                  i < cfg.gifs());
              append(file, row);
              have.put(i, row);
              session.progress().update(have.size(), status(have.values()));
            }
          } finally {
            session.progress().close();
          }
        }
      }
      // The model's wall and layout indicators, shown beside the planning figures (diagnostics).
      WallIndicators indicators = model.indicators(manager);
      return outcome(cfg, session, model, indicators, randomLayout, renderer, done, gifs);
    }
  }

  /**
   * The part of figure names that tells planner and cost apart: the planner, then the cost's
   * {@link CostVariant#slug} unless it is the default cost (whose names stay as without costs).
   */
  private static String tag(String planner, String cost, String defaultCost) {
    return cost.equals(defaultCost) ? planner
        : planner + "_" + CostVariant.parse(cost).slug();
  }

  /**
   * The rows of a resumed run by planner, cost and episode (a fresh run starts with none); rows
   * without a cost are of {@code defaultCost}.
   */
  private static Map<String, Map<String, Map<Integer, Map<String, Object>>>> resume(Path file,
      boolean resumed, String defaultCost) {
    Map<String, Map<String, Map<Integer, Map<String, Object>>>> out = new LinkedHashMap<>();
    try {
      if (!resumed || !Files.exists(file)) {
        Files.deleteIfExists(file); // --force starts over: the run folder does not know this file
        return out;
      }
      List<String> kept = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        Map<String, Object> row;
        try {
          row = JSON.readValue(line, new TypeReference<>() {});
        } catch (IOException e) {
          continue; // a line cut by an interruption: that episode runs again
        }
        if (row.get("planner") instanceof String p && row.get("episode") instanceof Number n) {
          String cost = row.get("cost") instanceof String c ? c : defaultCost;
          out.computeIfAbsent(p, k -> new LinkedHashMap<>())
              .computeIfAbsent(cost, k -> new TreeMap<>()).put(n.intValue(), row);
          kept.add(line);
        }
      }
      AtomicFiles.writeString(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void append(Path file, Map<String, Object> row) {
    try {
      Files.writeString(file, JSON.writeValueAsString(row) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  private static String status(java.util.Collection<Map<String, Object>> rows) {
    long ok = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("success"))).count();
    double[] t = rows.stream().mapToDouble(r -> number(r, "planning_seconds")).toArray();
    return String.format(Locale.ROOT, "success %d/%d, planning %.1f s/episode (median)", ok,
        rows.size(), Median.of(t));
  }

  /** The record of one episode (numbers, lists and strings only: it is a JSON line). */
  private static Map<String, Object> row(String planner, String cost, String tag, int i,
      long taskSeed, TwoRoomsEpisode.Result r, double drawSeconds, boolean gif) {
    TwoRoomsTask task = r.task();
    List<Replan> replans = r.mpc().replans();
    double[] end = r.finalPosition();
    int wall = task.layout().wallX();
    boolean goalLeft = task.goal()[0] < wall;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("planner", planner);
    m.put("cost", cost);
    m.put("episode", i);
    m.put("task_seed", taskSeed);
    m.put("wall_x", wall);
    m.put("door_y", task.layout().doorY());
    m.put("start", round(task.start()));
    m.put("goal", round(task.goal()));
    m.put("success", r.success());
    m.put("steps", r.steps());
    m.put("final_position", round(end));
    m.put("final_distance_px", r.finalDistance());
    m.put("start_distance_px", task.distanceToGoal(task.start()));
    m.put("ends_in_goal_room", (end[0] < wall) == goalLeft);
    m.put("goal_probe_error_px", r.goalProbeErrorPx());
    m.put("replans", replans.size());
    m.put("iterations", replans.stream().mapToInt(p -> p.plan().iterations()).sum());
    m.put("planning_seconds", r.planningSeconds());
    m.put("replan_seconds", replans.stream().map(Replan::seconds).toList());
    m.put("encode_seconds", r.encodeSeconds());
    m.put("env_seconds", r.envSeconds());
    m.put("draw_seconds", drawSeconds);
    m.put("first_plan_terms", r.firstPlanTerms());
    m.put("final_goal_costs", r.finalGoalCosts());
    TwoRoomsEpisode.WaypointRecord w = r.waypoint();
    if (w != null) {
      Map<String, Object> wm = new LinkedHashMap<>();
      wm.put("position", round(w.position()));
      wm.put("bank_size", w.bankSize());
      wm.put("score", w.score());
      wm.put("from_start", w.fromStart());
      wm.put("to_goal", w.toGoal());
      wm.put("switch_step", w.switchStep());
      wm.put("reached", w.reached());
      wm.put("seconds", w.seconds());
      m.put("waypoint", wm);
    } else {
      m.put("waypoint", null);
    }
    m.put("gif", gif ? gifName(tag, i) : null);
    m.put("path", Arrays.stream(r.path()).map(PlanTwoRoomsJob::round).toList());
    return m;
  }

  private static List<Double> round(double[] xy) {
    return List.of(Math.rint(xy[0] * 1000) / 1000, Math.rint(xy[1] * 1000) / 1000);
  }

  private static String gifName(String tag, int i) {
    return "episode_" + tag + "_" + i + ".gif";
  }

  private static DrawnFigure gifFigure(String planner, String cost, String tag, int i) {
    return new DrawnFigure(gifName(tag, i), planner.toUpperCase(Locale.ROOT) + ", cost " + cost
        + ", episode " + i + ": the dot (amber) and its path (blue), the goal region (green ring)"
        + " and, in red, the current plan as the world model imagines it (the position probe's"
        + " reading of the imagined latents), redrawn at every re-plan"
        + (cost.endsWith(CostVariant.WAYPOINT) ? "; the first plans head for the waypoint" : "")
        + ".");
  }

  /** The GIF of an episode: the dot, the goal and the plan current at each step, as imagined. */
  private static void drawEpisode(RunSession session, TwoRoomsRenderer renderer,
      TwoRoomsEpisode episode, TwoRoomsEpisode.Result r, String planner, String cost, String tag,
      int i, NDManager manager) {
    List<double[][]> imagined = episode.imagined(r, manager);
    List<Replan> replans = r.mpc().replans();
    double[][] path = r.path();
    double[][][] plans = new double[path.length][][];
    int j = -1;
    for (int t = 0; t < path.length; t++) {
      while (j + 1 < replans.size() && replans.get(j + 1).step() <= t) {
        j++;
      }
      plans[t] = j >= 0 ? imagined.get(j) : null;
    }
    TwoRoomsTask task = r.task();
    String title = String.format(Locale.ROOT, "%s · %s · episode %d · %s",
        planner.toUpperCase(Locale.ROOT), cost, i, r.success() ? "reached" : "missed");
    try {
      GifWriter.write(session.dir().figure(gifName(tag, i)), TwoRoomsFigures.planFrames(
          renderer, task.layout(), task.goal(), task.successRadius(), path, plans, title,
          GIF_FRAMES), 80);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + gifName(tag, i), e);
    }
  }

  private LabOutcome outcome(TwoRoomsPlanConfig cfg, RunSession session, TrainedWorldModel model,
      WallIndicators indicators,
      boolean randomLayout, TwoRoomsRenderer renderer,
      Map<String, Map<String, Map<Integer, Map<String, Object>>>> done, List<DrawnFigure> gifs) {
    String defaultCost = cfg.defaultVariant().label();
    List<String> costs = cfg.variants().stream().map(CostVariant::label).toList();
    Map<String, Object> planners = new LinkedHashMap<>();
    List<List<Object>> compare = new ArrayList<>();
    List<List<Object>> episodes = new ArrayList<>();
    List<Map<String, Object>> all = new ArrayList<>();
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("world model", model.runDir() + " (step " + model.step() + ")"
        + (model.hasDistance() ? ", distance head (step " + model.distanceStep() + ")"
            : ", no distance head"));
    key.put("layout", randomLayout ? "random" : "fixed");
    indicators.keyFigures().forEach((k, v) -> key.put("world model: " + k, v));
    List<DrawnFigure> figures = new ArrayList<>();
    for (String name : cfg.planners()) {
      Map<String, Object> perCost = new LinkedHashMap<>();
      for (String cost : costs) {
        List<Map<String, Object>> rows = new ArrayList<>(done.get(name).get(cost).values());
        Map<String, Object> s = plannerSummary(cfg, name, rows);
        perCost.put(cost, s);
        all.addAll(rows);
        WilsonInterval ci = WilsonInterval.of(((Number) s.get("successes")).intValue(),
            rows.size());
        Map<String, Object> perEpisode = child(s, "planning_seconds_per_episode");
        Map<String, Object> perReplan = child(s, "seconds_per_replan");
        Map<String, Object> first = child(s, "seconds_first_plan");
        MpcSettings mpc = cfg.mpc(name);
        Object waypoints = s.get("waypoint") instanceof Map<?, ?> w
            ? w.get("reached") + "/" + rows.size() + " reached, " + w.get("switched") + "/"
                + rows.size() + " switched (mean step " + w.get("mean_switch_step") + ")" : "–";
        compare.add(Arrays.asList(name, cost, rows.size(), ci.successes(), percent(ci.rate()),
            percent(ci.low()) + " – " + percent(ci.high()), s.get("mean_final_distance_px"),
            s.get("median_final_distance_px"), perEpisode.get("median"), perEpisode.get("mean"),
            perReplan.get("median"), first.get("median"), mpc.iterations() + " / "
                + mpc.warmIterations(), s.get("replans_per_episode"), s.get("mean_steps"),
            s.get("failures_in_start_room"), waypoints));
        String at = cost.equals(defaultCost) && costs.size() == 1 ? name : name + " · " + cost;
        key.put(at + ": success", String.format(Locale.ROOT, "%d/%d = %s (95%% CI %s – %s)",
            ci.successes(), ci.trials(), percent(ci.rate()), percent(ci.low()),
            percent(ci.high())));
        key.put(at + ": planning s per episode (median)", perEpisode.get("median"));
        key.put(at + ": s per re-plan (median)", perReplan.get("median"));
        key.put(at + ": mean final distance (px)", s.get("mean_final_distance_px"));
        for (Map<String, Object> r : rows) {
          episodes.add(Arrays.asList(name, cost, r.get("episode"), r.get("task_seed"),
              "wall_x=" + r.get("wall_x") + " door_y=" + r.get("door_y"), xy(r.get("start")),
              xy(r.get("goal")), Boolean.TRUE.equals(r.get("success")) ? "yes" : "no",
              r.get("steps"), r.get("final_distance_px"), xy(r.get("final_position")),
              Boolean.TRUE.equals(r.get("ends_in_goal_room")) ? "goal" : "start",
              r.get("waypoint") instanceof Map<?, ?> w ? xy(w.get("position")) + (Boolean.TRUE
                  .equals(w.get("reached")) ? " reached at " : " left at ") + w.get("switch_step")
                  : "–",
              r.get("planning_seconds"), r.get("replans"), r.get("gif")));
        }
        figures.add(pathsGrid(session, renderer, name, cost, tag(name, cost, defaultCost), rows,
            cfg.successRadius()));
      }
      Map<String, Object> entry = new LinkedHashMap<>(child(perCost, defaultCost));
      entry.put("cost", defaultCost);
      entry.put("costs", perCost);
      planners.put(name, entry);
    }
    figures.addAll(gifs);

    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("default_planner", cfg.defaultPlannerName());
    summary.put("default_cost", defaultCost);
    summary.put("costs", costs);
    summary.put("planners", planners);
    summary.put("problem", "plan-two-rooms");
    TwoRoomsPlanConfig.Objective o = cfg.plan().objective();
    summary.put("method", "MPC through the JEPA world model of " + model.runDir() + ": goal cost"
        + " (default " + defaultCost + ") " + o.goalSteps() + " of latent_weight " + o.latentWeight()
        + " ||s - g||^2 and/or distance_weight " + o.distanceWeight() + " d(s, g) (learned"
        + " temporal distance)" + (o.actionWeight() > 0 ? " + " + o.actionWeight()
            + " sum ||a||^2" : "") + "; horizon " + cfg.plan().mpc().horizon() + ", execute "
        + cfg.plan().mpc().executeSteps() + " per plan");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_dir", model.runDir().toString());
    m.put("step", model.step());
    m.put("seed", model.seed());
    m.put("latent_dim", model.latentDim());
    m.put("image_size", model.imageSize());
    m.put("trained_layout", model.config().data().layout());
    m.put("world_units_per_action", model.worldUnitsPerAction());
    m.put("distance_head", model.hasDistance());
    m.put("distance_step", model.distanceStep());
    m.put("indicators", indicators.summary());
    summary.put("model", m);
    Map<String, Object> tasks = new LinkedHashMap<>();
    tasks.put("layout", randomLayout ? "random" : "fixed");
    tasks.put("episodes", cfg.episodes());
    tasks.put("seeds", List.of(session.random().seed(), session.random().seed() + cfg.episodes()
        - 1));
    tasks.put("budget", cfg.budget());
    tasks.put("success_radius_px", cfg.successRadius());
    tasks.put("collision", "contact");
    summary.put("tasks", tasks);
    summary.put("settings", ConfigLoader.mapper().convertValue(cfg.plan(),
        new TypeReference<Map<String, Object>>() {}));
    List<Map<String, Object>> brief = new ArrayList<>();
    for (Map<String, Object> r : all) {
      Map<String, Object> b = new LinkedHashMap<>(r);
      b.remove("path");
      b.remove("replan_seconds");
      brief.add(b);
    }
    summary.put("episode_results", brief);

    List<Table> tables = List.of(
        new Table("Planners and costs compared", "Success within " + cfg.budget() + " steps"
            + " (95% Wilson interval), final distance to the goal, planning wall time (planner"
            + " calls and the waypoint search only) per episode and per re-plan, iterations"
            + " (first plan / warm re-plans), re-plans and steps per episode, failures that"
            + " ended in the start room, and for waypoint costs how often the waypoint was"
            + " reached and the mean step of the switch to the goal; every planner and cost on"
            + " the same " + cfg.episodes() + " tasks. Costs: latent = the plain squared latent"
            + " distance to the goal, distance = the learned temporal distance, /waypoint ="
            + " through a waypoint first.", List.of("planner", "cost", "episodes", "successes",
                "success", "95% CI", "mean final distance (px)", "median final distance (px)",
                "planning s/episode (median)", "planning s/episode (mean)",
                "s/re-plan (median)", "first plan s (median)", "iterations (first / warm)",
                "re-plans per episode", "steps per episode", "failures in start room",
                "waypoint"), compare),
        new Table("Episodes", "Every episode: the task (seed, layout, start and goal in pixels of"
            + " the 65 frame), the outcome and where the dot ended (in the goal's room or still"
            + " in the start room), the waypoint (where its frame's dot is, and the step the plan"
            + " turned to the goal), the planning time and the animation, if drawn.",
            List.of("planner", "cost", "episode", "task seed", "layout", "start", "goal",
                "success", "steps", "final distance (px)", "final position", "ends in room",
                "waypoint", "planning s", "re-plans", "gif"), episodes));
    return new LabOutcome(summary, key, figures, tables);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.get(key);
  }

  private static Map<String, Object> plannerSummary(TwoRoomsPlanConfig cfg, String name,
      List<Map<String, Object>> rows) {
    int n = rows.size();
    int ok = (int) rows.stream().filter(r -> Boolean.TRUE.equals(r.get("success"))).count();
    WilsonInterval ci = WilsonInterval.of(ok, n);
    double[] planning = rows.stream().mapToDouble(r -> number(r, "planning_seconds")).toArray();
    List<Double> replan = new ArrayList<>();
    List<Double> firsts = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      List<?> s = (List<?>) r.get("replan_seconds");
      for (int j = 0; j < s.size(); j++) {
        double v = ((Number) s.get(j)).doubleValue();
        (j == 0 ? firsts : replan).add(v);
      }
    }
    List<Double> every = new ArrayList<>(firsts);
    every.addAll(replan);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("success_rate", ci.rate());
    s.put("ci95", List.of(ci.low(), ci.high()));
    s.put("mean_final_distance_px", mean(rows, "final_distance_px"));
    s.put("planning_seconds_per_episode", map("median", Median.of(planning),
        "mean", Arrays.stream(planning).average().orElse(Double.NaN)));
    s.put("seconds_per_replan", map("median", Median.of(every)));
    s.put("episodes", n);
    s.put("successes", ok);
    s.put("seconds_first_plan", map("median", Median.of(firsts)));
    s.put("seconds_warm_replan", map("median", Median.of(replan)));
    MpcSettings mpc = cfg.mpc(name);
    s.put("iterations", map("first_plan", mpc.iterations(), "warm_replan",
        mpc.warmIterations(), "per_episode_mean", mean(rows, "iterations")));
    s.put("replans_per_episode", mean(rows, "replans"));
    s.put("mean_steps", mean(rows, "steps"));
    s.put("median_final_distance_px", Median.of(rows.stream()
        .mapToDouble(r -> number(r, "final_distance_px")).toArray()));
    s.put("failures_in_start_room", rows.stream().filter(r -> !Boolean.TRUE.equals(
        r.get("success")) && !Boolean.TRUE.equals(r.get("ends_in_goal_room"))).count());
    s.put("env_seconds_per_episode_mean", mean(rows, "env_seconds"));
    s.put("encode_seconds_per_episode_mean", mean(rows, "encode_seconds"));
    s.put("goal_probe_error_px_mean", mean(rows, "goal_probe_error_px"));
    s.put("mean_first_plan_terms", meanOfMaps(rows, "first_plan_terms"));
    s.put("mean_final_goal_costs", meanOfMaps(rows, "final_goal_costs"));
    List<Map<?, ?>> ways = rows.stream().filter(r -> r.get("waypoint") instanceof Map<?, ?>)
        .<Map<?, ?>>map(r -> (Map<?, ?>) r.get("waypoint")).toList();
    if (!ways.isEmpty()) {
      s.put("waypoint", map("reached", ways.stream()
              .filter(w -> Boolean.TRUE.equals(w.get("reached"))).count(),
          "switched", ways.stream().filter(w -> ((Number) w.get("switch_step")).intValue() >= 0)
              .count(),
          "mean_switch_step", ways.stream().mapToDouble(w -> ((Number) w.get("switch_step"))
              .doubleValue()).filter(v -> v >= 0).average().orElse(Double.NaN),
          "mean_bank_size", ways.stream().mapToDouble(w -> ((Number) w.get("bank_size"))
              .doubleValue()).average().orElse(Double.NaN),
          "seconds_mean", ways.stream().mapToDouble(w -> ((Number) w.get("seconds"))
              .doubleValue()).average().orElse(Double.NaN)));
    } else {
      s.put("waypoint", null);
    }
    return s;
  }

  /** The mean of each key of the maps under {@code key} in the rows (rows without it skipped). */
  private static Map<String, Object> meanOfMaps(List<Map<String, Object>> rows, String key) {
    Map<String, double[]> sums = new LinkedHashMap<>(); // name -> {sum, count}
    for (Map<String, Object> r : rows) {
      if (r.get(key) instanceof Map<?, ?> terms) {
        terms.forEach((k, v) -> {
          if (v instanceof Number n) {
            double[] acc = sums.computeIfAbsent(k.toString(), x -> new double[2]);
            acc[0] += n.doubleValue();
            acc[1]++;
          }
        });
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    sums.forEach((k, acc) -> out.put(k, acc[0] / acc[1]));
    return out;
  }

  /** A grid of every episode's end (up to {@link #GRID_PANELS}) with its path. */
  private static DrawnFigure pathsGrid(RunSession session, TwoRoomsRenderer renderer,
      String planner, String cost, String tag, List<Map<String, Object>> rows, double radius) {
    List<Map<String, Object>> shown = rows.subList(0, Math.min(rows.size(), GRID_PANELS));
    List<Layout> layouts = new ArrayList<>();
    List<double[]> goals = new ArrayList<>();
    List<double[][]> paths = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<double[]> waypoints = new ArrayList<>();
    for (Map<String, Object> r : shown) {
      layouts.add(new Layout(((Number) r.get("wall_x")).intValue(),
          ((Number) r.get("door_y")).intValue()));
      goals.add(point(r.get("goal")));
      List<?> p = (List<?>) r.get("path");
      double[][] path = new double[p.size()][];
      for (int i = 0; i < path.length; i++) {
        path[i] = point(p.get(i));
      }
      paths.add(path);
      waypoints.add(r.get("waypoint") instanceof Map<?, ?> w ? point(w.get("position")) : null);
      labels.add(String.format(Locale.ROOT, "ep %s · %.1f px · %s", r.get("episode"),
          number(r, "final_distance_px"), Boolean.TRUE.equals(r.get("success")) ? "ok" : "fail"));
    }
    String file = "paths_" + tag + ".png";
    String title = planner.toUpperCase(Locale.ROOT) + " · " + cost;
    try {
      TwoRoomsFigures.episodeGrid(renderer, layouts, goals, paths, labels, waypoints, radius,
          Math.min(6, shown.size()), title + ": where episodes end")
          .savePng(session.dir().figure(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return new DrawnFigure(file, title + ": every episode"
        + (rows.size() > GRID_PANELS ? " (the first " + GRID_PANELS + ")" : "") + " at its end,"
        + " with its path from the start (pink cross), the goal region (green ring)"
        + (cost.endsWith(CostVariant.WAYPOINT) ? " and the waypoint (violet cross)" : "") + ".");
  }

  /** An ordered map of key, value pairs; NaN becomes null (JSON has no NaN). */
  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      m.put((String) kv[i], v instanceof Double d && d.isNaN() ? null : v);
    }
    return m;
  }

  private static double[] point(Object xy) {
    List<?> l = (List<?>) xy;
    return new double[] {((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue()};
  }

  private static String xy(Object xy) {
    double[] p = point(xy);
    return String.format(Locale.ROOT, "(%.1f, %.1f)", p[0], p[1]);
  }

  private static String percent(double v) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * v);
  }

  private static double number(Map<String, Object> r, String key) {
    return ((Number) r.get(key)).doubleValue();
  }

  private static double mean(List<Map<String, Object>> rows, String key) {
    return rows.stream().mapToDouble(r -> number(r, key)).average().orElse(Double.NaN);
  }

}
