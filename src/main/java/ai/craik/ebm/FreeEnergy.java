package ai.craik.ebm;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

/**
 * Free energies of an energy matrix E [B, K]: row b holds the energies E(x_b, y_b, z_k) of K latent
 * values (or of K candidate y values). The free energy marginalizes over the K columns:
 *
 * <pre>
 *   F_beta(b) = -(1/beta) log( (1/K) sum_k exp(-beta E[b, k]) )      (softmin, beta > 0)
 *   F_inf(b)  = min_k E[b, k]                                          (zero temperature)
 * </pre>
 *
 * <p>Properties (used as tests): min_k E &lt;= F_beta &lt;= mean_k E (Jensen); F_beta is
 * non-increasing in beta; F_beta -&gt; min_k E as beta -&gt; inf and -&gt; mean_k E as beta -&gt;
 * 0; and dF_beta(b)/dE[b, k] = softmax(-beta E[b, :])_k, the Gibbs probabilities ({@link Gibbs}).
 *
 * <p>All methods are differentiable in E (they are used as training losses) and keep arrays in the
 * manager of E. Reference: LeCun, "A Path Towards Autonomous Machine Intelligence" (2022), eq. for
 * the free energy of a latent-variable EBM; LeCun et al., "A Tutorial on Energy-Based Learning"
 * (2006).
 */
public final class FreeEnergy {
  private FreeEnergy() {}

  /**
   * The zero-temperature free energy and where it is reached.
   *
   * @param energy min_k E[b, k], shape [B], same type as E, differentiable (on ties PyTorch sends
   *     the gradient to one of the tied entries)
   * @param index argmin_k E[b, k], shape [B], int64; ties give the first minimal index
   */
  public record Minimum(NDArray energy, NDArray index) {}

  /**
   * The softmin free energy F_beta [B] of E [B, K] (formula in the class Javadoc).
   *
   * <p>Computed stably in E's own type: with m = min_k E (held constant, which leaves value and
   * gradient unchanged) and a_k = -beta (E_k - m) &lt;= 0,
   *
   * <pre>
   *   F_beta = m - (1/beta) log1p( (1/K) sum_k expm1(a_k) )
   *   expm1(a) = 2 tanh(a/2) / (1 - tanh(a/2)),    log1p(u) = 2 atanh(u / (2 + u)),
   *   atanh(w) = w (1 + w^2/3 + w^4/5 + ... + w^10/11)      if |w| &lt; 1/8
   *            = (1/2) log((1 + w) / (1 - w))                otherwise
   * </pre>
   *
   * The expm1/log1p forms keep full relative precision when beta (E - m) is tiny, so the beta -&gt;
   * 0 limit (the mean) is reached without the 1e-7/beta rounding error of log(mean(exp(a))) in
   * float32. They are built from tanh, log and a series because DJL has no expm1/log1p, its PyTorch
   * engine does not implement atanh, and its type cast is not differentiable (so computing in
   * float64 would cut the graph). F_beta &gt;= min_k E holds exactly (every factor keeps its sign);
   * the result is finally capped at mean_k E, which only removes rounding. {@code beta =
   * Double.POSITIVE_INFINITY} returns min_k E exactly.
   *
   * @param e energies [B, K], K &gt;= 1, finite
   * @param beta inverse temperature, &gt; 0 or {@code Double.POSITIVE_INFINITY}
   * @return F_beta [B]
   */
  public static NDArray softmin(NDArray e, double beta) {
    checkBeta(beta);
    checkEnergies(e);
    int[] rows = {1};
    if (beta == Double.POSITIVE_INFINITY) {
      return e.min(rows);
    }
    NDArray shift = e.min(rows, true).stopGradient(); // m: [B, 1]
    NDArray a = e.sub(shift).mul(-beta); // a_k <= 0: [B, K]
    NDArray u = expm1(a).mean(rows); // mean_k exp(a_k) - 1 in (-1, 0]: [B]
    NDArray f = log1p(u).div(-beta).add(shift.squeeze(1)); // [B]
    return f.minimum(e.mean(rows)); // f >= m holds exactly: log1p(u) <= 0 by construction
  }

  /** exp(a) - 1 = 2 t / (1 - t), t = tanh(a/2); accurate for small |a|, -1 at a = -inf. */
  private static NDArray expm1(NDArray a) {
    NDArray t = a.mul(0.5).tanh();
    return t.mul(2).div(t.neg().add(1));
  }

  /** log(1 + u) = 2 atanh(u / (2 + u)) for u &gt; -1; accurate for small |u| (series branch). */
  private static NDArray log1p(NDArray u) {
    NDArray w = u.div(u.add(2)); // in (-1, 1)
    NDArray w2 = w.square();
    NDArray series = w2.div(11).add(1.0 / 9).mul(w2).add(1.0 / 7).mul(w2).add(1.0 / 5).mul(w2)
        .add(1.0 / 3).mul(w2).add(1).mul(w); // atanh(w), error < w^12/13
    NDArray logForm = w.add(1).div(w.neg().add(1)).log().mul(0.5);
    NDArray small = w.abs().lt(0.125);
    return NDArrays.where(small, series, logForm).mul(2);
  }

  /** min_k E[b, k] [B] and argmin_k E[b, k] [B] (int64, first index on ties) of E [B, K]. */
  public static Minimum zeroTemperature(NDArray e) {
    checkEnergies(e);
    return new Minimum(e.min(new int[] {1}), e.argMin(1));
  }

  /** Rejects beta &lt;= 0 and NaN; shared with {@link Gibbs}. */
  static void checkBeta(double beta) {
    Checks.arg(!Double.isNaN(beta) && beta > 0,
        "beta=%s must be > 0 (an inverse temperature); use Double.POSITIVE_INFINITY for min_k E,"
            + " a small beta such as 1e-3 to approach mean_k E", beta);
  }

  /** Requires E [B, K] with K &gt;= 1; shared with {@link Gibbs}. */
  static void checkEnergies(NDArray e) {
    ShapeChecks.matrix(e, "energies E", "[B, K] (K latent or candidate values per row)");
    Checks.arg(e.getShape().get(1) >= 1,
        "energies E %s has no columns; need K >= 1 values per row", e.getShape());
  }
}
