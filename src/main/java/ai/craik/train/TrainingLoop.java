package ai.craik.train;

import ai.craik.config.Checks;
import ai.craik.run.Checkpoint;
import ai.craik.run.Checkpointable;
import ai.craik.run.RunSession;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The step loop shared by every trainer: resume, run steps in their own memory scope, log metrics,
 * report progress, checkpoint.
 *
 * <p>Step numbers count completed steps: a checkpoint at step k holds the state after k steps, and
 * a resumed run continues with step index k. Each step gets a fresh child manager that is closed
 * after it, so only the floats it returns survive. Ops must put the data first (results live in
 * the first operand's manager), or results of ops on long-lived parameters pile up in the
 * parameters' manager. (The loop does not wrap steps in an {@code NDScope}: with the scopes that
 * AdamW opens inside it, same-seed runs in one JVM stopped agreeing.)
 * Randomness inside a step should come from {@code random().stream(name, step)} so that a resumed
 * run draws exactly what an uninterrupted one would.
 */
public final class TrainingLoop {
  private TrainingLoop() {}

  /**
   * How long and how often.
   *
   * @param phase a name for the phase, used for checkpoints and metrics rows ({@code train}, ...)
   */
  public record Schedule(String phase, long steps, long logEvery, long checkpointEvery) {
    public Schedule {
      Checks.arg(phase.matches("[a-z0-9_]+"), "phase '%s' must be lower-case letters, digits, _",
          phase);
      Checks.arg(steps >= 0 && logEvery >= 1 && checkpointEvery >= 1,
          "schedule needs steps >= 0 and intervals >= 1, got %s, %s, %s",
          steps, logEvery, checkpointEvery);
    }
  }

  /** One training step; returns the metrics of that step as plain numbers. */
  @FunctionalInterface
  public interface Step {
    /** Runs step {@code step} (0-based) with temporaries in {@code scope}. */
    Map<String, Double> run(long step, NDManager scope);
  }

  /**
   * Runs the schedule, resuming from the phase's latest checkpoint when the run folder was resumed.
   *
   * @return the step the loop started from (0 for a fresh run)
   */
  public static long run(RunSession session, Schedule schedule, Checkpointable state,
      NDManager parent, Step step) {
    long start = 0;
    if (session.dir().resumed()) {
      try (NDManager tmp = parent.newSubManager()) {
        Optional<Checkpoint> c = session.dir().loadLatestCheckpoint(schedule.phase(), tmp);
        if (c.isPresent()) {
          Checks.state(c.get().step() <= schedule.steps(),
              "checkpoint of phase %s is at step %s, beyond the schedule's %s steps",
              schedule.phase(), c.get().step(), schedule.steps());
          state.restore(c.get().arrays());
          start = c.get().step();
        }
      }
    }
    session.metrics().truncate(schedule.phase(), start);
    session.progress().start(schedule.phase(), schedule.steps(), start);
    try {
      for (long i = start; i < schedule.steps(); i++) {
        Map<String, Double> metrics;
        long t0 = System.nanoTime();
        try (NDManager scope = parent.newSubManager()) {
          metrics = step.run(i, scope);
        }
        long done = i + 1;
        boolean last = done == schedule.steps();
        if (done % schedule.logEvery() == 0 || last) {
          Map<String, Object> row = new LinkedHashMap<>(metrics);
          row.put("time/step_seconds", (System.nanoTime() - t0) / 1e9); // wall clock: not deterministic
          session.metrics().log(schedule.phase(), done, row);
        }
        session.progress().update(done, status(metrics));
        if (done % schedule.checkpointEvery() == 0 || last) {
          try (NDManager tmp = parent.newSubManager()) {
            session.dir().saveCheckpoint(schedule.phase(), done, Map.of("phase", schedule.phase()),
                state.state(tmp));
          }
        }
      }
    } finally {
      session.progress().close();
    }
    return start;
  }

  private static String status(Map<String, Double> metrics) {
    if (metrics.isEmpty()) {
      return "";
    }
    Map.Entry<String, Double> first = metrics.entrySet().iterator().next();
    return String.format(Locale.ROOT, "%s=%.4g", first.getKey(), first.getValue());
  }
}
