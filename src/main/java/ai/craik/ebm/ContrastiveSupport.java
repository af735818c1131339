package ai.craik.ebm;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;

/** Shape checks and stable reductions shared by the contrastive losses. */
final class ContrastiveSupport {
  private ContrastiveSupport() {}

  /** Checks positive [B] and negatives [B, M] with M &gt;= 1. */
  static void checkPair(String loss, NDArray positive, NDArray negatives) {
    checkPositive(loss, positive);
    Checks.arg(negatives != null, "%s: negatives are required, shape [B, M]", loss);
    Checks.arg(negatives.getShape().dimension() == 2
            && negatives.getShape().get(0) == positive.getShape().get(0)
            && negatives.getShape().get(1) >= 1,
        "%s: negatives must have shape [B, M] = [%s, M>=1] to match positive %s, got %s",
        loss, positive.getShape().get(0), positive.getShape(), negatives.getShape());
  }

  /** Checks positive [B] with B &gt;= 1. */
  static void checkPositive(String loss, NDArray positive) {
    Checks.arg(positive != null, "%s: positive energies are required, shape [B]", loss);
    Checks.arg(positive.getShape().dimension() == 1 && positive.getShape().get(0) >= 1,
        "%s: positive energies must have shape [B] with B >= 1, got %s", loss, positive.getShape());
  }

  /** Checks that a hyperparameter is positive and finite. */
  static void checkPositiveFinite(String what, double value, String example) {
    Checks.arg(value > 0 && Double.isFinite(value),
        "%s=%s must be positive and finite; use e.g. %s", what, value, example);
  }

  /**
   * log sum_k exp(a_k) over {@code axis}, computed as max + log sum exp(a - max) so it neither
   * overflows nor underflows; the max is a constant for autograd (its gradient cancels exactly).
   */
  static NDArray logSumExp(NDArray a, int axis) {
    NDArray max = a.max(new int[] {axis}, true).stopGradient();
    return a.sub(max).exp().sum(new int[] {axis}).log().add(max.squeeze(axis));
  }

  /** log(1 + exp(x)), element-wise and stable for large |x|. */
  static NDArray softplus(NDArray x) {
    return x.getNDArrayInternal().softPlus();
  }
}
