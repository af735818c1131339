package ai.craik.cli;

import ai.craik.lab.PlanTwoRoomsJob;
import ai.craik.plan.CostVariant;
import ai.craik.plan.TwoRoomsPlanConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code craik plan <world>}: planning through a trained world model. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Plan through a trained world model: two-rooms (MPC with CEM, MPPI, gradient or"
        + " hybrid planners on seeded Two Rooms tasks).")
final class PlanCommand implements Runnable {
  @Spec CommandSpec spec;

  /** The planners of --planner. */
  enum PlannerChoice { cem, mppi, gradient, hybrid, all }

  /** The layouts of --layout. */
  enum LayoutChoice { fixed, random }

  /** The sub-goal modes of --subgoal. */
  enum SubgoalChoice { none, waypoint }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "two-rooms", mixinStandardHelpOptions = true,
      description = "Evaluate planners through a world model trained by 'craik train world-model'"
          + " on N seeded Two Rooms tasks (goal given as an image, CONTACT collisions, 200-step"
          + " budget): success rate with a 95%% interval, final distance, planning time per"
          + " episode and per re-plan, GIFs of episodes; built-in preset"
          + " configs/plan-two-rooms.yaml. Rerunning the same command resumes.")
  int twoRooms(
      @Option(names = "--model", required = true, paramLabel = "RUN_DIR",
          description = "Run folder of a trained world model ('craik train world-model').")
          Path model,
      @Option(names = "--episodes", paramLabel = "N",
          description = "Tasks per planner (default: the preset's, 10).") Integer episodes,
      @Option(names = "--planner", paramLabel = "NAME",
          description = "cem, mppi, gradient, hybrid or all (default: the preset's, mppi).")
          PlannerChoice planner,
      @Option(names = "--layout", paramLabel = "LAYOUT",
          description = "fixed or random (default: the layout the model was trained on).")
          LayoutChoice layout,
      @Option(names = "--cost", paramLabel = "COST",
          description = "latent, distance or latent+distance (the goal cost; default: the"
              + " preset's, distance: the learned temporal distance, which needs a world model"
              + " trained with distance.steps > 0); all (latent, distance, latent+distance and"
              + " distance/waypoint on the same tasks, one table); or a comma list of those"
              + " labels, each optionally ending in /waypoint.") String cost,
      @Option(names = "--subgoal", paramLabel = "MODE",
          description = "none or waypoint: plan to a waypoint first (default: the preset's,"
              + " none).") SubgoalChoice subgoal,
      @Mixin RunOptions options) {
    if (!Files.isDirectory(model)) {
      throw new ParameterException(spec.commandLine().getSubcommands().get("two-rooms"),
          "--model " + model + " is not a folder; pass the run folder of a world model trained"
              + " with 'craik train world-model'");
    }
    if (episodes != null && episodes < 1) {
      throw new ParameterException(spec.commandLine().getSubcommands().get("two-rooms"),
          "--episodes " + episodes + " must be at least 1");
    }
    // The options become config keys, so a rerun with other values is refused, not mixed in.
    options.overrides.add(0, "model=" + quoted(model.toString()));
    if (episodes != null) {
      options.overrides.add("episodes=" + episodes);
    }
    if (planner != null) {
      options.overrides.add("planner=" + planner.name());
    }
    if (layout != null) {
      options.overrides.add("layout=" + layout.name());
    }
    if (cost != null) {
      options.overrides.addAll(costOverrides(cost));
    }
    if (subgoal != null) {
      options.overrides.add("plan.subgoal=" + subgoal.name());
    }
    return LabRunner.run("plan", new PlanTwoRoomsJob(), options, spec.commandLine().getOut());
  }

  /**
   * The config keys --cost sets: {@code plan.objective.cost} (and {@code plan.subgoal} for a
   * {@code /waypoint} label) for one cost; {@code compare_costs} for {@code all} or a comma list.
   */
  private List<String> costOverrides(String cost) {
    String c = cost.strip();
    List<String> labels = "all".equals(c) ? TwoRoomsPlanConfig.ALL_COSTS
        : Arrays.stream(c.split(",")).map(String::strip).toList();
    List<CostVariant> variants = new ArrayList<>();
    for (String label : labels) {
      try {
        variants.add(CostVariant.parse(label));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine().getSubcommands().get("two-rooms"),
            "--cost " + cost + ": " + e.getMessage() + ", or all");
      }
    }
    if (variants.size() == 1 && !"all".equals(c)) {
      CostVariant v = variants.get(0);
      return List.of("plan.objective.cost=" + v.cost(),
          "plan.subgoal=" + (v.waypoint() ? "waypoint" : "none"));
    }
    return List.of("compare_costs=[" + labels.stream().map(PlanCommand::quoted)
        .collect(Collectors.joining(", ")) + "]");
  }

  /** A YAML double-quoted scalar of {@code text} (JSON string syntax). */
  static String quoted(String text) {
    try {
      return new ObjectMapper().writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
