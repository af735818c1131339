package ai.craik.lab;

import ai.craik.agent.AgentConfig;
import ai.craik.agent.Configurator;
import ai.craik.agent.Critic;
import ai.craik.agent.ShortTermMemory;
import ai.craik.agent.TaskConfig;
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
 * {@code craik agent critic}: Mode-2 collects episodes (and its imagined plans) into memory, the
 * critic learns the discounted intrinsic cost to come, and planning with a third of the horizon
 * plus the critic is compared with the full horizon and with the short horizon alone.
 */
public final class AgentCriticJob extends AgentJob {
  /** The variants, in order. */
  static final List<String> VARIANTS = List.of("full_horizon", "third_horizon_critic",
      "third_horizon");

  @Override
  public String name() {
    return "critic";
  }

  @Override
  public String description() {
    return "Trains the critic TC(s, g), the discounted intrinsic cost still to come, from the"
        + " short-term memory of Mode-2 episodes (observed states and the states its plans"
        + " imagined; n-step targets bootstrapped by the critic itself, a few rounds), then plans"
        + " the same tasks three ways: the full horizon without the critic, a third of it with"
        + " the critic at its end, and a third without. Seconds count perceiving and choosing"
        + " actions.";
  }

  /** Its own critic is what the variants use: nothing to refuse. */
  @Override
  public void validate(AgentConfig cfg) {}

  @Override
  public LabOutcome run(AgentConfig cfg, RunSession session, NDManager manager) {
    try (AgentLab lab = new AgentLab(cfg, session, manager)) {
      AgentConfig.CriticTraining c = cfg.criticTraining();
      Critic critic = lab.newCritic();
      ShortTermMemory memory = new ShortTermMemory(cfg.memory().capacity());
      TaskConfig full = cfg.task().withMode("2").withCriticWeight(0);
      lab.collect("collect", new Configurator(full, lab.model, cfg.planners(), null, null),
          memory, c.collectEpisodes(), cfg.memory().storeImagined() || c.imagined());
      Optional<Checkpoint> saved = session.dir().loadLatestCheckpoint(AgentLab.CRITIC, manager);
      Map<String, Object> fit = new LinkedHashMap<>();
      if (saved.isPresent()) {
        critic.restore(saved.get().arrays());
      } else {
        long t0 = System.nanoTime();
        Critic.Report r = critic.train(memory, c.imagined(), c.rounds(), c.epochs(), c.batch(),
            c.learningRate(), session.random().stream("critic"), manager);
        for (int i = 0; i < r.roundLosses().length; i++) {
          session.metrics().log("critic", i + 1, Map.of("loss/critic", r.roundLosses()[i]));
        }
        fit.put("round_losses", Arrays.stream(r.roundLosses()).boxed().toList());
        fit.put("seconds", (System.nanoTime() - t0) / 1e9);
        lab.saveCritic(critic, c.rounds());
      }
      List<Critic.Sample> samples = critic.targets(memory, c.imagined(), manager);
      fit.put("samples", samples.size());
      fit.put("r2", critic.r2(samples, manager));
      fit.put("memory_entries", memory.size());
      int shortHorizon = Math.max(1, full.horizon() / c.horizonDivisor());
      Map<String, TaskConfig> tasks = new LinkedHashMap<>();
      tasks.put(VARIANTS.get(0), full);
      tasks.put(VARIANTS.get(1), full.withHorizon(shortHorizon).withCriticWeight(c.weight()));
      tasks.put(VARIANTS.get(2), full.withHorizon(shortHorizon));
      Map<String, Object> variants = new LinkedHashMap<>();
      List<List<Object>> rows = new ArrayList<>();
      Map<String, Object> key = new LinkedHashMap<>();
      for (var e : tasks.entrySet()) {
        Configurator conf = new Configurator(e.getValue(), lab.model, cfg.planners(), null,
            critic);
        Map<String, Object> s = AgentLab.stats(lab.evaluate(e.getKey(), conf, cfg.episodes()),
            false);
        s.put("horizon", e.getValue().horizon());
        s.put("critic_weight", e.getValue().cost().critic());
        variants.put(e.getKey(), s);
        rows.add(AgentLab.tableRow(e.getKey() + " (H = " + e.getValue().horizon() + ")", s));
        key.put(e.getKey() + ": success", s.get("success_rate"));
        key.put(e.getKey() + ": s per episode", s.get("seconds_per_episode"));
      }
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("variants", variants);
      summary.put("critic", fit);
      summary.put("collection", AgentLab.stats(lab.log.rows("collect", c.collectEpisodes()),
          false));
      summary.put("task", cfg.task());
      summary.put("world_model", lab.model.runDir().toString());
      summary.put("layout", lab.randomLayout ? "random" : "fixed");
      key.put("critic R^2 (own targets)", fit.get("r2"));
      return new LabOutcome(summary, key, List.copyOf(lab.gifs), List.of(new LabOutcome.Table(
          "Horizon and critic", "Mode-2 on the same " + cfg.episodes() + " tasks: the full"
              + " horizon, a third of it plus the critic TC(s_H, g) (weight " + c.weight()
              + "), and a third alone. Seconds count perceiving and choosing actions.",
          AgentLab.COLUMNS, rows)));
    }
  }
}
