package ai.craik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.craik.cli.CliTest.Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code craik plan two-rooms} on a tiny world model: summary, report, reproducibility, resume. */
class PlanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path shared;
  @TempDir Path tmp;
  static Path model;

  /** A tiny world model with a distance phase ({@link TinyWorldModel}). */
  @BeforeAll
  static void trainTinyModel() {
    model = TinyWorldModel.train(shared.resolve("wm"));
  }

  /** Every planner on 2 tasks of an 8-step budget with tiny searches. */
  private static String[] plan(Path dir, String planner, String... extra) {
    List<String> args = new ArrayList<>(List.of("plan", "two-rooms", "--model", model.toString(),
        "--episodes", "2", "--planner", planner, "--run-dir", dir.toString(), "--threads", "1",
        "--seed", "4", "--set", "budget=8", "--set", "gifs=1",
        "--set", "plan.mpc={horizon: 4, execute_steps: 2, padding: last_action, max_norm: 2.45}",
        "--set", "plan.cem={samples: 16, elites: 4, init_std: 1.0, min_std: 0.1, iterations: 2,"
            + " warm_iterations: 1}",
        "--set", "plan.mppi.samples=16", "--set", "plan.mppi.iterations=2",
        "--set", "plan.mppi.warm_iterations=1",
        "--set", "plan.gradient.restarts=2", "--set", "plan.gradient.iterations=3",
        "--set", "plan.gradient.warm_iterations=2",
        "--set", "plan.hybrid={samples: 16, elites: 4, init_std: 1.0, min_std: 0.1,"
            + " refine_top: 2, refine_steps: 2, learning_rate: 0.05, iterations: 2,"
            + " warm_iterations: 1}"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void allPlannersWriteTheSummaryReportAndGifsReproducibly() throws IOException {
    Path a = tmp.resolve("a");
    Result first = CliTest.run(plan(a, "all"));
    assertThat(first.code()).as(first.err()).isZero();
    JsonNode s = JSON.readTree(a.resolve("summary.json").toFile());
    assertThat(s.get("default_planner").asText()).isEqualTo("mppi");
    assertThat(fieldNames(s.get("planners"))).containsExactly("cem", "mppi", "gradient",
        "hybrid");
    for (JsonNode p : s.get("planners")) {
      assertThat(fieldNames(p)).startsWith("success_rate", "ci95", "mean_final_distance_px",
          "planning_seconds_per_episode", "seconds_per_replan", "episodes");
      assertThat(p.get("episodes").asInt()).isEqualTo(2);
      double rate = p.get("success_rate").asDouble();
      assertThat(p.get("ci95").get(0).asDouble()).isBetween(0.0, rate);
      assertThat(p.get("ci95").get(1).asDouble()).isBetween(rate, 1.0);
      assertThat(p.get("mean_final_distance_px").asDouble()).isPositive();
      assertThat(fieldNames(p.get("planning_seconds_per_episode"))).containsExactly("median",
          "mean");
      assertThat(fieldNames(p.get("seconds_per_replan"))).containsExactly("median");
      assertThat(p.at("/planning_seconds_per_episode/median").asDouble()).isPositive();
    }
    assertThat(s.get("episode_results")).hasSize(8);
    assertThat(a.resolve("episodes.jsonl")).exists();
    assertThat(Files.readAllLines(a.resolve("episodes.jsonl"))).hasSize(8);
    for (String p : List.of("cem", "mppi", "gradient", "hybrid")) {
      assertThat(a.resolve("figures/episode_" + p + "_0.gif")).exists();
      assertThat(a.resolve("figures/paths_" + p + ".png")).exists();
      assertThat(a.resolve("figures/episode_" + p + "_1.gif")).doesNotExist();
    }
    String report = Files.readString(a.resolve("report.html"));
    assertThat(report).contains("Planners and costs compared").contains("Episodes")
        .contains("episode_mppi_0.gif");

    // the same seed gives the same episodes and numbers (times aside)
    Path b = tmp.resolve("b");
    assertThat(CliTest.run(plan(b, "all")).code()).isZero();
    assertThat(withoutTimes(JSON.readTree(b.resolve("summary.json").toFile())))
        .isEqualTo(withoutTimes(s));

    // an interrupted run (the last episode's line cut short) resumes and ends the same
    List<String> lines = Files.readAllLines(a.resolve("episodes.jsonl"));
    String last = lines.remove(lines.size() - 1);
    Files.writeString(a.resolve("episodes.jsonl"), String.join("\n", lines) + "\n"
        + last.substring(0, last.length() / 2));
    Result again = CliTest.run(plan(a, "all"));
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("resuming run");
    assertThat(Files.readAllLines(a.resolve("episodes.jsonl"))).hasSize(8)
        .startsWith(lines.toArray(String[]::new));
    assertThat(withoutTimes(JSON.readTree(a.resolve("summary.json").toFile())))
        .isEqualTo(withoutTimes(s));

    // other settings are refused, not mixed into the recorded episodes
    Result other = CliTest.run(plan(a, "all", "--set", "budget=9"));
    assertThat(other.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(other.err()).contains("different config (budget: 8 -> 9)");
  }

  @Test
  void costAllRunsEveryCostOnTheSameTasksIntoOneTable() throws IOException {
    Path a = tmp.resolve("costs");
    Result r = CliTest.run(plan(a, "mppi", "--cost", "all"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode s = JSON.readTree(a.resolve("summary.json").toFile());
    assertThat(s.get("default_planner").asText()).isEqualTo("mppi");
    assertThat(s.get("default_cost").asText()).isEqualTo("distance");
    List<String> costs = List.of("latent", "distance", "latent+distance", "distance/waypoint");
    assertThat(s.get("costs")).extracting(JsonNode::asText).containsExactlyElementsOf(costs);
    assertThat(fieldNames(s.get("planners"))).containsExactly("mppi");
    JsonNode mppi = s.get("planners").get("mppi");
    // the shape for the default cost, then every cost under "costs" in the same shape
    assertThat(fieldNames(mppi)).startsWith("success_rate", "ci95", "mean_final_distance_px",
        "planning_seconds_per_episode", "seconds_per_replan", "episodes");
    assertThat(mppi.get("cost").asText()).isEqualTo("distance");
    assertThat(fieldNames(mppi.get("costs"))).containsExactlyElementsOf(costs);
    for (JsonNode c : mppi.get("costs")) {
      assertThat(fieldNames(c)).startsWith("success_rate", "ci95", "mean_final_distance_px",
          "planning_seconds_per_episode", "seconds_per_replan", "episodes");
      assertThat(c.get("episodes").asInt()).isEqualTo(2);
      assertThat(c.at("/planning_seconds_per_episode/median").asDouble()).isPositive();
    }
    JsonNode distance = mppi.get("costs").get("distance");
    for (String k : List.of("success_rate", "mean_final_distance_px", "episodes")) {
      assertThat(mppi.get(k)).as(k).isEqualTo(distance.get(k));
    }
    // each cost's terms, reported by name
    assertThat(fieldNames(mppi.at("/costs/latent/mean_first_plan_terms")))
        .containsExactly("latent");
    assertThat(fieldNames(mppi.at("/costs/latent+distance/mean_first_plan_terms")))
        .containsExactly("latent", "distance");
    assertThat(fieldNames(mppi.at("/costs/latent/mean_final_goal_costs")))
        .containsExactly("latent", "distance");
    assertThat(mppi.at("/costs/latent/waypoint").isNull()).isTrue();
    assertThat(fieldNames(mppi.at("/costs/distance~1waypoint/waypoint"))).contains("reached",
        "switched", "mean_switch_step", "mean_bank_size");
    // every cost met the same tasks
    JsonNode rows = s.get("episode_results");
    assertThat(rows).hasSize(8);
    for (String cost : costs) {
      List<Long> seeds = new ArrayList<>();
      rows.forEach(e -> {
        if (e.get("cost").asText().equals(cost)) {
          seeds.add(e.get("task_seed").asLong());
        }
      });
      assertThat(seeds).as(cost).containsExactly(4L, 5L);
    }
    rows.forEach(e -> {
      if (e.get("cost").asText().endsWith("/waypoint")) {
        assertThat(fieldNames(e.get("waypoint"))).startsWith("position", "bank_size", "score",
            "from_start", "to_goal", "switch_step", "reached");
        assertThat(e.at("/waypoint/bank_size").asInt()).isEqualTo(121); // every 11 x 11 cell
      } else {
        assertThat(e.get("waypoint").isNull()).isTrue();
      }
    });
    // one table row per (planner, cost); the default cost's figures keep their names
    String report = Files.readString(a.resolve("report.html"));
    assertThat(report).contains("Planners and costs compared").contains("latent+distance")
        .contains("distance/waypoint");
    for (String f : List.of("episode_mppi_0.gif", "episode_mppi_latent_0.gif",
        "episode_mppi_latent-distance_0.gif", "episode_mppi_distance-waypoint_0.gif",
        "paths_mppi.png", "paths_mppi_latent.png", "paths_mppi_distance-waypoint.png")) {
      assertThat(a.resolve("figures").resolve(f)).exists();
    }
  }

  @Test
  void theDistanceCostOnAModelWithoutADistanceHeadFailsWithOneLineNamingTheFix()
      throws IOException {
    Path plain = tmp.resolve("no-distance");
    Files.createDirectories(plain.resolve("checkpoints"));
    for (String f : List.of("config.yaml", "summary.json", "checkpoints/train-latest.ckpt")) {
      Files.copy(model.resolve(f), plain.resolve(f));
    }
    String[] args = plan(tmp.resolve("fails"), "mppi");
    args[3] = plain.toString();
    Result bad = CliTest.run(args);
    assertThat(bad.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(bad.err().strip().lines().count()).as(bad.err()).isEqualTo(1);
    assertThat(bad.err()).contains("cost 'distance'").contains(plain.toString())
        .contains("has none").contains("distance.steps > 0").contains("--cost latent");
    // the plain latent cost plans on it
    String[] latent = plan(tmp.resolve("latent"), "mppi", "--cost", "latent");
    latent[3] = plain.toString();
    Result ok = CliTest.run(latent);
    assertThat(ok.code()).as(ok.err()).isZero();
  }

  @Test
  void benchPlanTimesEveryPlannerAgainstItsBudget() throws IOException {
    String[] planArgs = plan(tmp.resolve("unused"), "all");
    List<String> args = new ArrayList<>(List.of("bench", "plan", "--model", model.toString(),
        "--episodes", "2", "--threads", "1", "--out", tmp.resolve("bench.json").toString()));
    for (int i = 0; i < planArgs.length; i++) {
      if ("--set".equals(planArgs[i]) && !planArgs[i + 1].startsWith("gifs")) {
        args.add("--set");
        args.add(planArgs[i + 1]);
      }
    }
    Result r = CliTest.run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("16 x 2/1 x 4").contains("2 x 3/2 x 4");
    JsonNode planners = JSON.readTree(tmp.resolve("bench.json").toFile()).get("planners");
    assertThat(planners.size()).isEqualTo(4);
    for (JsonNode p : planners) {
      assertThat(p.get("episodes").asInt()).isEqualTo(2);
      assertThat(p.get("horizon").asInt()).isEqualTo(4);
      assertThat(p.get("seconds_per_cold_plan").asDouble()).isPositive();
      // A full 8-step budget at k = 2: one cold plan and three warm re-plans.
      double warm = p.get("seconds_per_replan").asDouble();
      assertThat(p.get("planning_seconds_per_full_episode").asDouble())
          .isCloseTo(p.get("seconds_per_cold_plan").asDouble() + 3 * warm,
              org.assertj.core.api.Assertions.within(1e-9));
      assertThat(p.get("imagined_steps_per_second").asDouble())
          .isCloseTo(p.get("candidates").asInt() * p.get("warm_iterations").asInt() * 4 / warm,
              org.assertj.core.api.Assertions.within(1e-6));
    }
  }

  @Test
  void benchPlanAndDemoRejectBadArgumentsInOneLine() {
    List<String[]> cases = List.of(
        new String[] {"bench", "plan", "--model", tmp.resolve("nope").toString()},
        new String[] {"bench", "plan", "--model", model.toString(), "--planner", "astar"},
        new String[] {"bench", "plan", "--model", model.toString(), "--episodes", "0"},
        new String[] {"demo", "two-rooms", "--episodes", "0"},
        new String[] {"demo", "two-rooms", "--layout", "maze"});
    for (String[] args : cases) {
      Result r = CliTest.run(args);
      assertThat(r.code()).as(String.join(" ", args) + ": " + r.err())
          .isEqualTo(Main.EXIT_USAGE);
      assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    }
    assertThat(CliTest.run(cases.get(0)).err()).contains("nope").contains("is not a folder");
    assertThat(CliTest.run(cases.get(1)).err()).contains("astar").contains("mppi");
    assertThat(CliTest.run(cases.get(3)).err()).contains("--episodes 0");
  }

  @Test
  void badArgumentsGiveOneLineAndExitTwo() {
    List<String[]> cases = List.of(
        new String[] {"plan", "two-rooms", "--episodes", "2"},
        new String[] {"plan", "two-rooms", "--model", tmp.resolve("nope").toString()},
        new String[] {"plan", "two-rooms", "--model", model.toString(), "--planner", "astar"},
        new String[] {"plan", "two-rooms", "--model", model.toString(), "--layout", "maze"},
        new String[] {"plan", "two-rooms", "--model", model.toString(), "--episodes", "0"},
        new String[] {"plan", "two-rooms", "--model", model.toString(), "--cost", "critic"});
    for (String[] args : cases) {
      Result r = CliTest.run(args);
      assertThat(r.code()).as(String.join(" ", args) + ": " + r.err())
          .isEqualTo(Main.EXIT_USAGE);
      assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
      assertThat(r.err()).startsWith("craik: ").contains("plan two-rooms --help");
    }
    assertThat(CliTest.run(cases.get(1)).err()).contains("nope").contains("is not a folder");
    assertThat(CliTest.run(cases.get(2)).err()).contains("astar").contains("mppi");
    assertThat(CliTest.run(cases.get(5)).err()).contains("critic")
        .contains("latent+distance").contains("/waypoint").contains("or all");
  }

  @Test
  void aFolderWithoutACheckpointFailsWithOneLine() throws IOException {
    Path untrained = tmp.resolve("untrained");
    Files.createDirectories(untrained);
    Files.copy(model.resolve("config.yaml"), untrained.resolve("config.yaml"));
    Result r = CliTest.run(plan(tmp.resolve("run"), "cem").clone());
    assertThat(r.code()).isZero(); // the trained model plans
    String[] args = plan(tmp.resolve("run2"), "cem");
    args[3] = untrained.toString();
    Result bad = CliTest.run(args);
    assertThat(bad.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(bad.err().strip().lines().count()).as(bad.err()).isEqualTo(1);
    assertThat(bad.err()).contains("has no checkpoint").contains(untrained.toString());
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** The summary without wall-clock values (keys with "seconds", and the provenance). */
  private static JsonNode withoutTimes(JsonNode n) {
    JsonNode copy = n.deepCopy();
    strip(copy);
    ((ObjectNode) copy).remove("provenance");
    return copy;
  }

  private static void strip(JsonNode n) {
    if (n.isObject()) {
      Iterator<String> it = n.fieldNames();
      List<String> drop = new ArrayList<>();
      while (it.hasNext()) {
        String k = it.next();
        if (k.contains("seconds")) {
          drop.add(k);
        } else {
          strip(n.get(k));
        }
      }
      drop.forEach(((ObjectNode) n)::remove);
    } else if (n.isArray()) {
      n.forEach(PlanCommandTest::strip);
    }
  }
}
