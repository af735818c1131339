package ai.craik.lab;

import ai.craik.agent.AgentConfig;
import ai.craik.agent.Configurator;
import ai.craik.agent.Mode;
import ai.craik.agent.Policy;
import ai.craik.agent.ShortTermMemory;
import ai.craik.run.Checkpoint;
import ai.craik.run.RunSession;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code craik agent distill}: Mode-2 collects episodes into the short-term memory, the Mode-1
 * policy learns to imitate its executed actions, and the modes are evaluated on the same tasks
 * (apart from the collection's).
 */
public final class AgentDistillJob extends AgentJob {
  @Override
  public String name() {
    return "distill";
  }

  @Override
  public String description() {
    return "Distils Mode-2 into Mode-1: the agent plans (Mode-2) on collection tasks, writing"
        + " every observed state, goal and executed action into its short-term memory; a policy"
        + " network a = pi(s, g) is fitted to those actions; then Mode-1 (the policy alone),"
        + " Mode-2 and auto (Mode-1 while its imagined cost stays within a margin of the last"
        + " plan's, else Mode-2) run the same evaluation tasks. Seconds count perceiving and"
        + " choosing actions.";
  }

  @Override
  public LabOutcome run(AgentConfig cfg, RunSession session, NDManager manager) {
    try (AgentLab lab = new AgentLab(cfg, session, manager)) {
      AgentConfig.Distill d = cfg.distill();
      Policy policy = lab.newPolicy();
      Optional<Checkpoint> saved = session.dir().loadLatestCheckpoint(AgentLab.POLICY, manager);
      Map<String, Object> fit = new LinkedHashMap<>();
      ShortTermMemory memory = new ShortTermMemory(cfg.memory().capacity());
      Configurator collector = new Configurator(cfg.task().withMode("2").withCriticWeight(0),
          lab.model, cfg.planners(), null, null);
      lab.collect("collect", collector, memory, d.collectEpisodes(),
          cfg.memory().storeImagined());
      if (saved.isPresent()) {
        policy.restore(saved.get().arrays());
      } else {
        long t0 = System.nanoTime();
        double[] losses = policy.distil(memory, d.targetSteps(), d.imagined(), d.relabel(), d.epochs(),
            d.batch(),
            d.learningRate(), session.random().stream("distill"), manager);
        for (int e = 0; e < losses.length; e++) {
          session.metrics().log("distill", e + 1, Map.of("loss/imitation", losses[e]));
        }
        fit.put("epoch_losses", Arrays.stream(losses).boxed().toList());
        fit.put("seconds", (System.nanoTime() - t0) / 1e9);
        lab.savePolicy(policy, d.epochs());
      }
      fit.put("samples", memory.observedCount());
      fit.put("imitation_mse", policy.imitationError(memory.observed(), manager));
      Map<String, Object> modes = new LinkedHashMap<>();
      List<List<Object>> rows = new ArrayList<>();
      Map<String, Object> key = new LinkedHashMap<>();
      for (String m : d.modes()) {
        Configurator conf = new Configurator(cfg.task().withMode(m), lab.model, cfg.planners(),
            m.equals("2") ? null : policy, lab.loadCritic(cfg.critic())); // Mode-2 alone: pure
        String group = conf.mode().key();
        Map<String, Object> s = AgentLab.stats(lab.evaluate(group, conf, cfg.episodes()),
            conf.mode() == Mode.AUTO);
        modes.put(group, s);
        rows.add(AgentLab.tableRow(group, s));
        key.put(group + ": success", s.get("success_rate"));
        key.put(group + ": s per action", s.get("seconds_per_action"));
      }
      Map<String, Object> collect = AgentLab.stats(lab.log.rows("collect",
          d.collectEpisodes()), false);
      rows.add(AgentLab.tableRow("collection (mode 2, other tasks)", collect));
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("modes", modes);
      summary.put("collection", collect);
      summary.put("policy", fit);
      summary.put("task", cfg.task());
      summary.put("world_model", lab.model.runDir().toString());
      summary.put("layout", lab.randomLayout ? "random" : "fixed");
      return new LabOutcome(summary, key, List.copyOf(lab.gifs), List.of(new LabOutcome.Table(
          "Modes compared", "Each mode on the same " + cfg.episodes() + " tasks; the policy"
              + " imitates the Mode-2 actions of " + d.collectEpisodes() + " other tasks"
              + " (last row). Seconds count perceiving and choosing actions.",
          AgentLab.COLUMNS, rows)));
    }
  }
}
