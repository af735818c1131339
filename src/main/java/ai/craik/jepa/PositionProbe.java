package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.craik.nn.Activation;
import ai.craik.nn.AdamW;
import ai.craik.nn.Mlp;
import ai.craik.nn.Parameters;
import ai.craik.run.Checkpointable;
import ai.craik.train.TrainableState;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;

/**
 * A probe that reads the dot's position from latents: an MLP head h [D, hidden, 2] trained on
 * detached latents, so it measures what the encoder already holds and never shapes it.
 *
 * <pre>
 *   p_hat = CENTRE + HALF_RANGE * h(stopgrad(s))                     (world units)
 *   train:  (1/(2N)) * sum_n ||h(s_n) - (p_n - CENTRE) / HALF_RANGE||^2    (AdamW, own parameters)
 *   error:  (1/N) * sum_n ||p_hat_n - p_n||                            (pixels of the 65-pixel frame)
 * </pre>
 *
 * <p>Targets are normalized to about [-1, 1] (world units run over 0..64; world units are pixels of
 * the 65 frame, so the Euclidean error in world units is the error in those pixels). Shapes:
 * latents [N, D] or [B, L, D] with positions [N, 2] or [B, L, 2]. The probe has its own
 * {@link Parameters} and {@link AdamW} (a {@link TrainableState}) and is checkpointed with the run.
 * {@link #trainStep} opens its own gradient collector: call it after the model's collector closed
 * (only one may be open at a time). Linear/MLP probing of frozen features: Alain and Bengio,
 * "Understanding intermediate layers using linear classifier probes", arXiv:1610.01644; PLDM
 * (Sobal et al. 2025) reports its Two Rooms representation quality this way.
 */
public final class PositionProbe implements Checkpointable {
  /** The centre of the world, subtracted from targets. */
  public static final double CENTRE = 32.0;
  /** Half the world's extent, dividing targets. */
  public static final double HALF_RANGE = 32.0;

  private final Parameters params;
  private final Mlp head;
  private final TrainableState state;
  private final int latentDim;
  private final double learningRate;

  /**
   * A probe [D, hidden, 2] (ReLU) trained by AdamW with the given constant rate; parameters in a
   * new child manager of {@code parent}, initialized from {@code init}.
   */
  public PositionProbe(NDManager parent, int latentDim, int hidden, double learningRate,
      SplittableRandom init) {
    Checks.arg(latentDim >= 1 && hidden >= 1, "PositionProbe needs D and hidden >= 1, got %s, %s",
        latentDim, hidden);
    Checks.arg(learningRate > 0 && Double.isFinite(learningRate),
        "PositionProbe learning rate %s must be > 0", learningRate);
    this.params = new Parameters(parent);
    this.head = new Mlp(params, "probe", new int[] {latentDim, hidden, 2}, Activation.RELU, init);
    this.state = new TrainableState(params, new AdamW(params, 0.9, 0.999, 1e-8, 0.0, 0.0));
    this.latentDim = latentDim;
    this.learningRate = learningRate;
  }

  /** The probe's parameters and optimizer. */
  public TrainableState trainable() {
    return state;
  }

  /**
   * One AdamW step on latents (detached here) and true positions in world units, in its own
   * gradient collector.
   *
   * @return the training loss before the step (normalized units, mean over rows and both axes)
   */
  public double trainStep(NDArray latents, NDArray positions) {
    NDArray[] xy = rows(latents, positions);
    double loss;
    try (NDScope scope = new NDScope()) {
      NDArray x = xy[0].stopGradient(); // [N, D], no gradient into the encoder
      NDArray target = xy[1].sub((float) CENTRE).div((float) HALF_RANGE); // [N, 2]
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        zeroGradients();
        NDArray l = head.forward(x).sub(target).square().mean(); // []
        loss = l.getFloat();
        gc.backward(l);
      }
      scope.suppressNotUsedWarning();
    }
    state.optimizer().step(learningRate);
    return loss;
  }

  /** Predicted positions [N, 2] in world units of latents [N, D] (no graph). */
  public NDArray predict(NDArray latents) {
    Checks.arg(latents.getShape().dimension() >= 1
        && latents.getShape().get(latents.getShape().dimension() - 1) == latentDim,
        "PositionProbe expects latents [..., %s], got %s", latentDim, latents.getShape());
    return GradMode.disabled(() -> read(latents.stopGradient().reshape(-1, latentDim)));
  }

  /**
   * Positions [N, 2] in world units of latents [N, D] with the graph kept: gradients flow to the
   * latents (and so to planned actions) when a collector is open. For costs read inside planning
   * (a wall penalty); {@link #predict} is the detached read.
   */
  public NDArray read(NDArray latents) {
    Checks.arg(latents.getShape().dimension() == 2 && latents.getShape().get(1) == latentDim,
        "PositionProbe.read expects latents [N, %s], got %s", latentDim, latents.getShape());
    return head.forward(latents).mul((float) HALF_RANGE).add((float) CENTRE); // [N, 2]
  }

  /** Mean Euclidean distance between predicted and true positions, in pixels of the 65 frame. */
  public double errorPixels(NDArray latents, NDArray positions) {
    NDArray[] xy = rows(latents, positions);
    return GradMode.disabled(() -> {
      try (NDScope scope = new NDScope()) {
        NDArray d = predict(xy[0]).sub(xy[1]); // [N, 2]
        double e = d.square().sum(new int[] {1}).sqrt().mean().getFloat();
        scope.suppressNotUsedWarning();
        return e;
      }
    });
  }

  @Override
  public NDList state(NDManager target) {
    return state.state(target);
  }

  @Override
  public void restore(NDList saved) {
    state.restore(saved);
  }

  private void zeroGradients() {
    params.zeroGradients();
  }

  /** Latents [N, D] and positions [N, 2] from [..., D] and [..., 2] with the same leading axes. */
  private NDArray[] rows(NDArray latents, NDArray positions) {
    long n = latents.size() / latentDim;
    Checks.arg(latents.getShape().get(latents.getShape().dimension() - 1) == latentDim
        && positions.getShape().get(positions.getShape().dimension() - 1) == 2
        && positions.size() == 2 * n,
        "PositionProbe expects latents [..., %s] and positions [..., 2] with the same leading"
        + " axes, got %s and %s", latentDim, latents.getShape(), positions.getShape());
    return new NDArray[] {latents.reshape(n, latentDim), positions.reshape(n, 2)};
  }
}
