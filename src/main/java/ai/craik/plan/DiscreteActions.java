package ai.craik.plan;

import ai.craik.config.Checks;
import java.util.Arrays;

/**
 * A finite action set {a^(0), ..., a^(K-1)}, each of size A, for the discrete searches. The order
 * of the choices defines the tie-break: among sequences of equal cost the lexicographically first
 * (by choice index, step 0 most significant) wins.
 *
 * @param choices the actions [K][A] (copied)
 */
public record DiscreteActions(float[][] choices) {
  public DiscreteActions {
    Checks.arg(choices != null && choices.length >= 1,
        "a discrete action set needs at least one action");
    int a = choices[0] == null ? 0 : choices[0].length;
    Checks.arg(a >= 1, "discrete action 0 is empty; give actions of size A >= 1");
    float[][] copy = new float[choices.length][];
    for (int k = 0; k < choices.length; k++) {
      Checks.arg(choices[k] != null && choices[k].length == a,
          "discrete action %s has size %s, action 0 has %s; give all actions the same size", k,
          choices[k] == null ? 0 : choices[k].length, a);
      for (float v : choices[k]) {
        Checks.arg(Float.isFinite(v), "discrete action %s has a non-finite value %s", k, v);
      }
      copy[k] = choices[k].clone();
    }
    choices = copy;
  }

  /** The actions [K][A] (a copy). */
  @Override
  public float[][] choices() {
    float[][] copy = new float[choices.length][];
    for (int k = 0; k < choices.length; k++) {
      copy[k] = choices[k].clone();
    }
    return copy;
  }

  /** K, the number of choices. */
  public int size() {
    return choices.length;
  }

  /** A, the action size. */
  public int dim() {
    return choices[0].length;
  }

  /** Choice k [A] (not copied). */
  float[] choice(int k) {
    return choices[k];
  }

  @Override
  public String toString() {
    return "DiscreteActions" + Arrays.deepToString(choices);
  }
}
