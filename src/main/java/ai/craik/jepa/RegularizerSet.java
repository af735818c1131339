package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.LossTerms;
import ai.craik.nn.Parameters;
import ai.craik.ssl.OffDiagonalCovariance;
import ai.craik.ssl.SigReg;
import ai.craik.ssl.VarianceHinge;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The JEPA's regularizers and their weights, applied once per batch of windows:
 *
 * <pre>
 *   total(S, A) = sum_k w_k * R_k(S, A),   parts = { name_k: R_k(S, A) }   (raw, unweighted)
 * </pre>
 *
 * <p>Shapes: latents [B, L, D] and actions [B, L - 1, A] to a scalar. Terms are reported in the
 * order they were added under their names ({@code std, cov, time_sim, idm, sigreg} from
 * {@link #of}); the stream is passed to every term in that order (only SIGReg draws from it). This
 * is eb_jepa's {@code VC_IDM_Sim_Regularizer} as a composition: each term is a one-job module, and a
 * new one is a new entry, not a new flag.
 *
 * @param terms the named, weighted terms; names unique
 */
public record RegularizerSet(List<Term> terms) {

  /**
   * One term.
   *
   * @param name the part name, e.g. {@code time_sim}
   * @param weight its weight in the total, finite
   * @param regularizer the term
   */
  public record Term(String name, double weight, LatentRegularizer regularizer) {
    public Term {
      Checks.arg(name != null && name.matches("[a-z0-9_]+"),
          "regularizer name '%s' must be lower-case letters, digits and _", name);
      Checks.arg(Double.isFinite(weight), "regularizer '%s' has weight %s; use a finite number",
          name, weight);
      Checks.arg(regularizer != null, "regularizer '%s' is missing", name);
    }
  }

  public RegularizerSet {
    Set<String> names = new HashSet<>();
    for (Term t : terms) {
      Checks.arg(names.add(t.name()), "regularizer name '%s' is used twice", t.name());
    }
    terms = List.copyOf(terms);
  }

  /**
   * The set of the config: every term with a weight above 0, in the order std (VICReg variance
   * hinge, gamma 1, eps 1e-4), cov ({@link OffDiagonalCovariance}), time_sim
   * ({@link TemporalSimilarity}), idm ({@link InverseDynamics}, parameters in a child manager of
   * {@code parent}, initialized from {@code init}), sigreg ({@link SigReg} with LeJEPA's defaults,
   * fresh directions from the loss stream); the batch terms see all B L frames
   * ({@link FrameRegularizer}).
   */
  public static RegularizerSet of(JepaLossConfig cfg, int latentDim, int actionDim,
      NDManager parent, SplittableRandom init) {
    List<Term> terms = new ArrayList<>();
    if (cfg.std() > 0) {
      terms.add(new Term(VarianceHinge.PART, cfg.std(),
          new FrameRegularizer(VarianceHinge.defaults())));
    }
    if (cfg.cov() > 0) {
      terms.add(new Term(OffDiagonalCovariance.PART, cfg.cov(),
          new FrameRegularizer(new OffDiagonalCovariance())));
    }
    if (cfg.timeSim() > 0) {
      terms.add(new Term(TemporalSimilarity.PART, cfg.timeSim(), new TemporalSimilarity()));
    }
    if (cfg.idm() > 0) {
      terms.add(new Term(InverseDynamics.PART, cfg.idm(),
          new InverseDynamics(parent, latentDim, actionDim, cfg.idmHidden(), init)));
    }
    if (cfg.sigreg() > 0) {
      terms.add(new Term(SigReg.PART, cfg.sigreg(), new FrameRegularizer(SigReg.defaults(0L))));
    }
    return new RegularizerSet(terms);
  }

  /** No regularizer (total 0): for a model trained by the prediction cost alone, in tests. */
  public static RegularizerSet none() {
    return new RegularizerSet(List.of());
  }

  /** The weighted total and the raw parts for latents [B, L, D] and actions [B, L - 1, A]. */
  public LossTerms apply(NDArray latents, NDArray actions, SplittableRandom rng) {
    Shape s = latents.getShape();
    Checks.arg(s.dimension() == 3, "regularizers expect latents [B, L, D], got %s", s);
    Checks.arg(actions.getShape().dimension() == 3 && actions.getShape().get(0) == s.get(0)
        && actions.getShape().get(1) == s.get(1) - 1,
        "regularizers expect actions [%s, %s, A] between %s frames, got %s", s.get(0),
        s.get(1) - 1, s.get(1), actions.getShape());
    Map<String, NDArray> parts = new LinkedHashMap<>();
    NDArray total = latents.getManager().zeros(new Shape(), latents.getDataType());
    for (Term t : terms) {
      NDArray raw = t.regularizer().apply(latents, actions, rng).total();
      parts.put(t.name(), raw);
      total = total.add(raw.mul((float) t.weight()));
    }
    return new LossTerms(total, parts);
  }

  /** The trainable parameters of the terms that have some, by term name (e.g. {@code idm}). */
  public Map<String, Parameters> parameters() {
    Map<String, Parameters> out = new LinkedHashMap<>();
    for (Term t : terms) {
      t.regularizer().parameters().ifPresent(p -> out.put(t.name(), p));
    }
    return out;
  }
}
