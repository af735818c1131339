package ai.craik.agent;

import java.util.List;

/**
 * What one agent episode did.
 *
 * @param success whether the task's success test passed
 * @param steps actions run
 * @param actions the actions [steps][A]
 * @param modes which mode chose each action (1 or 2)
 * @param plans Mode-2 plans made
 * @param decisionSeconds wall time of perceiving and choosing the actions (perception, the policy,
 *     the planner, auto's check, the goal switch test): the cost of acting
 * @param planningSeconds the part of it spent in the planner
 * @param memorySeconds writing the memory (intrinsic cost of each step, imagined states), apart
 * @param switchSteps the steps at which the configurator switched the goal
 * @param meanCost the mean intrinsic cost of the observed steps
 */
public record EpisodeRecord(boolean success, int steps, List<float[]> actions,
    List<Integer> modes, int plans, double decisionSeconds, double planningSeconds,
    double memorySeconds, List<Integer> switchSteps, double meanCost) {

  /** Share of actions chosen by Mode-1. */
  public double mode1Share() {
    return modes.isEmpty() ? 0 : modes.stream().filter(m -> m == 1).count()
        / (double) modes.size();
  }

  /** Decision seconds per action (0 with no action). */
  public double secondsPerAction() {
    return steps == 0 ? 0 : decisionSeconds / steps;
  }
}
