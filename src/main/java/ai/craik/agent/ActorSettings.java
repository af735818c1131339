package ai.craik.agent;

import ai.craik.config.Checks;
import ai.craik.plan.WarmStartPadding;

/**
 * How the actor acts: Mode-2's model-predictive control and the mode policy of auto.
 *
 * <pre>
 *   Mode-2: plan H steps (iterations cold, warm_iterations warm from the last plan shifted or from
 *           the policy's own plan), run the first k actions, re-plan
 *   auto:   with no plan to run, imagine the policy's plan pi* over c = min(H, check_horizon) steps;
 *           Mode-1 when it makes progress, IC(step 1) - IC(step c) &gt;= progress (c - 1), or arrives,
 *           IC(step c) &lt;= arrive; or else when it is about as good as the last Mode-2 plan p
 *           re-scored from now, C(pi*) &lt;= C(p) + margin |C(p)|: run pi (reacting to each new state) for
 *           check_every actions before checking again, at most max_mode1_steps in a row; else
 *           Mode-2, warm from the cheaper of the two
 * </pre>
 *
 * @param horizon H
 * @param executeSteps k, actions run from each Mode-2 plan
 * @param iterations planner iterations of a cold plan
 * @param warmIterations planner iterations of a warm re-plan
 * @param padding the warm start's tail
 * @param margin auto's relative margin, &gt;= 0
 * @param checkHorizon steps of auto's confidence check, 1..H
 * @param progress auto's progress test: least IC decrease per imagined step, &gt;= 0
 * @param arrive auto's arrival test: IC of the last imagined step at most this
 * @param checkEvery Mode-1 actions run after a passed check before the next check, &gt;= 1
 * @param maxMode1Steps most Mode-1 actions in a row before auto re-plans, &gt;= 1
 * @param seedWithPolicy with a policy, a cold Mode-2 plan starts from the policy's own plan
 */
public record ActorSettings(int horizon, int executeSteps, int iterations, int warmIterations,
    WarmStartPadding padding, double margin, double progress, double arrive, int checkHorizon,
    int checkEvery, int maxMode1Steps, boolean seedWithPolicy) {
  public ActorSettings {
    Checks.arg(horizon >= 1, "horizon=%s must be at least 1", horizon);
    Checks.arg(executeSteps >= 1 && executeSteps <= horizon, "execute_steps=%s must be in 1..%s"
        + " (the horizon)", executeSteps, horizon);
    Checks.arg(iterations >= 1 && warmIterations >= 1, "iterations=%s and warm_iterations=%s must"
        + " be at least 1", iterations, warmIterations);
    Checks.arg(padding != null, "padding is missing; use zeros or last_action");
    Checks.arg(margin >= 0 && Double.isFinite(margin), "auto margin=%s must be >= 0", margin);
    Checks.arg(checkHorizon >= 1 && checkHorizon <= horizon, "auto check_horizon=%s must be in"
        + " 1..%s (the horizon)", checkHorizon, horizon);
    Checks.arg(progress >= 0 && Double.isFinite(progress), "auto progress=%s must be >= 0",
        progress);
    Checks.arg(Double.isFinite(arrive), "auto arrive=%s must be finite", arrive);
    Checks.arg(checkEvery >= 1, "auto check_every=%s must be at least 1", checkEvery);
    Checks.arg(maxMode1Steps >= 1, "auto max_mode1_steps=%s must be at least 1", maxMode1Steps);
  }

  /** The same settings with another horizon (check horizon and k cut to fit). */
  public ActorSettings withHorizon(int h) {
    return new ActorSettings(h, Math.min(executeSteps, h), iterations, warmIterations, padding,
        margin, progress, arrive, Math.min(checkHorizon, h), checkEvery, maxMode1Steps,
        seedWithPolicy);
  }
}
