package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.LossTerms;
import ai.craik.nn.Mlp;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Inverse dynamics: an MLP head g reads the action from two consecutive latents, and its error
 * trains both the head and the encoder,
 *
 * <pre>
 *   a_hat[b, t] = g([S[b, t], S[b, t + 1]])                         (concatenation, [2D] to [A])
 *   idm(S, A)   = (1/(B (L - 1) A)) * sum_{b, t} ||a_hat[b, t] - A[b, t]||^2
 * </pre>
 *
 * <p>Shapes: latents [B, L, D] and actions [B, L - 1, A] to a scalar, reported under
 * {@value #PART}; g is an {@link Mlp} [2D, hidden, A] with ReLU. The latents must keep what the
 * action changed (the dot's position), which the variance and covariance terms alone do not
 * demand: they are equally satisfied by latents that spread out the static wall layout, which the
 * predictor finds trivially predictable, and lose the dot. PLDM and eb_jepa report that Two Rooms
 * models trained without this term collapse in this way. The head owns its {@link Parameters}
 * ({@code idm.w0, idm.b0, idm.w1, idm.b1}), trained by their own optimizer.
 *
 * <p>Sobal et al. 2025, PLDM, arXiv:2502.14819; eb_jepa's {@code InverseDynamicsLoss} (hidden 256).
 */
public final class InverseDynamics implements LatentRegularizer {
  /** Part name of the term. */
  public static final String PART = "idm";

  private final Parameters params;
  private final Mlp head;
  private final int latentDim;
  private final int actionDim;

  /** A head [2D, hidden, A] whose parameters live in a new child manager of {@code parent}. */
  public InverseDynamics(NDManager parent, int latentDim, int actionDim, int hidden,
      SplittableRandom init) {
    Checks.arg(latentDim >= 1 && actionDim >= 1 && hidden >= 1,
        "InverseDynamics needs D, A and hidden >= 1, got D=%s, A=%s, hidden=%s",
        latentDim, actionDim, hidden);
    this.params = new Parameters(parent);
    this.head = new Mlp(params, PART, new int[] {2 * latentDim, hidden, actionDim},
        Activation.RELU, init);
    this.latentDim = latentDim;
    this.actionDim = actionDim;
  }

  /** Predicted actions [N, A] from latents s [N, D] and next latents [N, D]. */
  public NDArray predict(NDArray s, NDArray next) {
    return head.forward(s.concat(next, 1)); // [N, 2D] -> [N, A]
  }

  @Override
  public LossTerms apply(NDArray latents, NDArray actions, SplittableRandom rng) {
    long b = latents.getShape().get(0);
    long l = latents.getShape().get(1);
    Checks.arg(latents.getShape().dimension() == 3 && latents.getShape().get(2) == latentDim
        && l >= 2, "InverseDynamics expects latents [B, L, %s] with L >= 2, got %s", latentDim,
        latents.getShape());
    Checks.arg(actions.getShape().equals(new Shape(b, l - 1, actionDim)),
        "InverseDynamics expects actions [%s, %s, %s] between the %s frames, got %s", b, l - 1,
        actionDim, l, actions.getShape());
    long n = b * (l - 1);
    NDArray s = latents.get(new NDIndex(":, :{}", l - 1)).reshape(n, latentDim); // [B(L-1), D]
    NDArray next = latents.get(new NDIndex(":, 1:")).reshape(n, latentDim); // [B(L-1), D]
    NDArray err = predict(s, next).sub(actions.reshape(n, actionDim)); // [B(L-1), A]
    NDArray idm = err.square().mean(); // []
    return new LossTerms(idm, Map.of(PART, idm));
  }

  @Override
  public Optional<Parameters> parameters() {
    return Optional.of(params);
  }
}
