package ai.craik.nn;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, "Decoupled Weight Decay Regularization",
 * ICLR 2019, arXiv:1711.05101), with optional clipping by global gradient norm.
 *
 * <pre>
 *   g <- grad * min(1, clip / ||grad||)          (if clip > 0; the norm is over all parameters)
 *   m <- b1 m + (1 - b1) g;   v <- b2 v + (1 - b2) g^2
 *   p <- p - lr * ( m / (1 - b1^t) / (sqrt(v / (1 - b2^t)) + eps) + wd * p )
 * </pre>
 *
 * <p>The moments and the step count are plain state that {@link #state} and {@link #restore} save
 * and load, so a resumed run continues exactly. Call {@link #step} after the gradient collector is
 * closed: in-place updates of a leaf that requires a gradient fail while grad mode is on.
 */
public final class AdamW {
  private final Parameters params;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final double clipNorm;
  private final Map<String, NDArray> m = new LinkedHashMap<>();
  private final Map<String, NDArray> v = new LinkedHashMap<>();
  private long t;

  /**
   * @param weightDecay decoupled decay per unit learning rate (0 for plain Adam)
   * @param clipNorm global gradient-norm limit, or 0 for no clipping
   */
  public AdamW(Parameters params, double beta1, double beta2, double eps, double weightDecay,
      double clipNorm) {
    Checks.arg(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1,
        "Adam betas must be in [0, 1), got %s and %s", beta1, beta2);
    Checks.arg(eps > 0 && weightDecay >= 0 && clipNorm >= 0,
        "Adam eps must be > 0, weight decay and clip norm >= 0; got %s, %s, %s",
        eps, weightDecay, clipNorm);
    this.params = params;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.clipNorm = clipNorm;
    params.asMap().forEach((name, p) -> {
      m.put(name, params.manager().zeros(p.getShape()));
      v.put(name, params.manager().zeros(p.getShape()));
    });
  }

  /** Plain Adam (no decay, no clipping) with the usual betas (0.9, 0.999) and eps 1e-8. */
  public static AdamW adam(Parameters params) {
    return new AdamW(params, 0.9, 0.999, 1e-8, 0.0, 0.0);
  }

  /** The global norm of the gradients left by the last backward. */
  public double gradNorm() {
    return params.gradNorm();
  }

  /** Number of steps taken. */
  public long steps() {
    return t;
  }

  /**
   * One update with learning rate {@code lr} from the gradients left by the last backward.
   *
   * @return the global gradient norm before clipping
   */
  public double step(double lr) {
    return step(lr, params.gradNorm());
  }

  /**
   * {@link #step(double)} with the gradient norm already computed ({@link #gradNorm()}).
   *
   * @return {@code norm}
   */
  public double step(double lr, double norm) {
    double scale = clipNorm > 0 && norm > clipNorm ? clipNorm / norm : 1.0;
    t++;
    double c1 = 1 - StrictMath.pow(beta1, t);
    double c2 = 1 - StrictMath.pow(beta2, t);
    params.asMap().forEach((name, p) -> {
      // Ops on the long-lived moments and parameters create their results in the parameters'
      // manager; the scope closes every array created here, so nothing accumulates per step.
      try (NDScope scope = new NDScope()) {
        NDArray grad = p.getGradient().mul(scale);
        NDArray mm = m.get(name);
        NDArray vv = v.get(name);
        mm.muli(beta1).addi(grad.mul(1 - beta1));
        vv.muli(beta2).addi(grad.square().mul(1 - beta2));
        NDArray update = mm.div(c1).div(vv.div(c2).sqrt().add(eps));
        if (weightDecay > 0) {
          update.addi(p.mul(weightDecay));
        }
        p.subi(update.mul(lr));
        scope.suppressNotUsedWarning();
      }
    });
    return norm;
  }

  /** The optimizer state (step count and moments), named, for a checkpoint. */
  public NDList state(NDManager target) {
    NDList out = new NDList();
    NDArray step = target.create(new long[] {t});
    step.setName("adam.t");
    out.add(step);
    for (String name : m.keySet()) {
      NDArray a = m.get(name).duplicate();
      a.attach(target);
      a.setName("adam.m." + name);
      out.add(a);
      NDArray b = v.get(name).duplicate();
      b.attach(target);
      b.setName("adam.v." + name);
      out.add(b);
    }
    return out;
  }

  /** Restores the state written by {@link #state}. */
  public void restore(NDList saved) {
    Map<String, NDArray> byName = new LinkedHashMap<>();
    saved.forEach(a -> byName.put(a.getName(), a));
    NDArray step = byName.get("adam.t");
    Checks.arg(step != null, "saved optimizer state lacks its step count 'adam.t'");
    t = step.toLongArray()[0];
    for (String name : m.keySet()) {
      NDArray sm = byName.get("adam.m." + name);
      NDArray sv = byName.get("adam.v." + name);
      Checks.arg(sm != null && sv != null, "saved optimizer state lacks moments of '%s'", name);
      m.get(name).set(sm.toFloatArray());
      v.get(name).set(sv.toFloatArray());
    }
  }
}
