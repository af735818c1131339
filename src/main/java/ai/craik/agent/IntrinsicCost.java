package ai.craik.agent;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.craik.plan.ActionMagnitude;
import ai.craik.plan.PlanObjective;
import ai.craik.plan.WeightedObjective;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intrinsic cost IC: the agent's fixed drives, a weighted sum of fixed sub-costs,
 *
 * <pre>
 *   IC(step into s_{t+1}) = w_goal  goal(s_{t+1})                distance to the goal latent
 *                         + w_action ||a_t||^2                   action energy
 *                         + w_oracle_wall oracle_wall(p(s_{t+1}))
 *                                                                an oracle, off by default: the
 *                                                                true walls' proximity, read by
 *                                                                the position probe
 *                         - w_curiosity ||f(s_t, a_t) - s_{t+1}||^2   curiosity: the world model's
 *                                                                 surprise, a reward
 *   cost(imagined trajectory) = sum_{t=1..T} IC(step t)          ({@link PlanObjective})
 * </pre>
 *
 * <p>IC is immutable and has no trainable parameters ({@link #trainableParameters} is empty; the
 * networks it reads, the distance head and the oracle term's probe, belong to the frozen world
 * model and no optimizer sees them through it). Its weights are read-only ({@link #weights}
 * refuses changes); only the {@link Configurator} builds one (the constructor is
 * package-private), and a new goal is a new IC. Curiosity needs an observed next state: on
 * imagined steps the model predicts its own state, so the term is identically 0 there and only
 * {@link #observed} counts it; what the critic learns from memory carries it into planning.
 */
public final class IntrinsicCost implements PlanObjective {
  /** Sub-cost names, in order. */
  public static final List<String> TERMS = List.of("goal", "action", "oracle_wall",
      "curiosity");

  private final Map<String, Double> weights;
  private final float[] goal;
  private final WeightedObjective imagined;
  private final WorldModel model;

  /**
   * @param weights a weight &gt;= 0 per name of {@link #TERMS} (missing names weigh 0)
   * @param goal the goal latent [D] the goal term measures against
   * @param goalTerm the goal sub-cost (e.g. learned or latent distance to {@code goal})
   * @param oracleWallTerm the oracle wall sub-cost ({@link OracleWallProximity}: reads the true
   *     layout and the position probe), or null when its weight is 0 (the default)
   * @param model the world model (for curiosity)
   */
  IntrinsicCost(Map<String, Double> weights, float[] goal, PlanObjective goalTerm,
      PlanObjective oracleWallTerm, WorldModel model) {
    Map<String, Double> w = new LinkedHashMap<>();
    for (String name : TERMS) {
      double v = weights.getOrDefault(name, 0.0);
      Checks.arg(Double.isFinite(v) && v >= 0, "intrinsic cost weight %s=%s must be finite and"
          + " >= 0", name, v);
      w.put(name, v);
    }
    for (String name : weights.keySet()) {
      Checks.arg(TERMS.contains(name), "unknown intrinsic cost term '%s'; use one of %s", name,
          TERMS);
    }
    Checks.arg(goal != null && goal.length == model.latentDim(), "goal latent must have D = %s"
        + " values", model.latentDim());
    Checks.arg(w.get("oracle_wall") == 0 || oracleWallTerm != null, "an oracle_wall weight > 0"
        + " needs an oracle wall term");
    this.weights = Collections.unmodifiableMap(w);
    this.goal = goal.clone();
    this.model = model;
    List<WeightedObjective.Term> terms = new ArrayList<>();
    terms.add(new WeightedObjective.Term("goal", w.get("goal"), goalTerm));
    if (w.get("action") > 0) {
      terms.add(new WeightedObjective.Term("action", w.get("action"), new ActionMagnitude()));
    }
    if (w.get("oracle_wall") > 0) {
      terms.add(new WeightedObjective.Term("oracle_wall", w.get("oracle_wall"), oracleWallTerm));
    }
    this.imagined = new WeightedObjective(terms);
  }

  /** The weights by term name: a read-only view (put, remove and clear throw). */
  public Map<String, Double> weights() {
    return weights;
  }

  /** The goal latent [D] (a copy: changing it changes nothing here). */
  public float[] goal() {
    return goal.clone();
  }

  /** Trainable parameters: none, ever. */
  public List<NDArray> trainableParameters() {
    return List.of();
  }

  /** The sum over imagined steps 1..T of IC (curiosity is 0 there): [N]. */
  @Override
  public NDArray cost(NDArray states, NDArray actions) {
    return imagined.cost(states, actions);
  }

  /**
   * IC of every imagined step: states [N, T + 1, D], actions [N, T, A] to [N, T] (entry t - 1 is
   * the step into s_t), no graph.
   */
  public NDArray perStep(NDArray states, NDArray actions) {
    long n = states.getShape().get(0);
    long t = states.getShape().get(1) - 1;
    long d = states.getShape().get(2);
    long a = actions.getShape().get(2);
    return GradMode.disabled(() -> {
      NDArray from = states.get(new NDIndex(":, :-1")).reshape(n * t, 1, d);
      NDArray to = states.get(new NDIndex(":, 1:")).reshape(n * t, 1, d);
      NDArray pairs = from.concat(to, 1); // [NT, 2, D]
      return imagined.cost(pairs, actions.reshape(n * t, 1, a)).reshape(n, t);
    });
  }

  /**
   * IC of an observed step from s [D] by a [A] into next [D], curiosity included; with
   * {@code s == null} the IC of a first state (no action, no surprise).
   */
  public double observed(float[] s, float[] a, float[] next, NDManager manager) {
    int d = next.length;
    int na = model.actionDim();
    try (NDManager scope = manager.newSubManager()) {
      float[] from = s == null ? next : s;
      float[] action = s == null ? new float[na] : a;
      NDArray pair = scope.create(from).reshape(1, 1, d)
          .concat(scope.create(next).reshape(1, 1, d), 1); // [1, 2, D]
      double c = GradMode.disabled(() -> imagined.cost(pair, scope.create(action,
          new Shape(1, 1, na))).toType(DataType.FLOAT32, false).getFloat());
      if (s != null && weights.get("curiosity") > 0) {
        c -= weights.get("curiosity") * model.surprise(s, a, next, manager);
      }
      return c;
    }
  }
}
