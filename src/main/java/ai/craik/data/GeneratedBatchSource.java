package ai.craik.data;

import ai.craik.config.Checks;
import ai.craik.env.ExplorationConfig;
import ai.craik.env.Layout;
import ai.craik.env.Trajectory;
import ai.craik.env.TrajectoryGenerator;
import java.util.SplittableRandom;

/**
 * Batches generated on the fly, with no dataset on disk: each window b gets its own stream
 * {@code rng.split()} (split in order on the calling thread, so results do not depend on the
 * thread count), from which a layout (fixed, or random per window), a whole trajectory of T steps
 * ({@link TrajectoryGenerator}, as in a stored dataset) and a window start uniform in
 * 0 … T + 1 − L are drawn. Windows therefore have the same distribution as those drawn from a
 * dataset made with the same generator settings.
 */
public final class GeneratedBatchSource implements BatchSource {
  private final BatchSpec spec;
  private final TrajectoryGenerator generator;
  private final int length;
  private final boolean randomLayout;
  private final WindowFiller filler;

  /**
   * @param length T, steps of the trajectories windows are cut from (at least L − 1)
   * @param randomLayout draw a layout per window, else the fixed layout
   * @param threads threads that generate and render a batch
   */
  public GeneratedBatchSource(BatchSpec spec, ExplorationConfig exploration, double maxStep,
      int length, boolean randomLayout, int threads) {
    Checks.arg(length >= spec.window() - 1 && length >= 1, "trajectory length %s is shorter than"
        + " a window of %s frames; use a length of at least %s", length, spec.window(),
        Math.max(1, spec.window() - 1));
    this.spec = spec;
    this.generator = new TrajectoryGenerator(exploration, maxStep);
    this.length = length;
    this.randomLayout = randomLayout;
    this.filler = new WindowFiller(spec, maxStep, threads);
  }

  /** A source with the generator settings of a dataset (trajectory length, layout, policy). */
  public static GeneratedBatchSource like(DatasetSpec data, BatchSpec spec, int threads) {
    return new GeneratedBatchSource(spec, data.exploration(), data.maxStep(), data.length(),
        data.randomLayout(), threads);
  }

  @Override
  public BatchSpec spec() {
    return spec;
  }

  @Override
  public WindowBatch next(SplittableRandom rng, WindowBatch into) {
    filler.check(into);
    SplittableRandom[] items = new SplittableRandom[spec.batchSize()];
    for (int b = 0; b < items.length; b++) {
      items[b] = rng.split();
    }
    filler.forEachItem(b -> {
      SplittableRandom r = items[b];
      Layout layout = randomLayout ? Layout.random(r) : Layout.fixed();
      Trajectory tr = generator.generate(layout, length, r);
      int start = r.nextInt(length + 2 - spec.window());
      filler.fill(into, b, layout, tr.actions(), 0, tr.positions(), 0, start, -1);
    });
    return into;
  }

  @Override
  public void close() {
    filler.close();
  }
}
