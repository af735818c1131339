package ai.craik.nn;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named trainable arrays owned by one long-lived manager.
 *
 * <p>Every array added here requires a gradient. Compute with the data as the first operand
 * ({@code x.matMul(w)}, not {@code w.transpose().matMul(x)}): an op's result lives in its first
 * operand's manager, and results created in this long-lived manager would leak every step.
 */
public final class Parameters implements AutoCloseable {
  private final NDManager manager;
  private final Map<String, NDArray> arrays = new LinkedHashMap<>();

  /** Parameters in a new child manager of {@code parent}. */
  public Parameters(NDManager parent) {
    this.manager = parent.newSubManager();
  }

  /** The manager that owns the parameters (and should own optimizer state). */
  public NDManager manager() {
    return manager;
  }

  /** Adds {@code name} with the given initial values (copied into this manager). */
  public NDArray add(String name, float[] values, Shape shape) {
    Checks.arg(!arrays.containsKey(name), "parameter '%s' already exists", name);
    Checks.arg(values.length == shape.size(),
        "parameter '%s': %s values do not fill shape %s", name, values.length, shape);
    NDArray array = manager.create(values, shape);
    array.setName(name);
    array.setRequiresGradient(true);
    arrays.put(name, array);
    return array;
  }

  /** The parameter {@code name}. */
  public NDArray get(String name) {
    NDArray a = arrays.get(name);
    Checks.arg(a != null, "no parameter '%s'; have %s", name, arrays.keySet());
    return a;
  }

  /** All parameters by name, in the order they were added. */
  public Map<String, NDArray> asMap() {
    return Collections.unmodifiableMap(arrays);
  }

  /** Total number of scalar parameters. */
  public long count() {
    return arrays.values().stream().mapToLong(NDArray::size).sum();
  }

  /** Copies of the parameters in {@code target}, named, for saving. */
  public NDList snapshot(NDManager target) {
    NDList out = new NDList();
    arrays.forEach((name, a) -> {
      NDArray c = a.duplicate();
      c.attach(target);
      c.setName(name);
      out.add(c);
    });
    return out;
  }

  /** Overwrites the parameters with the same-named arrays in {@code saved}, checking shapes. */
  public void restore(NDList saved) {
    Map<String, NDArray> byName = new LinkedHashMap<>();
    for (NDArray a : saved) {
      byName.put(a.getName(), a);
    }
    arrays.forEach((name, a) -> {
      NDArray s = byName.get(name);
      Checks.arg(s != null, "saved parameters lack '%s' (have %s)", name, byName.keySet());
      Checks.arg(s.getShape().equals(a.getShape()),
          "saved parameter '%s' has shape %s, model expects %s", name, s.getShape(), a.getShape());
      a.set(s.toFloatArray());
    });
  }

  /**
   * Sets every gradient to zero in place (gradients accumulate across backward calls). A fill,
   * not g − g: after an infinite gradient, inf − inf would leave NaN behind for good.
   */
  public void zeroGradients() {
    try (NDScope scope = new NDScope()) { // the gradient views die here
      for (NDArray p : asMap().values()) {
        p.getGradient().set(new NDIndex("..."), 0f);
      }
      scope.suppressNotUsedWarning();
    }
  }

  /** Global L2 norm of all gradients (call after backward). */
  public double gradNorm() {
    double sq = 0;
    try (NDScope scope = new NDScope()) { // the gradient views and norms die here
      for (NDArray a : arrays.values()) {
        float n = a.getGradient().norm().getFloat();
        sq += (double) n * n;
      }
      scope.suppressNotUsedWarning();
    }
    return Math.sqrt(sq);
  }

  @Override
  public void close() {
    manager.close();
  }
}
