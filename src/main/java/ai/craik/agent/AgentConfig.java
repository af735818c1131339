package ai.craik.agent;

import ai.craik.config.ConfigChecks;
import ai.craik.config.ConfigValueException;
import ai.craik.plan.PlannerSections;
import java.util.List;

/**
 * The config of {@code craik agent run|distill|critic} (built-in preset {@code configs/agent.yaml};
 * {@code --task FILE} replaces the {@code task} section).
 *
 * @param model run folder of a world model ('craik train world-model'), with a distance phase for
 *     the default goal metric
 * @param policy run folder of 'craik agent distill' holding the Mode-1 policy ("" for none)
 * @param critic run folder of 'craik agent critic' holding the critic ("" for none)
 * @param task the task ({@link TaskConfig})
 * @param episodes evaluation episodes per mode or variant; episode i is the task of seed + i
 * @param layout model (the layout the world model was trained on), fixed or random
 * @param gifs the first this many episodes of each mode are animated
 * @param memory the short-term memory
 * @param distill Mode-1 distillation ('agent distill')
 * @param criticTraining the critic's training ('agent critic')
 * @param planners the planners' sampling settings
 */
public record AgentConfig(String model, String policy, String critic, TaskConfig task,
    int episodes, String layout, int gifs, Memory memory, Distill distill,
    CriticTraining criticTraining, PlannerSections planners) {
  /** Task seeds of collection episodes start here (evaluation: seed + i; collection: + this). */
  public static final long COLLECT_SEED_OFFSET = 1_000_000L;

  public AgentConfig {
    if (task == null || memory == null || distill == null || criticTraining == null
        || planners == null) {
      throw new ConfigValueException("agent config", "(incomplete)", "needs the sections task,"
          + " memory, distill, critic_training and planners");
    }
    if (model == null || model.isBlank()) {
      throw new ConfigValueException("model", model, "the run folder of a world model (--model"
          + " DIR)");
    }
    policy = policy == null ? "" : policy;
    critic = critic == null ? "" : critic;
    ConfigChecks.inRange("episodes", episodes, 1, 1_000_000);
    ConfigChecks.oneOf("layout", layout, List.of("model", "fixed", "random"));
    ConfigChecks.inRange("gifs", gifs, 0, 1000);
  }

  /**
   * The short-term memory.
   *
   * @param capacity most entries held
   * @param storeImagined write each Mode-2 plan's imagined states
   * @param from a run folder of 'craik agent distill' or 'critic' whose collected memory to use
   *     instead of collecting ("" to collect)
   */
  public record Memory(int capacity, boolean storeImagined, String from) {
    public Memory {
      from = from == null ? "" : from;
      ConfigChecks.inRange("memory.capacity", capacity, 1, 100_000_000);
    }
  }

  /**
   * Mode-1 distillation: Mode-2 collects {@code collect_episodes} episodes (task seeds apart from
   * the evaluation's), the policy is fitted to their executed actions, then each mode is evaluated
   * on the same {@code episodes} tasks.
   *
   * @param collectEpisodes Mode-2 episodes whose actions are imitated
   * @param targetSteps the target of state s_t: the mean of the actions executed at t .. t + k - 1
   *     under the same goal (k = 1: the action itself; more steps average out the sampling
   *     planner's noise)
   * @param imagined also imitate the plans at the states they imagined (needs a memory with
   *     imagined states: memory.store_imagined, or memory.from a critic run)
   * @param relabel hindsight relabelling horizon K (0: off): the states reached 1, 2, 4, ... K steps
   *     later as goals, the mean action that led there as the target
   * @param hidden the policy's hidden widths
   * @param epochs passes over the memory
   * @param batch rows per Adam step
   * @param learningRate Adam's rate
   * @param modes the modes evaluated, in order (1, 2, auto)
   */
  public record Distill(int collectEpisodes, int targetSteps, boolean imagined, int relabel,
      List<Integer> hidden, int epochs, int batch, double learningRate, List<String> modes) {
    public Distill {
      ConfigChecks.inRange("distill.target_steps", targetSteps, 1, 1000);
      ConfigChecks.inRange("distill.relabel", relabel, 0, 10_000);
      ConfigChecks.inRange("distill.collect_episodes", collectEpisodes, 1, 1_000_000);
      ConfigChecks.nonEmpty("distill.hidden", hidden);
      ConfigChecks.inRange("distill.epochs", epochs, 1, 100_000);
      ConfigChecks.inRange("distill.batch", batch, 1, 1_000_000);
      ConfigChecks.positive("distill.learning_rate", learningRate);
      ConfigChecks.nonEmpty("distill.modes", modes);
      for (String m : modes) {
        ConfigChecks.oneOf("distill.modes", m, List.of("1", "2", "auto"));
      }
    }
  }

  /**
   * The critic's training and comparison: Mode-2 collects {@code collect_episodes} episodes into
   * memory (with imagined plans when {@code imagined}), the critic is fitted ({@code rounds} of
   * targets, {@code epochs} each), then three variants plan the same {@code episodes} tasks: the
   * task's horizon without the critic, horizon / {@code horizon_divisor} with it (weight
   * {@code weight}), and that short horizon without it.
   */
  public record CriticTraining(int collectEpisodes, List<Integer> hidden, double gamma,
      boolean imagined, int rounds, int epochs, int batch, double learningRate,
      int horizonDivisor, double weight) {
    public CriticTraining {
      ConfigChecks.inRange("critic_training.collect_episodes", collectEpisodes, 1, 1_000_000);
      ConfigChecks.nonEmpty("critic_training.hidden", hidden);
      ConfigChecks.inRange("critic_training.gamma", gamma, 0.0, 0.9999);
      ConfigChecks.inRange("critic_training.rounds", rounds, 1, 1000);
      ConfigChecks.inRange("critic_training.epochs", epochs, 1, 100_000);
      ConfigChecks.inRange("critic_training.batch", batch, 1, 1_000_000);
      ConfigChecks.positive("critic_training.learning_rate", learningRate);
      ConfigChecks.inRange("critic_training.horizon_divisor", horizonDivisor, 1, 1000);
      ConfigChecks.positive("critic_training.weight", weight);
    }
  }
}
