package ai.craik.lab;

import ai.craik.agent.AgentConfig;

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
}
