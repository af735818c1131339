package ai.craik.plan;

import ai.craik.env.TwoRoomsTask;
import ai.craik.eval.Median;
import ai.craik.env.TwoRoomsTasks;
import ai.craik.run.ProgressListener;
import ai.craik.train.TrainedWorldModel;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Planning speed of each planner at its preset settings ({@code craik bench plan}): seeded Two
 * Rooms episodes through a trained world model, timing every planner call (encoding, environment
 * and drawing excluded, as in {@code craik plan two-rooms}).
 *
 * <p>The compute budget of one plan is candidates × iterations × horizon imagined steps
 * (candidates: samples, or the gradient planner's restarts, each also a backward pass). A full
 * 200-step episode at execute_steps k makes one cold plan and ⌈200 / k⌉ − 1 warm re-plans; that
 * figure is reported beside the measured episodes, which end early on success.
 */
public final class PlanBenchmark {
  private PlanBenchmark() {}

  /**
   * One planner's timings.
   *
   * @param planner the planner's name
   * @param candidates action sequences rolled out per iteration
   * @param horizon planned steps H
   * @param coldIterations iterations of the first plan
   * @param warmIterations iterations of warm re-plans
   * @param coldSeconds median wall time of first plans
   * @param warmSeconds median wall time of warm re-plans at the full horizon
   * @param episodeSeconds median planning time of the measured episodes
   * @param fullEpisodeSeconds a full-budget episode: one cold plan and the warm re-plans
   * @param stepsPerSecond imagined candidate steps per second on warm re-plans (candidates ×
   *     iterations × H / seconds)
   * @param successes episodes that reached the goal
   * @param episodes episodes measured
   */
  public record Row(String planner, int candidates, int horizon, int coldIterations,
      int warmIterations, double coldSeconds, double warmSeconds, double episodeSeconds,
      double fullEpisodeSeconds, double stepsPerSecond, int successes, int episodes) {
    /** The row as a JSON-ready map. */
    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("candidates", candidates);
      m.put("horizon", horizon);
      m.put("cold_iterations", coldIterations);
      m.put("warm_iterations", warmIterations);
      m.put("seconds_per_cold_plan", coldSeconds);
      m.put("seconds_per_replan", warmSeconds);
      m.put("planning_seconds_per_episode", episodeSeconds);
      m.put("planning_seconds_per_full_episode", fullEpisodeSeconds);
      m.put("imagined_steps_per_second", stepsPerSecond);
      m.put("successes", successes);
      m.put("episodes", episodes);
      return m;
    }
  }

  /**
   * Runs {@code episodes} seeded tasks (seeds {@code seed} … {@code seed + episodes − 1}) with
   * each of {@code planners} and the config's default cost.
   *
   * @param randomLayout random layouts (else the fixed one)
   */
  public static List<Row> run(TrainedWorldModel model, TwoRoomsPlanConfig cfg,
      List<String> planners, int episodes, long seed, boolean randomLayout, NDManager manager,
      ProgressListener progress) {
    CostVariant variant = cfg.defaultVariant();
    TwoRoomsEpisode.requireSupported(model, variant);
    double maxNorm = cfg.plan().mpc().maxNorm() / model.worldUnitsPerAction();
    List<Row> rows = new ArrayList<>();
    for (String name : planners) {
      MpcSettings mpc = cfg.mpc(name);
      TwoRoomsEpisode episode = new TwoRoomsEpisode(model, cfg.newPlanner(name, maxNorm), mpc,
          cfg.plan().objective(), cfg.plan().waypoint(), variant);
      List<Double> cold = new ArrayList<>();
      List<Double> warm = new ArrayList<>();
      double[] perEpisode = new double[episodes];
      int successes = 0;
      progress.start("bench plan " + name, episodes, 0, "episode");
      try {
        for (int i = 0; i < episodes; i++) {
          TwoRoomsTask task = TwoRoomsTasks.sample(seed + i, randomLayout,
              model.config().env().sigma(), cfg.budget(), cfg.successRadius());
          TwoRoomsEpisode.Result r = episode.run(task, new SplittableRandom(seed + i), manager);
          for (Replan p : r.mpc().replans()) {
            if (p.iterations() == mpc.iterations() && p.step() == 0) {
              cold.add(p.seconds());
            } else if (p.horizon() == mpc.horizon()) {
              warm.add(p.seconds());
            }
          }
          perEpisode[i] = r.planningSeconds();
          successes += r.success() ? 1 : 0;
          progress.update(i + 1, name);
        }
      } finally {
        progress.close();
      }
      double coldMedian = Median.of(cold);
      double warmMedian = Median.of(warm);
      int replans = (cfg.budget() + mpc.executeSteps() - 1) / mpc.executeSteps();
      double full = coldMedian + (replans - 1) * warmMedian;
      int candidates = cfg.candidates(name);
      double rate = candidates * (double) mpc.warmIterations() * mpc.horizon() / warmMedian;
      rows.add(new Row(name, candidates, mpc.horizon(), mpc.iterations(), mpc.warmIterations(),
          coldMedian, warmMedian, Median.of(perEpisode), full, rate,
          successes, episodes));
    }
    return rows;
  }
}
