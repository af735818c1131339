package ai.craik.ssl;

import ai.craik.config.Checks;
import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.util.Map;

/**
 * The contrastive InfoNCE loss of two views as SimCLR uses it (NT-Xent, normalized
 * temperature-scaled cross-entropy): the 2B embeddings are L2-normalized, and each must pick its
 * partner view among the other 2B - 1 by cosine similarity at temperature tau,
 *
 * <pre>
 *   u_i = z_i / |z_i|,   s_ij = u_i . u_j / tau             i, j over the 2B rows of [Z_a; Z_b]
 *   L = (1 / 2B) sum_i -log( exp(s_{i,p(i)}) / sum_{j != i} exp(s_ij) )
 * </pre>
 *
 * with p(i) the other view of the same input. In the energy view the energy of a pair is minus its
 * scaled cosine similarity, and the other 2B - 2 rows are the negatives (the NLL loss over a sampled
 * answer set, see {@link ai.craik.ebm.InfoNceLoss}). L = log(2B - 1) when all similarities are
 * equal. Part: {@code infonce}. Shapes: za [B, D], zb [B, D] with B at least 2 to a scalar.
 *
 * <p>Chen et al., "A Simple Framework for Contrastive Learning of Visual Representations", ICML
 * 2020, arXiv:2002.05709; van den Oord et al., arXiv:1807.03748.
 *
 * @param temperature tau, greater than 0 (SimCLR: 0.1 to 0.5)
 */
public record NtXentLoss(double temperature) implements JointEmbeddingLoss {
  /** Part name of the term. */
  public static final String PART = "infonce";

  public NtXentLoss {
    Checks.arg(Double.isFinite(temperature) && temperature > 0,
        "NtXentLoss temperature=%s must be finite and greater than 0; SimCLR uses 0.1-0.5",
        temperature);
  }

  @Override
  public LossTerms loss(NDArray za, NDArray zb) {
    Embeddings.checkPair("NtXentLoss", za, zb, 2, "each row needs a negative");
    int b = (int) za.getShape().get(0);
    NDArray z = za.concat(zb, 0); // [2B, D]
    NDArray u = z.div(z.norm(new int[] {1}, true).maximum(1e-8f)); // [2B, D]
    NDArray s = u.matMul(u.transpose()).div((float) temperature); // [2B, 2B]
    // Exclude each row's own similarity by pushing it far below the others.
    NDArray self = Embeddings.eye(s, 2 * b).mul(-1e9f);
    NDArray logp = s.add(self).logSoftmax(1); // [2B, 2B]
    int[] partner = new int[2 * b];
    for (int i = 0; i < b; i++) {
      partner[i] = i + b;
      partner[i + b] = i;
    }
    NDArray idx = z.getManager().create(partner).toType(DataType.INT64, false).reshape(2 * b, 1);
    NDArray picked = logp.gather(idx, 1); // [2B, 1]
    NDArray total = picked.mean().neg();
    return new LossTerms(total, Map.of(PART, total));
  }
}
