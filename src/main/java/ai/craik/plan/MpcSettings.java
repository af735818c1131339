package ai.craik.plan;

import ai.craik.config.Checks;

/**
 * Model-predictive control settings; YAML section {@code plan.mpc}.
 *
 * @param horizon planning horizon H; near the end of the budget a re-plan uses min(H, steps left)
 * @param executeSteps k actions executed from each plan before re-planning, 1..H
 * @param iterations planner iterations of the first plan (cold start)
 * @param warmIterations planner iterations of each warm re-plan, usually fewer
 * @param maxSteps the episode's action budget
 * @param padding how a warm start fills the steps past the shifted previous plan
 */
public record MpcSettings(int horizon, int executeSteps, int iterations, int warmIterations,
    int maxSteps, WarmStartPadding padding) {
  public MpcSettings {
    Checks.arg(horizon >= 1, "plan.mpc.horizon=%s must be at least 1", horizon);
    Checks.arg(executeSteps >= 1 && executeSteps <= horizon, "plan.mpc.execute_steps=%s must be"
        + " in 1..%s (plan.mpc.horizon); lower plan.mpc.execute_steps", executeSteps, horizon);
    Checks.arg(iterations >= 1, "plan.mpc.iterations=%s must be at least 1", iterations);
    Checks.arg(warmIterations >= 1, "plan.mpc.warm_iterations=%s must be at least 1",
        warmIterations);
    Checks.arg(maxSteps >= 1, "plan.mpc.max_steps=%s must be at least 1", maxSteps);
    Checks.arg(padding != null, "plan.mpc.padding is missing; use zeros or last_action");
  }
}
