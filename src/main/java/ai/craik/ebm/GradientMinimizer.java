package ai.craik.ebm;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;

/**
 * Minimizes a differentiable batched function f: R^D -&gt; R over its input from N starts at once,
 * by gradient descent or Adam ({@link MinimizerConfig}). With P [N, D] the current points,
 *
 * <pre>
 *   g = d (sum_n f(P)_n) / dP                                   [N, D]   (row n is grad f(P_n))
 *   gd:    P &lt;- P - lr g
 *   adam:  m &lt;- b1 m + (1 - b1) g;  v &lt;- b2 v + (1 - b2) g^2;
 *          P &lt;- P - lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 *          with b1 = 0.9, b2 = 0.999, eps = 1e-8
 * </pre>
 *
 * <p>f is an {@link Energy}: points [N, D] to values [N]. It must be row-separable (value n depends
 * only on row n) for the N starts to run independently (Adam's moments are per coordinate, so rows
 * stay independent).
 *
 * <p>Gradient collection: each step opens and closes its own {@code GradientCollector}, so callers
 * must not have one open (only one may be open per JVM; opening a second fails with a message
 * saying so). Backward also adds into the gradient of any array f closes over that requires a
 * gradient (model parameters): zero or overwrite parameter gradients before the next training
 * backward, or run inference before opening the training collector and start that step from fresh
 * gradients. Temporaries of each step live in a child manager of the start's manager; compute in f
 * with its input as the first operand ({@code y.sub(c)}, not {@code c.sub(y)}) so that f's own
 * temporaries land there too.
 *
 * <p>Used by {@link ContinuousLatentInference} (z over a latent energy) and
 * {@link EnergyMinimization} (y over a conditional energy). Reference: LeCun, "A Path Towards
 * Autonomous Machine Intelligence" (2022), inference by gradient-based energy minimization.
 */
public final class GradientMinimizer {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;

  private final MinimizerConfig config;

  public GradientMinimizer(MinimizerConfig config) {
    Checks.arg(config != null,
        "minimizer config is null; use e.g. MinimizerConfig.adam(200, 0.05)");
    this.config = config;
  }

  /** The settings. */
  public MinimizerConfig config() {
    return config;
  }

  /**
   * Runs {@code config.steps()} steps from the rows of {@code start}.
   *
   * @param f the function, points [N, D] to values [N], differentiable in the points
   * @param start starting points [N, D] (float32 or float64; not modified)
   * @return the final points [N, D], their values [N] and the mean-value trace (steps + 1 entries),
   *     all arrays owned by {@code start}'s manager and without gradient
   */
  public MinimizerResult minimize(Energy f, NDArray start) {
    Checks.arg(f != null, "function to minimize is null");
    ShapeChecks.matrix(start, "start points", "[N, D]");
    long n = start.getShape().get(0);
    NDManager owner = start.getManager();
    boolean adam = "adam".equals(config.method());
    double lr = config.learningRate();
    double[] trace = new double[config.steps() + 1];
    try (NDManager run = owner.newSubManager()) {
      NDArray p = start.duplicate(); // current points [N, D], never requires a gradient
      p.attach(run);
      NDArray m = adam ? run.zeros(start.getShape(), start.getDataType()) : null;
      NDArray v = adam ? run.zeros(start.getShape(), start.getDataType()) : null;
      for (int t = 0; t < config.steps(); t++) {
        try (NDManager step = run.newSubManager()) {
          NDArray leaf = p.duplicate();
          leaf.attach(step);
          leaf.setRequiresGradient(true);
          NDArray values;
          try (GradientCollector gc = openCollector(owner)) {
            values = f.energy(leaf);
            ShapeChecks.energies(values, n, "the function being minimized");
            gc.backward(values.sum());
          }
          trace[t] = mean(values);
          NDArray g = leaf.getGradient();
          g.attach(step);
          if (adam) {
            m.tempAttach(step); // temporaries of m and v ops land in the step; both return after
            v.tempAttach(step);
            m.muli(BETA1).addi(g.mul(1 - BETA1));
            v.muli(BETA2).addi(g.square().mul(1 - BETA2));
            double c1 = 1 - StrictMath.pow(BETA1, t + 1);
            double c2 = 1 - StrictMath.pow(BETA2, t + 1);
            p.subi(m.div(c1).div(v.div(c2).sqrt().add(EPS)).mul(lr));
          } else {
            p.subi(g.mul(lr));
          }
        }
      }
      NDArray values = f.energy(p);
      ShapeChecks.energies(values, n, "the function being minimized");
      trace[config.steps()] = mean(values);
      p.attach(owner);
      values.attach(owner);
      return new MinimizerResult(p, values, trace);
    }
  }

  private static GradientCollector openCollector(NDManager manager) {
    try {
      return manager.getEngine().newGradientCollector();
    } catch (IllegalStateException e) {
      throw new IllegalStateException("GradientMinimizer opens its own GradientCollector but one is"
          + " already open; close yours before inference (only one may be open per JVM)", e);
    }
  }

  private static double mean(NDArray values) {
    return values.toType(DataType.FLOAT64, false).mean().getDouble();
  }
}
