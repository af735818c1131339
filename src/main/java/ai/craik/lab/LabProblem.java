package ai.craik.lab;

import ai.craik.run.RunSession;
import ai.djl.ndarray.NDManager;

/**
 * One problem of the EBM lab ({@code craik ebm <name>}): it trains what there is to train,
 * evaluates, draws its figures into the run's {@code figures/} folder and returns what the summary
 * and the report show.
 *
 * @param <C> the problem's config record, bound from {@code configs/ebm/<name>.yaml}
 */
public interface LabProblem<C> {
  /** The command name, e.g. {@code ellipse}. */
  String name();

  /** One paragraph for the report: what the problem shows. */
  String description();

  /**
   * The built-in preset under {@code configs/} (without {@code .yaml}) that user files and
   * {@code --set} overrides are merged over; by default {@code <group>/<name>}.
   */
  default String preset(String group) {
    return group + "/" + name();
  }

  /** The config record type. */
  Class<C> configType();

  /**
   * Refuses a config that cannot run, before the run folder is made (so the corrected command is
   * not refused as a different config): a one-line {@link ai.craik.config.ConfigException}. By
   * default accepts everything; checks that need loaded models happen in {@link #run}.
   */
  default void validate(C config) {}

  /** Runs the problem in the given session; temporaries go in children of {@code manager}. */
  LabOutcome run(C config, RunSession session, NDManager manager);
}
