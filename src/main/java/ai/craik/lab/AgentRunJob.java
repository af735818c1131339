package ai.craik.lab;

import ai.craik.agent.AgentConfig;
import ai.craik.agent.Configurator;
import ai.craik.config.ConfigException;
import ai.craik.run.RunSession;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code craik agent run}: the configured agent on N seeded Two Rooms episodes in one mode (the
 * task's, or --mode), with the policy and critic of earlier runs when the task needs them.
 */
public final class AgentRunJob extends AgentJob {
  @Override
  public String name() {
    return "run";
  }

  @Override
  public String description() {
    return "The autonomous agent in Two Rooms: perception (the world model's encoder), the world"
        + " model, the cost (intrinsic cost with the task's weights + the trainable critic), the"
        + " short-term memory and the actor (Mode-1 policy, Mode-2 planning, or auto), set up by"
        + " the configurator from the task file. Success: the dot reaches the goal (every"
        + " waypoint in order) within the budget. Seconds count perceiving and choosing actions.";
  }

  @Override
  public void validate(AgentConfig cfg) {
    super.validate(cfg);
    if (!cfg.task().mode().equals("2") && cfg.policy().isBlank()) {
      throw new ConfigException("task mode " + cfg.task().mode() + " needs a Mode-1 policy;"
          + " distil one with 'craik agent distill --model " + cfg.model() + "' and pass its run"
          + " folder with --policy DIR, or use --mode 2");
    }
  }

  @Override
  public LabOutcome run(AgentConfig cfg, RunSession session, NDManager manager) {
    try (AgentLab lab = new AgentLab(cfg, session, manager)) {
      Configurator conf = new Configurator(cfg.task(), lab.model, cfg.planners(),
          lab.loadPolicy(cfg.policy()), lab.loadCritic(cfg.critic()));
      String group = conf.mode().key();
      Map<String, Object> stats = AgentLab.stats(lab.evaluate(group, conf, cfg.episodes()),
          conf.mode() == ai.craik.agent.Mode.AUTO);
      Map<String, Object> modes = new LinkedHashMap<>();
      modes.put(group, stats);
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("modes", modes);
      summary.put("task", cfg.task());
      summary.put("world_model", lab.model.runDir().toString());
      summary.put("layout", lab.randomLayout ? "random" : "fixed");
      Map<String, Object> key = new LinkedHashMap<>();
      key.put(group + ": success", stats.get("success_rate"));
      key.put(group + ": s per action", stats.get("seconds_per_action"));
      key.put(group + ": s per episode", stats.get("seconds_per_episode"));
      List<List<Object>> rows = new ArrayList<>();
      rows.add(AgentLab.tableRow(group, stats));
      return new LabOutcome(summary, key, List.copyOf(lab.gifs), List.of(new LabOutcome.Table(
          "Agent", "Success within the budget (95% Wilson interval) and the decision time"
              + " (perceiving and choosing actions) per action and per episode.",
          AgentLab.COLUMNS, rows)));
    }
  }
}
