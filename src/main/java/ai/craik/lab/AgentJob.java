package ai.craik.lab;

import ai.craik.agent.AgentConfig;
import ai.craik.config.ConfigException;

/** The agent commands' common ground: the preset {@code configs/agent.yaml} and its config. */
public abstract class AgentJob implements LabProblem<AgentConfig> {
  @Override
  public String preset(String group) {
    return "agent";
  }

  @Override
  public Class<AgentConfig> configType() {
    return AgentConfig.class;
  }

  /** Refuses a critic weight without --critic (a mode without --policy: see the run job). */
  @Override
  public void validate(AgentConfig cfg) {
    if (cfg.task().cost().critic() > 0 && cfg.critic().isBlank()) {
      throw new ConfigException("task cost.critic=" + cfg.task().cost().critic() + " needs a"
          + " trained critic; train one with 'craik agent critic --model " + cfg.model() + "'"
          + " and pass its run folder with --critic DIR, or set cost.critic to 0");
    }
  }
}
