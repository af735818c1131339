package ai.craik.lab;

import ai.craik.run.Checkpointable;
import ai.craik.run.MetricsLog;
import ai.craik.run.RunSession;
import ai.craik.train.TrainingLoop;
import ai.djl.ndarray.NDManager;
import java.util.Map;

/**
 * {@link TrainingLoop#run} with the wall-clock training time logged on every step as
 * {@code time/train_seconds}: the total over every session of a resumed run (the last logged total
 * plus this session's), so a run's training time survives interruptions.
 *
 * @param startStep the step the loop started from (0 for a fresh run)
 * @param seconds the training time over all sessions
 */
record TimedTraining(long startStep, double seconds) {
  static final String KEY = "time/train_seconds";

  static TimedTraining run(RunSession session, TrainingLoop.Schedule schedule,
      Checkpointable state, NDManager manager, TrainingLoop.Step step) {
    long started = System.nanoTime();
    double before = WorldModelJob.lastNumber(MetricsLog.read(session.dir().metrics()), KEY);
    long start = TrainingLoop.run(session, schedule, state, manager, (i, scope) -> {
      Map<String, Double> m = step.run(i, scope);
      m.put(KEY, before + (System.nanoTime() - started) / 1e9);
      return m;
    });
    double seconds = Math.max(before,
        WorldModelJob.lastNumber(MetricsLog.read(session.dir().metrics()), KEY));
    return new TimedTraining(start, seconds);
  }
}
