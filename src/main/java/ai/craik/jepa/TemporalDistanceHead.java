package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.AdamW;
import ai.craik.nn.Mlp;
import ai.craik.nn.Parameters;
import ai.craik.nn.WeightInit;
import ai.craik.run.Checkpointable;
import ai.craik.train.TrainableState;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;

/**
 * A learned temporal distance between latent states: d(s_a, s_b) &gt;= 0 predicts how many steps
 * of play separate s_a from s_b, a wall-aware cost-to-go for planning (the plain latent distance
 * ||s_a − s_b|| ignores walls: states on either side of a wall can be close in latent space and
 * far apart in steps).
 *
 * <pre>
 *   phi(s) = SiLU(MLP [D, hidden...](s)) W,   W [h_last, M]    an embedding of one latent
 *   d(s_a, s_b) = K * ( sqrt(||phi(s_a) − phi(s_b)||^2 + eps) − sqrt(eps) ),   eps = 1e-6
 *   train:  L = L_tau( d(s_i, s_j) / K,  min(j − i, K) / K )   for frames i &lt; j of one trajectory
 * </pre>
 *
 * with K = {@code maxGap} steps and L_tau the {@link ExpectileLoss} with tau &lt; 0.5.
 *
 * <p><b>Why a metric embedding.</b> d is a distance in an embedding space (as in HILP, Park,
 * Kreiman, Levine, "Foundation Policies with Hilbert Representations", ICML 2024,
 * arXiv:2402.15567, where ||phi(s) − phi(g)|| is trained to be the temporal distance; and the
 * symmetric part of metric residual networks, Liu et al. 2023, arXiv:2208.08133). By construction
 * d(s, s) = 0, d &gt;= 0, d is symmetric and obeys the triangle inequality, the structure of a
 * shortest-path distance: the triangle inequality lets segments seen in different trajectories
 * compose ("stitching"), the argument of quasimetric RL (Wang, Torralba, Isola, Zhang,
 * "Optimal Goal-Reaching Reinforcement Learning via Quasimetric Learning", ICML 2023,
 * arXiv:2304.01203) for quasimetric heads. Symmetric rather than quasimetric because Two Rooms is
 * reversible: a move from p to q is legal exactly when the move back is (the segment is the same),
 * and random play's heading walk is as likely forwards as backwards, so d(a, b) = d(b, a) for the
 * shortest path, and every pair (i, j) also teaches the reverse direction. The eps smoothing keeps
 * the gradient finite at d = 0 (the gradient planner differentiates d); SiLU keeps d smooth in s.
 * Goal-distance cost: phi(g) is computed once per call, so N states cost N embeddings.
 *
 * <p><b>Why an expectile.</b> Random play wanders: the observed gap j − i between two states is
 * the shortest path only for the most direct passages, and longer otherwise. Regressing the mean
 * gap (tau = 0.5) would learn the average wandering time; a low expectile (tau &lt; 0.5) leans the
 * fit to the short gaps, towards the shortest path along the data (the Monte Carlo counterpart of
 * IQL's and HILP's expectile value learning, Kostrikov et al. 2022, arXiv:2110.06169). Targets
 * are clipped at K and scaled by 1/K so the loss is O(1) whatever the trajectory length. The quick
 * preset's tau = 0.05 mirrors HILP's expectile 0.95 on values V = −d, and ranked best of 0.05, 0.1
 * and 0.5 on a trained quick model (docs/world-model.md).
 *
 * <p>The output layer W has no bias: d depends only on differences of embeddings, so a bias would
 * cancel (and get no gradient). With no hidden layer, phi(s) = s W (a learned Mahalanobis
 * distance).
 *
 * <p>Shapes: latents [N, D], gaps [N] (steps), distances [N] (steps). The head has its own
 * {@link Parameters} and {@link AdamW} (a {@link TrainableState}), is checkpointed with the run,
 * and never trains the encoder (callers pass detached latents). {@link #trainStep} opens its own
 * gradient collector: call it when no other collector is open.
 */
public final class TemporalDistanceHead implements Checkpointable {
  private static final double EPS = 1e-6;
  private static final float SQRT_EPS = (float) Math.sqrt(EPS);

  private final Parameters params;
  private final Mlp hiddenLayers; // null with no hidden layer
  private final NDArray out; // W [h_last, M]
  private final TrainableState state;
  private final int latentDim;
  private final double maxGap;
  private final double learningRate;

  /** One AdamW step's loss (before the step) and global gradient norm. */
  public record TrainStep(double loss, double gradNorm) {}

  /**
   * A head phi [D, hidden..., embedding] (no hidden layer: linear) trained by AdamW (gradient norm clipped at 1) with the
   * given constant rate; parameters in a new child manager of {@code parent}, initialized from
   * {@code init}.
   *
   * @param maxGap K, the step gap at which targets saturate, and the unit of the scaled loss
   */
  public TemporalDistanceHead(NDManager parent, int latentDim, int[] hidden, int embedding,
      double maxGap, double learningRate, SplittableRandom init) {
    Checks.arg(latentDim >= 1 && embedding >= 1, "TemporalDistanceHead needs D and embedding"
        + " >= 1, got %s and %s", latentDim, embedding);
    Checks.arg(maxGap >= 1 && Double.isFinite(maxGap), "TemporalDistanceHead max gap %s must be"
        + " >= 1 step", maxGap);
    Checks.arg(learningRate > 0 && Double.isFinite(learningRate),
        "TemporalDistanceHead learning rate %s must be > 0", learningRate);
    this.params = new Parameters(parent);
    int last = latentDim;
    if (hidden.length > 0) {
      int[] widths = new int[hidden.length + 1];
      widths[0] = latentDim;
      System.arraycopy(hidden, 0, widths, 1, hidden.length);
      this.hiddenLayers = new Mlp(params, "distance.phi", widths, Activation.SILU, init);
      last = hidden[hidden.length - 1];
    } else {
      this.hiddenLayers = null;
    }
    this.out = params.add("distance.phi.out", WeightInit.GLOROT_UNIFORM.draw(last * embedding,
        last, embedding, init), new Shape(last, embedding));
    this.state = new TrainableState(params, new AdamW(params, 0.9, 0.999, 1e-8, 0.0, 1.0));
    this.latentDim = latentDim;
    this.maxGap = maxGap;
    this.learningRate = learningRate;
  }

  /** The latent size D. */
  public int latentDim() {
    return latentDim;
  }

  /** K, the gap (steps) at which training targets saturate. */
  public double maxGap() {
    return maxGap;
  }

  /** The head's parameters and optimizer. */
  public TrainableState trainable() {
    return state;
  }

  /** The embedding phi(s) [N, M] of latents [N, D]; records a graph when grad mode is on. */
  public NDArray embed(NDArray latents) {
    checkLatents("latents", latents);
    return phi(latents);
  }

  /**
   * d(s_a, s_b) [N] in steps for latents [N, D] and [N, D] (or [1, D], broadcast); differentiable
   * in both inputs and in the head's parameters when grad mode is on.
   */
  public NDArray distance(NDArray a, NDArray b) {
    checkLatents("first latents", a);
    checkLatents("second latents", b);
    return fromEmbeddings(phi(a), phi(b));
  }

  /** d(s_n, g) [N] in steps from latents [N, D] to one goal latent g [D] or [1, D]. */
  public NDArray distanceTo(NDArray states, NDArray goal) {
    Checks.arg(goal.size() == latentDim, "goal latent must hold D = %s values, got %s",
        latentDim, goal.getShape());
    return distance(states, goal.reshape(1, latentDim));
  }

  /**
   * The scaled expectile loss (see the class comment) of pairs a [N, D], b [N, D] with observed
   * gaps [N] (steps; clipped at K here); differentiable in the head's parameters.
   */
  public NDArray loss(NDArray a, NDArray b, NDArray gaps, double tau) {
    Checks.arg(gaps.getShape().dimension() == 1 && gaps.size() == a.getShape().get(0),
        "gaps must be [N] with N = %s pairs, got %s", a.getShape().get(0), gaps.getShape());
    NDArray scaled = distance(a, b).div((float) maxGap); // [N]
    NDArray target = gaps.toType(scaled.getDataType(), false).minimum((float) maxGap)
        .div((float) maxGap); // [N]
    return ExpectileLoss.of(scaled, target, tau);
  }

  /**
   * One AdamW step on pairs (latents detached here) and their gaps, in its own gradient
   * collector.
   */
  public TrainStep trainStep(NDArray a, NDArray b, NDArray gaps, double tau) {
    double loss;
    try (NDScope scope = new NDScope()) {
      NDArray da = a.stopGradient(); // no gradient into the encoder
      NDArray db = b.stopGradient();
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        zeroGradients();
        NDArray l = loss(da, db, gaps, tau);
        loss = l.getFloat();
        gc.backward(l);
      }
      scope.suppressNotUsedWarning();
    }
    double norm = state.optimizer().step(learningRate);
    return new TrainStep(loss, norm);
  }

  @Override
  public NDList state(NDManager target) {
    return state.state(target);
  }

  @Override
  public void restore(NDList saved) {
    state.restore(saved);
  }

  private NDArray phi(NDArray x) {
    NDArray h = hiddenLayers == null ? x : Activation.SILU.apply(hiddenLayers.forward(x));
    return h.matMul(out); // [N, M]
  }

  private NDArray fromEmbeddings(NDArray ea, NDArray eb) {
    NDArray sq = ea.sub(eb).square().sum(new int[] {1}); // [N]
    return sq.add((float) EPS).sqrt().sub(SQRT_EPS).mul((float) maxGap); // [N] steps
  }

  private void checkLatents(String what, NDArray x) {
    Checks.arg(x.getShape().dimension() == 2 && x.getShape().get(1) == latentDim,
        "TemporalDistanceHead expects %s [N, %s], got %s", what, latentDim, x.getShape());
  }

  private void zeroGradients() {
    params.zeroGradients();
  }
}
