package ai.craik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.craik.cli.CliTest.Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code craik agent run|distill|critic} on a tiny world model. */
class AgentCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path shared;
  @TempDir Path tmp;
  static Path model;
  static Path distill;

  @BeforeAll
  static void trainTinyModelAndDistil() {
    model = TinyWorldModel.train(shared.resolve("wm"));
    distill = shared.resolve("distill");
    Result r = CliTest.run(agent("distill", distill, "--set", "distill.collect_episodes=2",
        "--set", "distill.epochs=3", "--set", "distill.hidden=[16]"));
    assertThat(r.code()).as(r.err()).isZero();
  }

  /** Tiny settings: 2 episodes of 6 steps, horizon 4, small searches. */
  private static String[] agent(String command, Path dir, String... extra) {
    List<String> args = new ArrayList<>(List.of("agent", command, "--model", model.toString(),
        "--episodes", "2", "--run-dir", dir.toString(), "--threads", "1", "--seed", "3",
        "--set", "task.budget=6", "--set", "task.horizon=4", "--set", "task.execute_steps=2",
        "--set", "task.auto.check_horizon=4", "--set", "gifs=1",
        "--set", "planners.mppi.samples=16", "--set", "planners.mppi.iterations=2",
        "--set", "planners.mppi.warm_iterations=1"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private static List<String> fields(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  @Test
  void distillEvaluatesEveryModeAndResumesToTheSameNumbers() throws IOException {
    JsonNode s = JSON.readTree(distill.resolve("summary.json").toFile());
    assertThat(fields(s.get("modes"))).containsExactly("mode1", "mode2", "auto");
    for (JsonNode m : s.get("modes")) {
      assertThat(fields(m)).startsWith("success_rate", "ci95", "seconds_per_action",
          "seconds_per_episode", "episodes");
      assertThat(m.get("episodes").asInt()).isEqualTo(2);
      assertThat(m.get("seconds_per_action").asDouble()).isPositive();
    }
    assertThat(s.get("modes").get("auto").has("mode1_share")).isTrue();
    assertThat(s.get("policy").get("samples").asInt()).isGreaterThan(2);
    assertThat(distill.resolve("checkpoints/policy-latest.ckpt")).exists();
    assertThat(distill.resolve("report.html")).exists();
    assertThat(distill.resolve("figures/episode_mode2_0.gif")).exists();
    Result again = CliTest.run(agent("distill", distill, "--set", "distill.collect_episodes=2",
        "--set", "distill.epochs=3", "--set", "distill.hidden=[16]"));
    assertThat(again.code()).as(again.err()).isZero();
    JsonNode t = JSON.readTree(distill.resolve("summary.json").toFile());
    for (String mode : List.of("mode1", "mode2", "auto")) {
      assertThat(t.get("modes").get(mode).get("success_rate"))
          .isEqualTo(s.get("modes").get(mode).get("success_rate"));
      assertThat(t.get("modes").get(mode).get("seconds_per_episode"))
          .isEqualTo(s.get("modes").get(mode).get("seconds_per_episode")); // read back, not rerun
    }
  }

  @Test
  void runUsesADistilledPolicyAndRefusesModeOneWithoutOne() throws IOException {
    Path a = tmp.resolve("run");
    Result r = CliTest.run(agent("run", a, "--mode", "1", "--policy", distill.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode s = JSON.readTree(a.resolve("summary.json").toFile());
    assertThat(fields(s.get("modes"))).containsExactly("mode1");
    Result refused = CliTest.run(agent("run", tmp.resolve("no"), "--mode", "auto"));
    assertThat(refused.code()).isNotZero();
    assertThat(refused.err().strip()).contains("task mode auto needs a Mode-1 policy")
        .contains("--policy DIR").doesNotContain("\n");
    assertThat(tmp.resolve("no")).doesNotExist(); // refused before the run folder is made
    Result fixed = CliTest.run(agent("run", tmp.resolve("no"), "--mode", "auto", "--policy",
        distill.toString()));
    assertThat(fixed.code()).as(fixed.err()).isZero();
    Result critic = CliTest.run(agent("run", tmp.resolve("no2"), "--set", "task.cost.critic=1"));
    assertThat(critic.code()).isNotZero();
    assertThat(critic.err()).contains("needs a trained critic").contains("--critic DIR");
    Result badMode = CliTest.run(agent("run", tmp.resolve("no3"), "--mode", "3"));
    assertThat(badMode.code()).isNotZero();
    assertThat(badMode.err()).contains("--mode 3 is not one of 1, 2, auto");
  }

  /**
   * Runs a task file that visits the left room's centre, then the right room's, with
   * {@code tail} appended to the file (goal keys first); returns its episode rows.
   */
  private List<JsonNode> leftThenRight(String name, String tail) throws IOException {
    Path task = tmp.resolve(name + ".yaml");
    Files.writeString(task, "goal:\n  kind: waypoints\n  waypoints:\n"
        + "    - {room: left, at: [0.5, 0.5]}\n    - {room: right, at: [0.5, 0.5]}\n" + tail);
    Path a = tmp.resolve(name);
    Result r = CliTest.run(agent("run", a, "--task", task.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(a.resolve("episodes.jsonl"))) {
      rows.add(JSON.readTree(line));
    }
    return rows;
  }

  @Test
  void aWaypointTaskFileSwitchesGoalsAndBadTasksAreRefusedInOneLine() throws IOException {
    List<JsonNode> rows = leftThenRight("wp", "  reach: 1000.0\n");
    assertThat(rows).hasSize(2);
    for (JsonNode row : rows) {
      assertThat(row.get("goals")).hasSize(2);
      assertThat(row.get("sub_goals").asInt()).isEqualTo(2); // oracle_via_door is off
      assertThat(row.get("switch_steps").get(0).asInt()).isZero(); // reach 1000: at once
    }
    Path task = tmp.resolve("two.yaml");
    Files.writeString(task, "goal:\n  kind: waypoints\n  waypoints:\n"
        + "    - {room: left, at: [0.5, 0.5]}\n");
    Result one = CliTest.run(agent("run", tmp.resolve("b"), "--task", task.toString()));
    assertThat(one.code()).isNotZero();
    assertThat(one.err()).contains("goal.waypoints").contains("at least 2 points");
    Files.writeString(task, "goal:\n  kind: portal\n");
    Result type = CliTest.run(agent("run", tmp.resolve("c"), "--task", task.toString()));
    assertThat(type.code()).isNotZero();
    assertThat(type.err()).contains("goal.kind").contains("portal");
    Files.writeString(task, "goal:\n  kind: position\n  position: [32.0, 200.0]\n");
    Result wall = CliTest.run(agent("run", tmp.resolve("d"), "--task", task.toString()));
    assertThat(wall.code()).isNotZero();
    assertThat(wall.err()).contains("goal point (32.0, 200.0) is inside a wall");
    Result missing = CliTest.run(agent("run", tmp.resolve("e"), "--task", "nope.yaml"));
    assertThat(missing.code()).isNotZero();
    assertThat(missing.err()).contains("--task nope.yaml is not a file");
    Result horizon = CliTest.run(agent("run", tmp.resolve("f"), "--set",
        "task.auto.check_horizon=9"));
    assertThat(horizon.code()).isNotZero();
    assertThat(horizon.err()).contains("check_horizon");
  }

  @Test
  void theOraclesRunOnlyWhenSwitchedOnAndTheOldKeysAreRefused() throws IOException {
    List<JsonNode> rows = leftThenRight("oracle", "  oracle_via_door: true\ncost:\n"
        + "  oracle_wall: 30.0\n");
    assertThat(rows).hasSize(2);
    for (JsonNode row : rows) {
      // left then right: the oracle inserts the true doorway (2 sub-goals) at least before the
      // second point, and before the first too when the probe reads the start in the right room
      assertThat(row.get("sub_goals").asInt()).isIn(4, 6);
    }
    Path task = tmp.resolve("old.yaml");
    Files.writeString(task, "goal:\n  via_door: true\n");
    Result door = CliTest.run(agent("run", tmp.resolve("old1"), "--task", task.toString()));
    assertThat(door.code()).isNotZero();
    assertThat(door.err().strip()).contains("unknown config key 'task.goal.via_door'")
        .contains("did you mean 'task.goal.oracle_via_door'?").doesNotContain("\n");
    Result wall = CliTest.run(agent("run", tmp.resolve("old2"), "--set", "task.cost.wall=30"));
    assertThat(wall.code()).isNotZero();
    assertThat(wall.err()).contains("did you mean 'task.cost.oracle_wall'?");
  }

  @Test
  void criticComparesTheThreeHorizons() throws IOException {
    Path a = tmp.resolve("critic");
    Result r = CliTest.run(agent("critic", a, "--set", "critic_training.collect_episodes=2",
        "--set", "critic_training.epochs=2", "--set", "critic_training.rounds=2",
        "--set", "critic_training.hidden=[16]"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode s = JSON.readTree(a.resolve("summary.json").toFile());
    assertThat(fields(s.get("variants"))).containsExactly("full_horizon",
        "third_horizon_critic", "third_horizon");
    assertThat(s.get("variants").get("third_horizon_critic").get("horizon").asInt()).isEqualTo(1);
    assertThat(s.get("variants").get("full_horizon").get("horizon").asInt()).isEqualTo(4);
    assertThat(s.get("critic").get("samples").asInt()).isPositive();
    assertThat(a.resolve("checkpoints/critic-latest.ckpt")).exists();
    Path b = tmp.resolve("with-critic");
    Result use = CliTest.run(agent("run", b, "--critic", a.toString(), "--set",
        "task.cost.critic=1"));
    assertThat(use.code()).as(use.err()).isZero();
  }
}
