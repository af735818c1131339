package ai.craik.ebm;

import ai.craik.config.Checks;
import ai.craik.engine.HostRandom;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Negative samples for contrastive training of an {@link Energy}, by short Langevin runs
 * ({@link LangevinSampler}):
 *
 * <ul>
 *   <li>{@code cd} (CD-k): the chains start at the data batch and run k steps; k = 0 returns the
 *       data itself. Hinton, "Training Products of Experts by Minimizing Contrastive Divergence",
 *       Neural Computation 14(8), 2002.
 *   <li>{@code pcd} (persistent CD): a buffer of {@code bufferSize} chains survives between calls.
 *       Each call draws B distinct chains, restarts each with probability {@code reinitFraction}
 *       from a uniform point of [initLow, initHigh]^D, runs k steps, writes the chains back and
 *       returns them. Tieleman, "Training Restricted Boltzmann Machines using Approximations to the
 *       Likelihood Gradient", ICML 2008; the replay buffer with reinitialization follows Du and
 *       Mordatch, "Implicit Generation and Generalization in Energy-Based Models", NeurIPS 2019.
 * </ul>
 *
 * <p>Shapes: data [B, D] to negatives [B, D]. The buffer is filled from the uniform box on the first
 * call (D is taken from that batch). It is kept on the host as a float[] of bufferSize * D values
 * (row-major), not in an engine manager: each call moves only its B rows, nothing needs closing, and
 * a checkpoint saves it with {@link #exportBuffer} and restores it with {@link #importBuffer}.
 *
 * <p>Randomness: all of it (chain choice, restarts, Langevin noise) comes from the stream passed to
 * {@link #negatives}, so a restored buffer and the same stream give identical samples. Not
 * thread-safe. The Langevin steps open their own gradient collector (see {@link LangevinSampler}).
 */
public final class ContrastiveDivergence {
  private final ContrastiveDivergenceConfig config;
  private final LangevinSampler sampler;
  private float[] buffer = new float[0]; // pcd chains, bufferSize * dim values; empty until filled
  private int dim;

  /** A negative sampler with the given settings. */
  public ContrastiveDivergence(ContrastiveDivergenceConfig config) {
    Checks.arg(config != null, "ContrastiveDivergence needs a ContrastiveDivergenceConfig");
    this.config = config;
    this.sampler = new LangevinSampler(config.langevin());
  }

  /** The settings. */
  public ContrastiveDivergenceConfig config() {
    return config;
  }

  /**
   * Negative samples for one training step.
   *
   * @param energy the current energy, [N, D] to [N]
   * @param data the data batch [B, D]
   * @param rng the stream for chain choice, restarts and Langevin noise
   * @return negatives [B, D], detached, in {@code data}'s manager with its data type
   */
  public NDArray negatives(Energy energy, NDArray data, SplittableRandom rng) {
    Checks.arg(data != null && data.getShape().dimension() == 2
            && data.getShape().get(0) >= 1 && data.getShape().get(1) >= 1,
        "contrastive divergence data must have shape [B, D] with B, D >= 1, got %s",
        data == null ? "null" : data.getShape());
    if (!config.persistent()) {
      return sampler.sample(energy, data, rng).samples();
    }
    return persistent(energy, data, rng);
  }

  private NDArray persistent(Energy energy, NDArray data, SplittableRandom rng) {
    int batch = Math.toIntExact(data.getShape().get(0));
    int d = Math.toIntExact(data.getShape().get(1));
    int size = config.bufferSize();
    Checks.arg(batch <= size, "batch size %s exceeds cd.bufferSize=%s; raise cd.bufferSize",
        batch, size);
    if (buffer.length == 0) {
      dim = d;
      buffer = HostRandom.uniform(rng, size * d, config.initLow(), config.initHigh());
    }
    Checks.arg(d == dim, "data dimension %s does not match the persistent chains' dimension %s",
        d, dim);
    int[] rows = distinctRows(rng, size, batch);
    float[] start = new float[batch * d];
    for (int i = 0; i < batch; i++) {
      if (rng.nextDouble() < config.reinitFraction()) {
        float[] fresh = HostRandom.uniform(rng, d, config.initLow(), config.initHigh());
        System.arraycopy(fresh, 0, start, i * d, d);
      } else {
        System.arraycopy(buffer, rows[i] * d, start, i * d, d);
      }
    }
    NDManager owner = data.getManager();
    NDArray out;
    float[] end;
    try (NDManager scope = owner.newSubManager()) {
      NDArray init = scope.create(start, new Shape(batch, d)).toType(data.getDataType(), false);
      out = sampler.sample(energy, init, rng).samples(); // in scope, like init
      end = out.toType(DataType.FLOAT32, false).toFloatArray();
      out.attach(owner);
    }
    for (int i = 0; i < batch; i++) {
      System.arraycopy(end, i * d, buffer, rows[i] * d, d);
    }
    return out;
  }

  /** {@code k} distinct indices in [0, n), by a partial Fisher-Yates shuffle. */
  private static int[] distinctRows(SplittableRandom rng, int n, int k) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(n - i);
      int tmp = all[i];
      all[i] = all[j];
      all[j] = tmp;
    }
    return Arrays.copyOf(all, k);
  }

  /**
   * A copy of the persistent chains, bufferSize * D floats in row-major order (chain r occupies
   * [r * D, (r + 1) * D)); empty before the first {@code pcd} call and always empty in {@code cd}
   * mode. D is {@code length / bufferSize}.
   */
  public float[] exportBuffer() {
    return buffer.clone();
  }

  /**
   * Replaces the persistent chains with values written by {@link #exportBuffer}. An empty array
   * empties the buffer (it is refilled on the next call).
   */
  public void importBuffer(float[] chains) {
    Checks.arg(chains != null, "importBuffer needs the exported chains (an empty array for none)");
    Checks.state(config.persistent() || chains.length == 0,
        "cd.mode=cd keeps no chains; import an empty buffer or use cd.mode=pcd");
    Checks.arg(chains.length % Math.max(1, config.bufferSize()) == 0,
        "%s buffer values are not a whole number of chains for cd.bufferSize=%s;"
            + " restore a buffer saved with the same cd.bufferSize", chains.length,
        config.bufferSize());
    buffer = chains.clone();
    dim = chains.length == 0 ? 0 : chains.length / config.bufferSize();
  }

  /** The persistent chains' dimension D, or 0 while the buffer is empty. */
  public int chainDim() {
    return dim;
  }
}
