package ai.craik.ebm;

import ai.craik.config.Checks;
import ai.craik.engine.HostRandom;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;

/**
 * Langevin dynamics on an {@link Energy}: N independent chains in D dimensions,
 *
 * <pre>
 *   g   = grad_y E(y) * min(1, gradClip / ||grad_y E(y)||)      per row, if gradClip &gt; 0
 *   y  &lt;- clamp( y - (eps / 2) g + sqrt(eps) sigma xi ),        xi ~ N(0, I) [N, D]
 * </pre>
 *
 * with eps = {@code stepSize} and sigma = {@code noiseScale}. For small eps and sigma = 1 the chains
 * sample the Boltzmann density exp(-E(y)) / Z (stationary density of the Langevin diffusion
 * dy = -(1/2) grad E dt + dW); in general they sample exp(-E / sigma^2), and sigma = 0 is gradient
 * descent. The discretization biases the stationary law by O(eps): for E = ||y||^2 / 2 the variance
 * is 1 / (1 - eps/4).
 *
 * <p>Shapes: initial points [N, D]; the energy maps [N, D] to [N]. The noise is drawn on the host
 * from the given stream ({@link HostRandom#normal}), so a run is a function of the stream and the
 * energy, not of the engine's global generator.
 *
 * <p>Gradients: each step opens its own {@link GradientCollector} to get grad_y E, so the caller must
 * not have one open (only one may be open per JVM). The backward pass also adds to the gradients of
 * the energy's parameters; clear them after sampling and before the training backward (for example
 * with {@code gc.zeroGradients()} in the training collector). Every step runs in a child manager of
 * the initial points' manager, so memory stays flat.
 *
 * <p>References: Welling, Teh, "Bayesian Learning via Stochastic Gradient Langevin Dynamics", ICML
 * 2011; Du, Mordatch, "Implicit Generation and Generalization in Energy-Based Models", NeurIPS 2019,
 * arXiv:1903.08689 (Langevin sampling of EBMs, gradient clipping and clamping).
 */
public final class LangevinSampler {
  private final LangevinConfig config;

  /** A sampler with the given settings. */
  public LangevinSampler(LangevinConfig config) {
    Checks.arg(config != null, "LangevinSampler needs a LangevinConfig");
    this.config = config;
  }

  /** The settings. */
  public LangevinConfig config() {
    return config;
  }

  /**
   * Runs {@code config.steps()} Langevin steps from {@code init}.
   *
   * @param energy E, differentiable in y, [N, D] to [N]
   * @param init starting points [N, D]; not modified
   * @param rng the stream the noise is drawn from (N * D normals per step)
   * @return the final points (detached, in {@code init}'s manager, same data type) and the mean
   *     energy per step
   */
  public LangevinResult sample(Energy energy, NDArray init, SplittableRandom rng) {
    Checks.arg(energy != null && init != null && rng != null,
        "Langevin sampling needs an energy, initial points and a random stream");
    Shape shape = init.getShape();
    Checks.arg(shape.dimension() == 2 && shape.get(0) >= 1 && shape.get(1) >= 1,
        "Langevin initial points must have shape [N, D] with N, D >= 1, got %s", shape);
    int size = Math.toIntExact(shape.size());
    int steps = config.steps();
    double[] trace = new double[steps];
    NDManager owner = init.getManager();
    NDArray y = init.duplicate(); // a copy: init is never touched, and y carries no graph
    y.attach(owner);
    for (int t = 0; t < steps; t++) {
      try (NDManager scope = owner.newSubManager()) {
        NDArray x = y;
        x.attach(scope); // the previous point dies with this step's scope
        x.setRequiresGradient(true);
        NDArray e = forwardBackward(energy, x);
        trace[t] = e.mean().toArray()[0].doubleValue(); // float32 or float64 energies
        NDArray grad = x.getGradient();
        if (config.gradClip() > 0) {
          NDArray norm = grad.norm(new int[] {1}, true); // [N, 1]
          grad = grad.mul(norm.add(1e-12).pow(-1).mul(config.gradClip()).minimum(1.0));
        }
        NDArray next = x.stopGradient().sub(grad.mul(config.stepSize() / 2));
        if (config.noiseScale() > 0) {
          NDArray xi = scope.create(HostRandom.normal(rng, size), shape)
              .toType(init.getDataType(), false);
          next = next.add(xi.mul(Math.sqrt(config.stepSize()) * config.noiseScale()));
        }
        if (config.clamped()) {
          next = next.clip(config.clampLow(), config.clampHigh());
        }
        next.attach(owner); // a fresh array made with grad mode off: no graph, own storage
        y = next;
      }
    }
    return new LangevinResult(y, trace);
  }

  private static NDArray forwardBackward(Energy energy, NDArray x) {
    GradientCollector gc;
    try {
      gc = Engine.getInstance().newGradientCollector();
    } catch (IllegalStateException e) {
      throw new IllegalStateException("LangevinSampler opens its own GradientCollector per step;"
          + " close yours before sampling (only one may be open per JVM)", e);
    }
    try (gc) {
      NDArray e = energy.energy(x);
      Checks.arg(e.getShape().dimension() == 1 && e.getShape().get(0) == x.getShape().get(0),
          "energy of points %s must have shape [%s], got %s", x.getShape(), x.getShape().get(0),
          e.getShape());
      gc.backward(e.sum());
      return e;
    }
  }
}
