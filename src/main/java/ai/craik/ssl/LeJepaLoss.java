package ai.craik.ssl;

import ai.craik.config.Checks;
import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The LeJEPA objective for two views: views predict their mean (invariance), and SIGReg keeps
 * each view's embeddings isotropic Gaussian (no collapse),
 *
 * <pre>
 *   inv = mean over views, rows and dims of (z_v - (z_a + z_b) / 2)^2 = mean((z_a - z_b)^2) / 4
 *   L   = (1 - lambda) * inv + lambda * [SIGReg(Z_a) + SIGReg(Z_b)] / 2
 * </pre>
 *
 * <p>Parts (raw): {@code inv} and {@code sigreg} (the mean over the views). SIGReg's directions are
 * drawn from the stream given to {@link #loss(NDArray, NDArray, SplittableRandom)} (fresh each
 * step, the same directions for both views), or from its own seed without one. Shapes: za [B, D],
 * zb [B, D] to a scalar.
 *
 * <p>Balestriero and LeCun, "LeJEPA", arXiv:2511.08544, 2025 (lambda = 0.05).
 *
 * @param lambda weight of SIGReg in [0, 1]
 * @param sigreg the statistic and its number of directions
 */
public record LeJepaLoss(double lambda, SigReg sigreg) implements JointEmbeddingLoss {

  public LeJepaLoss {
    Checks.arg(lambda >= 0 && lambda <= 1,
        "LeJepaLoss lambda=%s must be in [0, 1]; LeJEPA uses 0.05", lambda);
  }

  @Override
  public LossTerms loss(NDArray za, NDArray zb) {
    return loss(za, zb, new SplittableRandom(sigreg.seed()));
  }

  @Override
  public LossTerms loss(NDArray za, NDArray zb, SplittableRandom rng) {
    Embeddings.checkPair("LeJepaLoss", za, zb, 1, "a batch needs a row");
    NDArray inv = za.sub(zb).square().mean().div(4f);
    int d = (int) za.getShape().get(1);
    float[] dirs = SigReg.directions(rng, d, sigreg.numProjections());
    NDArray a = za.getManager().create(dirs, new ai.djl.ndarray.types.Shape(d,
        sigreg.numProjections()));
    NDArray sig = sigreg.statistic(za, a).total().add(sigreg.statistic(zb, a).total()).div(2f);
    NDArray total = inv.mul((float) (1 - lambda)).add(sig.mul((float) lambda));
    Map<String, NDArray> parts = new LinkedHashMap<>();
    parts.put(InvarianceMse.PART, inv);
    parts.put(SigReg.PART, sig);
    return new LossTerms(total, parts);
  }
}
