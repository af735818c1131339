package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * The predictor of a {@link ContextEncoder}'s states s = [s_learned, c]: the inner predictor sees
 * the context beside the action and predicts the learned part; the context passes through, since
 * the walls do not move,
 *
 * <pre>
 *   Pred([s_learned, c], u) = [ Pred_inner(s_learned, [u, c]) ,  c ]
 * </pre>
 */
public final class ContextPredictor implements Predictor {
  private final Predictor inner;
  private final int learnedDim;
  private final int contextDim;

  /** Wraps {@code inner}, built for latents of size learnedDim and actions of size U + contextDim. */
  public ContextPredictor(Predictor inner, int learnedDim, int contextDim) {
    Checks.arg(learnedDim >= 1 && contextDim >= 1, "context predictor needs learned and context"
        + " sizes >= 1, got %s and %s", learnedDim, contextDim);
    this.inner = inner;
    this.learnedDim = learnedDim;
    this.contextDim = contextDim;
  }

  @Override
  public NDArray next(NDArray state, NDArray encodedAction) {
    Checks.arg(state.getShape().dimension() == 2
        && state.getShape().get(1) == learnedDim + contextDim, "context predictor expects states"
        + " [B, %s], got %s", learnedDim + contextDim, state.getShape());
    NDArray learned = state.get(new NDIndex(":, :{}", learnedDim));
    NDArray context = state.get(new NDIndex(":, {}:", learnedDim));
    NDArray next = inner.next(learned, NDArrays.concat(new NDList(encodedAction, context), 1));
    return NDArrays.concat(new NDList(next, context), 1);
  }

  /** The predictor of the learned part. */
  public Predictor inner() {
    return inner;
  }

  @Override
  public Parameters parameters() {
    return inner.parameters();
  }
}
