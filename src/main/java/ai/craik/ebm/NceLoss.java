package ai.craik.ebm;

import ai.craik.config.Checks;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Noise-contrastive estimation with a learned log-partition. The model is
 * log p(y) = -E(y) - c, where c (an estimate of log Z) is a trainable scalar; a logistic classifier
 * tells data from samples of a noise distribution q whose log-density is known:
 *
 * <pre>
 *   G(y) = log p(y) - log q(y) - log nu = -E(y) - c - log q(y) - log nu
 *   L    = -mean_data log sigma(G(y+)) - nu * mean_noise log(1 - sigma(G(y-)))
 *        =  mean_data softplus(-G(y+)) + nu * mean_noise softplus(G(y-))
 * </pre>
 *
 * where nu = (number of noise samples) / (number of data samples). At the optimum p = data density,
 * so c converges to the true log Z (consistency, Gutmann and Hyvärinen, Theorem 2).
 *
 * <p>Signature: unlike {@link ContrastiveLoss}, NCE needs the noise log-density of both the data and
 * the noise samples and the log-partition c, so it takes two {@link Samples} and c. Shapes: data
 * energies and log q [B]; noise energies and log q [B, M] (or any shape, flattened), so nu = M;
 * c a scalar ([] or [1]), typically made with {@link #addLogPartition}. Scalar out.
 *
 * <p>Reference: Gutmann, Hyvärinen, "Noise-contrastive estimation: A new estimation principle for
 * unnormalized statistical models", AISTATS 2010.
 */
public record NceLoss() {

  /** Name of the log-partition entry made by {@link #addLogPartition}. */
  public static final String LOG_PARTITION = "nce.logPartition";

  /**
   * Energies E(y) and noise log-densities log q(y) of the same samples (same shape).
   *
   * @param energies E(y)
   * @param logNoise log q(y), the log-density of the noise distribution at y
   */
  public record Samples(NDArray energies, NDArray logNoise) {
    public Samples {
      Checks.arg(energies != null && logNoise != null, "NCE samples need energies and logNoise");
      Checks.arg(energies.getShape().equals(logNoise.getShape()),
          "NCE energies %s and logNoise %s must have the same shape",
          energies.getShape(), logNoise.getShape());
      Checks.arg(energies.size() > 0, "NCE samples must not be empty, got shape %s",
          energies.getShape());
    }
  }

  /**
   * Adds the trainable log-partition c (shape [1], named {@value #LOG_PARTITION}) to {@code params}.
   *
   * @param initial the starting value of c, e.g. 0
   */
  public static NDArray addLogPartition(Parameters params, float initial) {
    return params.add(LOG_PARTITION, new float[] {initial}, new Shape(1));
  }

  /**
   * The NCE loss.
   *
   * @param data energies and log q of the observed samples, shape [B]
   * @param noise energies and log q of the noise samples, shape [B, M] (nu = M) or any shape
   * @param logPartition c, a scalar ([] or [1]) that may require a gradient
   * @return a scalar in the data energies' manager
   */
  public NDArray loss(Samples data, Samples noise, NDArray logPartition) {
    Checks.arg(data.energies().getShape().dimension() == 1,
        "NCE data energies must have shape [B], got %s", data.energies().getShape());
    Checks.arg(logPartition != null && logPartition.size() == 1,
        "NCE log-partition c must be a scalar ([] or [1]), got %s",
        logPartition == null ? "null" : logPartition.getShape());
    double nu = (double) noise.energies().size() / data.energies().size();
    double logNu = StrictMath.log(nu);
    // Energies first: results live in the batch's manager, never in c's long-lived one; c ([] or
    // [1]) broadcasts against [B] and [B, M].
    NDArray c = logPartition;
    NDArray gData = data.energies().add(c).add(data.logNoise()).add(logNu).neg(); // G(y+) [B]
    NDArray gNoise = noise.energies().add(c).add(noise.logNoise()).add(logNu).neg(); // G(y-)
    NDArray dataTerm = ContrastiveSupport.softplus(gData.neg()).mean();
    NDArray noiseTerm = ContrastiveSupport.softplus(gNoise).mean().mul(nu);
    return dataTerm.add(noiseTerm);
  }
}
