package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.AdamW;
import ai.craik.nn.Parameters;
import ai.craik.run.Checkpointable;
import ai.craik.train.CompositeState;
import ai.craik.train.TrainableState;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One optimizer per trainable module (encoder, action encoder, predictor, inverse-dynamics head),
 * stepped together with one learning rate, each clipping its own gradients:
 *
 * <pre>
 *   for each module k:  g_k <- g_k * min(1, clip / ||g_k||)   (||.|| over module k only)
 *                       AdamW step of module k with lr(step)
 * </pre>
 *
 * <p>Clipping per module keeps a large gradient in one part (the inverse-dynamics head early in
 * training) from shrinking the steps of the others, as one global norm would. {@link #step} returns
 * each module's norm before clipping, for the metrics. Each {@link TrainableState} is checkpointed
 * under its module name ({@code encoder/adam.t}, ...), so a resumed run continues exactly.
 *
 * <p>Use per step, after the forward pass and {@code backward} in one gradient collector:
 * {@code zeroGradients()} before the forward pass (gradients accumulate across backward calls),
 * {@code step(schedule.at(step))} after the collector is closed (in-place updates of parameters fail
 * while it records). Only one collector may be open at a time: train a probe in its own collector
 * after this step. Loshchilov and Hutter, "Decoupled Weight Decay Regularization", ICLR 2019.
 */
public final class ModuleOptimizers implements Checkpointable {
  private final Map<String, TrainableState> modules;
  private final CompositeState checkpoint;

  /** The given module states; no array may belong to two modules. */
  public ModuleOptimizers(Map<String, TrainableState> modules) {
    Checks.arg(modules != null && !modules.isEmpty(), "ModuleOptimizers needs at least one module");
    Map<NDArray, String> owner = new IdentityHashMap<>();
    modules.forEach((name, state) -> state.params().asMap().forEach((pname, array) -> {
      String other = owner.put(array, name + "." + pname);
      Checks.arg(other == null, "parameter %s.%s is also %s; a shared layer must belong to one"
          + " module only, or it is updated twice per step", name, pname, other);
    }));
    this.modules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modules));
    Map<String, Checkpointable> parts = new LinkedHashMap<>(this.modules);
    this.checkpoint = new CompositeState(parts);
  }

  /** An optimizer made by {@code optimizer} for every module with at least one parameter. */
  public static ModuleOptimizers of(Map<String, Parameters> modules,
      Function<Parameters, AdamW> optimizer) {
    Map<String, TrainableState> states = new LinkedHashMap<>();
    modules.forEach((name, p) -> {
      if (p.count() > 0) {
        states.put(name, new TrainableState(p, optimizer.apply(p)));
      }
    });
    return new ModuleOptimizers(states);
  }

  /**
   * AdamW with betas (0.9, 0.999), eps 1e-8 and the given decoupled weight decay, clipping each
   * module's gradient to global norm {@code clipNorm} (0: no clipping).
   */
  public static ModuleOptimizers adamW(Map<String, Parameters> modules, double weightDecay,
      double clipNorm) {
    return of(modules, p -> new AdamW(p, 0.9, 0.999, 1e-8, weightDecay, clipNorm));
  }

  /** The modules' states by name. */
  public Map<String, TrainableState> modules() {
    return modules;
  }

  /** Sets every module's gradients to zero (call before the forward pass of a step). */
  public void zeroGradients() {
    modules.values().forEach(s -> s.params().zeroGradients());
  }

  /**
   * One AdamW step of every module with learning rate {@code lr} (after the collector closed),
   * unless some module's gradient is not finite: then no module moves (a NaN gradient applied
   * once makes every later latent NaN; two long world-model runs ended that way after 900 and
   * 2,200 finite steps) and the step is only reported.
   *
   * @return each module's gradient norm before clipping, by module name (NaN or infinite when
   *     the step was skipped)
   */
  public Map<String, Double> step(double lr) {
    Checks.arg(lr >= 0 && Double.isFinite(lr), "learning rate %s must be finite and >= 0", lr);
    Map<String, Double> norms = new LinkedHashMap<>();
    modules.forEach((name, s) -> norms.put(name, s.optimizer().gradNorm()));
    if (norms.values().stream().allMatch(Double::isFinite)) {
      modules.forEach((name, s) -> s.optimizer().step(lr, norms.get(name)));
    } else {
      skipped++;
    }
    return norms;
  }

  /** Steps skipped because a gradient was not finite, since this object was made. */
  public long skippedSteps() {
    return skipped;
  }

  private long skipped;

  @Override
  public NDList state(NDManager target) {
    return checkpoint.state(target);
  }

  @Override
  public void restore(NDList saved) {
    checkpoint.restore(saved);
  }
}
