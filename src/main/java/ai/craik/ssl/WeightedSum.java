package ai.craik.ssl;

import ai.craik.config.Checks;
import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A weighted sum of named regularizers, the one place where their weights are applied:
 *
 * <pre>
 *   total(Z) = sum_k w_k * R_k(Z),   parts = { name_k: R_k(Z) }   (raw, unweighted)
 * </pre>
 *
 * <p>Shapes: z [B, D] to a scalar. Each term is reported under its own name by its raw total (its
 * own sub-parts are not repeated), in the order the terms were added; a weight of 0 keeps a term as
 * a logged diagnostic that does not train. {@link #apply(NDArray, SplittableRandom)} passes the
 * stream to the terms in order, so a {@link SigReg} term draws fresh directions from it.
 *
 * <p>Example, VICReg's regularizer (Bardes, Ponce, LeCun, ICLR 2022, arXiv:2105.04906) next to a
 * SIGReg diagnostic:
 *
 * <pre>{@code
 * Regularizer reg = WeightedSum.of("std", 25, VarianceHinge.defaults())
 *     .plus("cov", 1, new CovariancePenalty())
 *     .plus("sigreg", 0, SigReg.defaults(7L));
 * }</pre>
 *
 * @param terms the named, weighted terms; names are unique and non-blank, weights finite
 */
public record WeightedSum(List<Term> terms) implements Regularizer {

  /**
   * One term of the sum.
   *
   * @param name the part name it is reported under, e.g. {@code std}
   * @param weight its weight in the total, finite
   * @param regularizer the term
   */
  public record Term(String name, double weight, Regularizer regularizer) {
    public Term {
      Checks.arg(name != null && !name.isBlank(), "a WeightedSum term needs a non-blank name");
      Checks.arg(Double.isFinite(weight), "WeightedSum term '%s' has weight %s; use a finite number",
          name, weight);
      Checks.arg(regularizer != null, "WeightedSum term '%s' has no regularizer", name);
    }
  }

  public WeightedSum {
    Checks.arg(terms != null && !terms.isEmpty(), "a WeightedSum needs at least one term");
    Set<String> names = new HashSet<>();
    for (Term term : terms) {
      Checks.arg(names.add(term.name()),
          "WeightedSum term name '%s' is used twice; give every term its own name", term.name());
    }
    terms = List.copyOf(terms);
  }

  /** A sum with the single term {@code weight * regularizer}, reported as {@code name}. */
  public static WeightedSum of(String name, double weight, Regularizer regularizer) {
    return new WeightedSum(List.of(new Term(name, weight, regularizer)));
  }

  /** A new sum with one more term (this one is unchanged). */
  public WeightedSum plus(String name, double weight, Regularizer regularizer) {
    List<Term> more = new ArrayList<>(terms);
    more.add(new Term(name, weight, regularizer));
    return new WeightedSum(more);
  }

  @Override
  public LossTerms apply(NDArray z) {
    return combine(r -> r.apply(z));
  }

  @Override
  public LossTerms apply(NDArray z, SplittableRandom rng) {
    return combine(r -> r.apply(z, rng));
  }

  private LossTerms combine(Function<Regularizer, LossTerms> evaluate) {
    Map<String, NDArray> parts = new LinkedHashMap<>();
    NDArray total = null;
    for (Term term : terms) {
      NDArray raw = evaluate.apply(term.regularizer()).total();
      parts.put(term.name(), raw);
      NDArray weighted = raw.mul((float) term.weight());
      total = total == null ? weighted : total.add(weighted);
    }
    return new LossTerms(total, parts);
  }
}
