package ai.craik.ssl;

import ai.craik.config.Checks;
import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * VICReg: Variance-Invariance-Covariance Regularization of two views,
 *
 * <pre>
 *   L(Z_a, Z_b) = lambdaInv * s(Z_a, Z_b) + muVar * [v(Z_a) + v(Z_b)] + nuCov * [c(Z_a) + c(Z_b)]
 * </pre>
 *
 * <p>with the invariance s = {@link InvarianceMse}, the variance hinge v = {@link VarianceHinge}
 * (gamma, eps) and the covariance penalty c = {@link CovariancePenalty}, each branch regularized
 * separately and summed as in the paper (the reference code averages the two variance terms
 * instead, i.e. its variance part is half of {@code std} here). Parts (raw): {@code inv} = s,
 * {@code std} = v(Z_a) + v(Z_b), {@code cov} = c(Z_a) + c(Z_b). Shapes: za [B, D], zb [B, D] with B
 * at least 2 to a scalar.
 *
 * <p>Bardes, Ponce, LeCun, "VICReg: Variance-Invariance-Covariance Regularization for
 * Self-Supervised Learning", ICLR 2022, arXiv:2105.04906 (defaults 25, 25, 1, gamma = 1,
 * eps = 1e-4).
 *
 * @param lambdaInv weight of the invariance term, at least 0
 * @param muVar weight of the variance terms, at least 0
 * @param nuCov weight of the covariance terms, at least 0
 * @param gamma target standard deviation of the variance hinge
 * @param eps variance stabilizer of the variance hinge
 */
public record VicRegLoss(double lambdaInv, double muVar, double nuCov, double gamma, double eps)
    implements JointEmbeddingLoss {

  public VicRegLoss {
    checkWeight("lambdaInv", lambdaInv);
    checkWeight("muVar", muVar);
    checkWeight("nuCov", nuCov);
    Checks.arg(Double.isFinite(gamma) && gamma >= 0,
        "VicRegLoss gamma=%s must be finite and at least 0; the paper uses 1", gamma);
    Checks.arg(Double.isFinite(eps) && eps > 0,
        "VicRegLoss eps=%s must be finite and greater than 0; the paper uses 1e-4", eps);
  }

  /** The paper's setting: lambda = mu = 25, nu = 1, gamma = 1, eps = 1e-4. */
  public static VicRegLoss defaults() {
    return new VicRegLoss(25, 25, 1, 1.0, 1e-4);
  }

  @Override
  public LossTerms loss(NDArray za, NDArray zb) {
    Embeddings.checkPair("VicRegLoss", za, zb, 2, "the variance and covariance divide by B - 1");
    VarianceHinge hinge = new VarianceHinge(gamma, eps);
    CovariancePenalty covariance = new CovariancePenalty();
    NDArray inv = new InvarianceMse().loss(za, zb).total();
    NDArray std = hinge.apply(za).total().add(hinge.apply(zb).total());
    NDArray cov = covariance.apply(za).total().add(covariance.apply(zb).total());
    NDArray total = inv.mul((float) lambdaInv)
        .add(std.mul((float) muVar))
        .add(cov.mul((float) nuCov));
    Map<String, NDArray> parts = new LinkedHashMap<>();
    parts.put(InvarianceMse.PART, inv);
    parts.put(VarianceHinge.PART, std);
    parts.put(CovariancePenalty.PART, cov);
    return new LossTerms(total, parts);
  }

  private static void checkWeight(String name, double w) {
    Checks.arg(Double.isFinite(w) && w >= 0,
        "VicRegLoss %s=%s must be finite and at least 0; the paper uses 25, 25, 1", name, w);
  }
}
