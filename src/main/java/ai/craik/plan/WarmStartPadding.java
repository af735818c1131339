package ai.craik.plan;

/**
 * How a re-plan's warm start fills the steps past the end of the previous plan after shifting it
 * by the k executed actions: warm[t] = previous[t + k] while t + k &lt; T_prev, then
 */
public enum WarmStartPadding {
  /** zero actions (the planners' cold-start mean; "no move" when 0 means standing still). */
  ZEROS,
  /** the previous plan's last action repeated (keeps going the way the plan ended). */
  LAST_ACTION
}
