package ai.craik.cli;

import ai.craik.agent.AgentConfig;
import ai.craik.config.ConfigLoader;
import ai.craik.lab.AgentCriticJob;
import ai.craik.lab.AgentDistillJob;
import ai.craik.lab.AgentRunJob;
import ai.craik.lab.LabProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code craik agent run|distill|critic}: the autonomous agent in Two Rooms. */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = "The autonomous agent (configurator, perception, world model, intrinsic cost +"
        + " critic, short-term memory, Mode-1 and Mode-2 actor) in Two Rooms, through a world"
        + " model trained by 'craik train world-model'; built-in preset configs/agent.yaml, tasks"
        + " in configs/tasks/.")
final class AgentCommand implements Runnable {
  @Spec CommandSpec spec;

  /** Options every agent command takes. */
  static final class AgentOptions {
    @Option(names = "--model", required = true, paramLabel = "RUN_DIR",
        description = "Run folder of a trained world model ('craik train world-model').")
    Path model;

    @Option(names = "--task", paramLabel = "FILE",
        description = "Task file merged over the preset's task section, e.g."
            + " configs/tasks/two-waypoints.yaml (default: the preset's, reach each episode's"
            + " goal image).")
    Path task;

    @Option(names = "--episodes", paramLabel = "N",
        description = "Evaluation episodes per mode or variant (default: the preset's, 20).")
    Integer episodes;

    @Option(names = "--policy", paramLabel = "DIR",
        description = "Run folder of 'craik agent distill' whose Mode-1 policy to use.")
    Path policy;

    @Option(names = "--critic", paramLabel = "DIR",
        description = "Run folder of 'craik agent critic' whose critic to use.")
    Path critic;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run the configured agent on N seeded Two Rooms episodes in one mode: success"
          + " rate with a 95%% interval, seconds per action and per episode, GIFs. Rerunning the"
          + " same command resumes.")
  int runAgent(@Mixin AgentOptions agent,
      @Option(names = "--mode", paramLabel = "MODE",
          description = "1 (the Mode-1 policy, needs --policy), 2 (Mode-2 planning) or auto"
              + " (needs --policy); default: the task's.") String mode,
      @Mixin RunOptions options) {
    if (mode != null && !java.util.List.of("1", "2", "auto").contains(mode)) {
      throw new ParameterException(spec.commandLine().getSubcommands().get("run"),
          "--mode " + mode + " is not one of 1, 2, auto");
    }
    return launch("run", new AgentRunJob(), agent, mode, options);
  }

  @Command(name = "distill", mixinStandardHelpOptions = true,
      description = "Collect Mode-2 episodes into the agent's memory, distil the Mode-1 policy from"
          + " them, and evaluate Mode-1, Mode-2 and auto on the same N tasks. Rerunning the same"
          + " command resumes.")
  int distill(@Mixin AgentOptions agent, @Mixin RunOptions options) {
    return launch("distill", new AgentDistillJob(), agent, null, options);
  }

  @Command(name = "critic", mixinStandardHelpOptions = true,
      description = "Collect Mode-2 episodes (and imagined plans) into memory, train the critic,"
          + " and compare the full horizon, a third of it with the critic, and a third without,"
          + " on the same N tasks. Rerunning the same command resumes.")
  int critic(@Mixin AgentOptions agent, @Mixin RunOptions options) {
    return launch("critic", new AgentCriticJob(), agent, null, options);
  }

  private int launch(String name, LabProblem<AgentConfig> job, AgentOptions a, String mode,
      RunOptions options) {
    var sub = spec.commandLine().getSubcommands().get(name);
    if (!Files.isDirectory(a.model)) {
      throw new ParameterException(sub, "--model " + a.model + " is not a folder; pass the run"
          + " folder of a world model trained with 'craik train world-model'");
    }
    if (a.task != null && !Files.isRegularFile(a.task)) {
      throw new ParameterException(sub, "--task " + a.task + " is not a file; built-in tasks are"
          + " configs/tasks/reach-goal.yaml and configs/tasks/two-waypoints.yaml (run from the"
          + " repository folder)");
    }
    for (Path p : new Path[] {a.policy, a.critic}) {
      if (p != null && !Files.isDirectory(p)) {
        throw new ParameterException(sub, (p == a.policy ? "--policy " : "--critic ") + p
            + " is not a folder; pass the run folder of 'craik agent "
            + (p == a.policy ? "distill" : "critic") + "'");
      }
    }
    if (a.episodes != null && a.episodes < 1) {
      throw new ParameterException(sub, "--episodes " + a.episodes + " must be at least 1");
    }
    // The options become config keys, so a rerun with other values is refused, not mixed in.
    options.overrides.add(0, "model=" + PlanCommand.quoted(a.model.toString()));
    if (a.policy != null) {
      options.overrides.add("policy=" + PlanCommand.quoted(a.policy.toString()));
    }
    if (a.critic != null) {
      options.overrides.add("critic=" + PlanCommand.quoted(a.critic.toString()));
    }
    if (a.episodes != null) {
      options.overrides.add("episodes=" + a.episodes);
    }
    if (mode != null) {
      options.overrides.add("task.mode=" + PlanCommand.quoted(mode));
    }
    return LabRunner.run("agent", job, options, spec.commandLine().getOut(),
        ConfigLoader.loadWithSection(AgentConfig.class, job.preset("agent"), options.config,
            "task", a.task, options.overrides));
  }
}
