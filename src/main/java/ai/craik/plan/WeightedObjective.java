package ai.craik.plan;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A weighted sum of named cost terms,
 *
 * <pre>
 *   c_i = sum_j w_j c_j(states, actions)_i      states [N, T + 1, D], actions [N, T, A], c [N]
 * </pre>
 *
 * e.g. {@code goal} ({@link GoalDistance}) + 0.01 {@code action} ({@link ActionMagnitude}). Any
 * {@link PlanObjective} plugs in as a term (a learned critic later); {@link #with} returns a copy
 * with one more term. {@link #parts} gives each term's raw (unweighted) value per candidate, for
 * diagnostics, under the term's name.
 *
 * @param terms the terms in order, names unique
 */
public record WeightedObjective(List<Term> terms) implements PlanObjective {

  /** One term: its name (a diagnostics key), weight w_j &gt;= 0 and objective. */
  public record Term(String name, double weight, PlanObjective objective) {
    public Term {
      Checks.arg(name != null && !name.isBlank(), "objective term needs a name, got '%s'", name);
      Checks.arg(Double.isFinite(weight) && weight >= 0,
          "objective term '%s' has weight %s; use a finite weight >= 0", name, weight);
      Checks.arg(objective != null, "objective term '%s' has no objective (null)", name);
    }
  }

  public WeightedObjective {
    Checks.arg(terms != null && !terms.isEmpty(),
        "a weighted objective needs at least one term; add e.g. a goal distance");
    terms = List.copyOf(terms);
    Set<String> names = new HashSet<>();
    for (Term t : terms) {
      Checks.arg(names.add(t.name()), "objective term '%s' appears twice; give each term its own"
          + " name", t.name());
    }
  }

  /** An objective of one term. */
  public static WeightedObjective of(String name, double weight, PlanObjective objective) {
    return new WeightedObjective(List.of(new Term(name, weight, objective)));
  }

  /** A copy with one more term. */
  public WeightedObjective with(String name, double weight, PlanObjective objective) {
    List<Term> more = new ArrayList<>(terms);
    more.add(new Term(name, weight, objective));
    return new WeightedObjective(more);
  }

  @Override
  public NDArray cost(NDArray states, NDArray actions) {
    NDArray total = null;
    for (Term t : terms) {
      NDArray c = t.objective().cost(states, actions); // [N]
      NDArray weighted = t.weight() == 1.0 ? c : c.mul((float) t.weight());
      total = total == null ? weighted : total.add(weighted);
    }
    return total;
  }

  /** Each term's raw (unweighted) cost [N] by name, in term order. */
  public Map<String, NDArray> parts(NDArray states, NDArray actions) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (Term t : terms) {
      out.put(t.name(), t.objective().cost(states, actions));
    }
    return out;
  }

  /**
   * Each term's raw cost per candidate on the host, by name, computed with grad mode off: for
   * diagnostics (which term dominates the chosen plan).
   */
  public Map<String, double[]> partValues(NDArray states, NDArray actions) {
    return GradMode.disabled(() -> {
      Map<String, double[]> out = new LinkedHashMap<>();
      parts(states, actions).forEach((name, c) -> {
        float[] f = c.toType(DataType.FLOAT32, false).toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
          d[i] = f[i];
        }
        out.put(name, d);
      });
      return out;
    });
  }
}
