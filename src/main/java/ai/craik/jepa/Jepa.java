package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.craik.nn.LossTerms;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An action-conditioned joint-embedding predictive architecture (JEPA) world model, built from
 * parts passed in: an {@link Encoder} s = Enc(o), an {@link ActionEncoder} u = AEnc(a), a
 * {@link Predictor} s' = Pred(s, u), a {@link RegularizerSet} and a {@link PredictionCost}. It
 * makes no architecture choice itself.
 *
 * <p>One {@link #unroll} serves training, evaluation and planning, so the model is planned with
 * exactly as it was trained:
 *
 * <pre>
 *   s_0 given,   s_{t+1} = Pred(s_t, AEnc(a_t)),   t = 0 .. T-1     (predictions from predictions)
 *
 *   training   {@link #loss}:            S = Enc(o_{0..L-1})  [B, L, D]  (one encoder call on B L frames)
 *                                   s_hat = unroll(S[:, k], a[:, k .. k+T-1]) for starts k = 0, T, ...
 *                                   L = cost(s_hat[:, 1..T], S[:, k+1 .. k+T]) + sum_j w_j R_j(S, a)
 *   evaluation {@link #rolloutErrors}:   cost_t of one (L-1)-step rollout from frame 0, no graph   [T]
 *   planning   {@link #unrollCandidates}: s_0 [D] encoded once, broadcast to N candidates     [N, T+1, D]
 * </pre>
 *
 * <p>Shapes: observations [B, C, H, W] (windows [B, L, C, H, W]), actions [B, T, A], latents
 * [B, D], rollouts [B, T + 1, D]; action t moves frame t to frame t + 1. Arrays are created in the
 * inputs' managers: call inside a per-step scope. The rollout in the loss starts from an encoded
 * frame and never sees the encodings of later frames (multi-step, autoregressive, as in PLDM):
 * errors compound as they will when planning.
 *
 * <p>LeCun 2022, "A Path Towards Autonomous Machine Intelligence" (JEPA, section 4); Sobal et al.
 * 2025, "Learning from Reward-Free Offline Data: A Case for Planning with Latent Dynamics Models"
 * (PLDM), arXiv:2502.14819; facebookresearch/eb_jepa ({@code jepa.py}: one {@code unroll}).
 */
public final class Jepa {
  private final Encoder encoder;
  private final ActionEncoder actionEncoder;
  private final Predictor predictor;
  private final RegularizerSet regularizers;
  private final PredictionCost cost;

  /** The model of the given parts. */
  public Jepa(Encoder encoder, ActionEncoder actionEncoder, Predictor predictor,
      RegularizerSet regularizers, PredictionCost cost) {
    Checks.arg(encoder != null && actionEncoder != null && predictor != null
        && regularizers != null && cost != null, "a Jepa needs all five parts, got null");
    this.encoder = encoder;
    this.actionEncoder = actionEncoder;
    this.predictor = predictor;
    this.regularizers = regularizers;
    this.cost = cost;
  }

  public Encoder encoder() {
    return encoder;
  }

  public ActionEncoder actionEncoder() {
    return actionEncoder;
  }

  public Predictor predictor() {
    return predictor;
  }

  public RegularizerSet regularizers() {
    return regularizers;
  }

  public PredictionCost cost() {
    return cost;
  }

  /** The latent size D. */
  public int latentDim() {
    return encoder.latentDim();
  }

  /**
   * The trainable modules, each to get its own optimizer (and its own gradient clipping):
   * {@code encoder}, {@code action_encoder} and {@code predictor} when they have parameters, then
   * the regularizers' heads by term name ({@code idm}).
   */
  public Map<String, Parameters> modules() {
    Map<String, Parameters> out = new LinkedHashMap<>();
    out.put("encoder", encoder.parameters());
    if (actionEncoder.parameters().count() > 0) {
      out.put("action_encoder", actionEncoder.parameters());
    }
    if (predictor.parameters().count() > 0) {
      out.put("predictor", predictor.parameters());
    }
    regularizers.parameters().forEach((name, p) -> {
      Checks.arg(!out.containsKey(name), "regularizer '%s' clashes with a module name", name);
      out.put(name, p);
    });
    return out;
  }

  /** Latents [B, D] of observations [B, C, H, W]. */
  public NDArray encode(NDArray observations) {
    return encoder.encode(observations);
  }

  /** Latents [B, L, D] of windows [B, L, C, H, W], in one encoder call on [B L, C, H, W]. */
  public NDArray encodeWindows(NDArray observations) {
    Shape s = observations.getShape();
    Checks.arg(s.dimension() == 5, "expected windows of observations [B, L, C, H, W], got %s", s);
    long b = s.get(0);
    long l = s.get(1);
    NDArray flat = observations.reshape(b * l, s.get(2), s.get(3), s.get(4)); // [B L, C, H, W]
    return encoder.encode(flat).reshape(b, l, latentDim()); // [B, L, D]
  }

  /**
   * The autoregressive rollout: states [B, T + 1, D] with states[:, 0] = s0 and states[:, t + 1] =
   * Pred(states[:, t], AEnc(actions[:, t])). Records a graph only when a gradient collector is open
   * on this thread (grad mode on). Shapes: s0 [B, D], actions [B, T, A] with T at least 1.
   */
  public Rollout unroll(NDArray s0, NDArray actions) {
    Shape ss = s0.getShape();
    Shape as = actions.getShape();
    Checks.arg(ss.dimension() == 2 && ss.get(1) == latentDim(),
        "unroll expects start latents [B, %s], got %s", latentDim(), ss);
    Checks.arg(as.dimension() == 3 && as.get(0) == ss.get(0) && as.get(1) >= 1,
        "unroll expects actions [%s, T, A] with T >= 1 for start latents %s, got %s", ss.get(0),
        ss, as);
    long b = ss.get(0);
    int t = (int) as.get(1);
    NDArray u = actionEncoder.encode(actions.reshape(b * t, as.get(2))); // [B T, U]
    NDList perStep = u.reshape(b, t, u.getShape().get(1)).split(t, 1); // T x [B, 1, U]
    NDList states = new NDList(t + 1);
    states.add(s0);
    NDArray s = s0;
    for (int i = 0; i < t; i++) {
      s = predictor.next(s, perStep.get(i).squeeze(1)); // [B, D]
      if (i == 0) {
        Checks.arg(s.getShape().equals(ss),
            "the predictor returned %s for latents %s; it must keep the shape [B, D]",
            s.getShape(), ss);
      }
      states.add(s);
    }
    return new Rollout(NDArrays.stack(states, 1)); // [B, T+1, D]
  }

  /**
   * Planning: rollouts [N, T + 1, D] of N candidate action sequences [N, T, A] from one start latent
   * s0 ([D] or [1, D], encoded once), broadcast without copying. Equals {@link #unroll} on N copies
   * of s0. No loss; a graph only when the caller has a gradient collector open (gradient-based
   * planning through the frozen model).
   */
  public Rollout unrollCandidates(NDArray s0, NDArray actions) {
    int rank = s0.getShape().dimension();
    Checks.arg(s0.size() == latentDim() && (rank == 1 || rank == 2), // [D] or [1, D]
        "unrollCandidates expects one start latent [D] or [1, D] with D = %s, got %s",
        latentDim(), s0.getShape());
    Checks.arg(actions.getShape().dimension() == 3,
        "unrollCandidates expects candidate actions [N, T, A], got %s", actions.getShape());
    long n = actions.getShape().get(0);
    NDArray starts = s0.reshape(1, latentDim()).broadcast(new Shape(n, latentDim())); // [N, D]
    return unroll(starts, actions);
  }

  /**
   * The training loss from one start (the first frame): {@link #loss(NDArray, NDArray, int, int,
   * SplittableRandom)} with one rollout start.
   */
  public LossTerms loss(NDArray observations, NDArray actions, int rolloutSteps,
      SplittableRandom rng) {
    return loss(observations, actions, rolloutSteps, 1, rng);
  }

  /**
   * The training loss on windows of L frames: all frames encoded as targets in one encoder call,
   * {@code starts} rollouts of T = {@code rolloutSteps} steps from the encoded frames 0, T, ...,
   * (S - 1) T with the true actions (batched into one unroll of S B rows), the prediction cost
   * averaged over steps, starts and batch, plus the weighted regularizers on all L frames:
   *
   * <pre>
   *   L = pred + sum_j w_j reg_j,   pred = (1/S) sum_k cost(unroll(S[:, kT], a[:, kT .. kT+T-1])[:, 1..T],
   *                                                      S[:, kT+1 .. kT+T])
   * </pre>
   *
   * <p>Parts: {@code pred} and {@code reg.<name>} (raw values); total is the weighted sum. Shapes:
   * observations [B, L, C, H, W], actions [B, L - 1, A] with L - 1 >= starts * T; frames past the
   * last rollout enter the regularizers only. {@code rng} feeds SIGReg's random directions (pass a
   * per-step stream so a resumed run draws the same).
   */
  public LossTerms loss(NDArray observations, NDArray actions, int rolloutSteps, int starts,
      SplittableRandom rng) {
    return trainingLoss(observations, actions, rolloutSteps, starts, rng).terms();
  }

  /**
   * A training loss and the encoded latents [B, L, D] it was computed from. The latents are part of
   * the graph; detach them ({@code stopGradient}) before using them elsewhere, e.g. for the probe
   * or the collapse monitor, so the encoder is not encoded twice per step.
   */
  public record TrainingLoss(LossTerms terms, NDArray latents) {}

  /** {@link #loss(NDArray, NDArray, int, int, SplittableRandom)} with the latents it encoded. */
  public TrainingLoss trainingLoss(NDArray observations, NDArray actions, int rolloutSteps,
      int starts, SplittableRandom rng) {
    return trainingLoss(observations, actions, rolloutSteps, starts, 0.0, rng);
  }

  /**
   * {@link #trainingLoss(NDArray, NDArray, int, int, SplittableRandom)} plus, when
   * {@code oneStep} &gt; 0, a teacher-forced one-step term: the prediction cost of one step from
   * every encoded frame but the last with its true action, logged as {@code pred_1step} and added
   * with weight {@code oneStep}:
   *
   * <pre>
   *   L += oneStep * cost(pred(S[:, t], a[:, t]), S[:, t+1]),   t = 0 .. L - 2
   * </pre>
   *
   * It trains the predictor on the encoder's own latents at every step, where the rollout loss
   * feeds it mostly its own predictions (DINO-WM trains by teacher forcing only; PLDM by rollout).
   */
  public TrainingLoss trainingLoss(NDArray observations, NDArray actions, int rolloutSteps,
      int starts, double oneStep, SplittableRandom rng) {
    Checks.arg(oneStep >= 0, "one-step weight must be >= 0, got %s", oneStep);
    Shape os = observations.getShape();
    Checks.arg(os.dimension() == 5, "loss expects observations [B, L, C, H, W], got %s", os);
    long b = os.get(0);
    long l = os.get(1);
    Checks.arg(actions.getShape().dimension() == 3 && actions.getShape().get(0) == b
        && actions.getShape().get(1) == l - 1,
        "loss expects actions [%s, %s, A] between the %s frames, got %s", b, l - 1, l,
        actions.getShape());
    Checks.arg(rolloutSteps >= 1 && starts >= 1, "rollout_steps=%s and rollout_starts=%s must be"
        + " at least 1", rolloutSteps, starts);
    Checks.arg((long) starts * rolloutSteps <= l - 1, "a window of %s frames holds %s actions,"
        + " fewer than rollout_starts * rollout_steps = %s * %s; use windows of at least %s frames"
        + " or shorter rollouts", l, l - 1, starts, rolloutSteps,
        (long) starts * rolloutSteps + 1);
    NDArray z = encodeWindows(observations); // [B, L, D]
    List<NDArray> s0 = new ArrayList<>(starts);
    List<NDArray> acts = new ArrayList<>(starts);
    List<NDArray> targets = new ArrayList<>(starts);
    for (int k = 0; k < starts; k++) {
      long from = (long) k * rolloutSteps;
      s0.add(z.get(new NDIndex(":, {}", from))); // [B, D]
      acts.add(actions.get(new NDIndex(":, {}:{}", from, from + rolloutSteps))); // [B, T, A]
      targets.add(z.get(new NDIndex(":, {}:{}", from + 1, from + rolloutSteps + 1))); // [B, T, D]
    }
    Rollout rollout = unroll(concat(s0), concat(acts)); // [S B, T+1, D]
    NDArray predicted = rollout.states().get(new NDIndex(":, 1:")); // [S B, T, D]
    NDArray pred = cost.total(learned(predicted), learned(concat(targets))); // []
    LossTerms reg = regularizers.apply(learned(z), actions, rng).prefixed("reg");
    Map<String, NDArray> parts = new LinkedHashMap<>();
    parts.put("pred", pred);
    NDArray total = pred.add(reg.total());
    if (oneStep > 0) {
      long d = z.getShape().get(2);
      NDArray from = z.get(new NDIndex(":, :-1")).reshape(b * (l - 1), d);
      NDArray act = actions.reshape(b * (l - 1), 1, actions.getShape().get(2));
      NDArray next = unroll(from, act).states().get(new NDIndex(":, 1:")); // [B (L-1), 1, D]
      NDArray one = cost.total(learned(next),
          learned(z.get(new NDIndex(":, 1:")).reshape(b * (l - 1), 1, d)));
      parts.put("pred_1step", one);
      total = total.add(one.mul((float) oneStep));
    }
    parts.putAll(reg.parts());
    return new TrainingLoss(new LossTerms(total, parts), z);
  }

  /**
   * Evaluation: the prediction cost of each step [T = L - 1] of one rollout from the first encoded
   * frame of each window with the true actions, against the encoded frames, averaged over the
   * batch; computed with grad mode off (no graph, whatever the thread or an open collector).
   * Shapes: observations [B, L, C, H, W], actions [B, L - 1, A].
   */
  public double[] rolloutErrors(NDArray observations, NDArray actions) {
    return GradMode.disabled(() -> {
      NDArray z = encodeWindows(observations); // [B, L, D]
      long l = z.getShape().get(1);
      Checks.arg(l >= 2 && actions.getShape().dimension() == 3
          && actions.getShape().get(1) == l - 1,
          "rolloutErrors expects windows of L >= 2 frames and actions [B, L - 1, A], got %s and %s",
          observations.getShape(), actions.getShape());
      Rollout r = unroll(z.get(new NDIndex(":, 0")), actions); // [B, L, D]
      NDArray perStep = cost.perStep(learned(r.states().get(new NDIndex(":, 1:"))),
          learned(z.get(new NDIndex(":, 1:")))); // [T]
      float[] f = perStep.toFloatArray();
      double[] out = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        out[i] = f[i];
      }
      return out;
    });
  }

  /**
   * The learned part [..., D − contextDim] of latents [..., D]: what regularizers and the
   * prediction cost see (a {@link ContextEncoder}'s context is pixels, predicted exactly).
   */
  public NDArray learned(NDArray latents) {
    int c = encoder.contextDim();
    return c == 0 ? latents : latents.get(new NDIndex("..., :{}", latentDim() - c));
  }

  private static NDArray concat(List<NDArray> arrays) {
    return arrays.size() == 1 ? arrays.get(0) : NDArrays.concat(new NDList(arrays), 0);
  }
}
