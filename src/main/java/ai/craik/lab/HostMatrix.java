package ai.craik.lab;

import ai.craik.config.Checks;
import ai.craik.run.Checkpointable;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A matrix [rows, cols] kept on the host (row-major floats) as the whole training state of a
 * problem whose updates are not gradient steps through an optimizer (a dictionary, a code book).
 * Each step copies it into its own scope with {@link #toArray} and stores the result with
 * {@link #set}, so no array outlives a step; a checkpoint saves it under its name.
 */
final class HostMatrix implements Checkpointable {
  private final String name;
  private final int rows;
  private final int cols;
  private float[] values;

  HostMatrix(String name, int rows, int cols, float[] values) {
    this.name = name;
    this.rows = rows;
    this.cols = cols;
    set(values);
  }

  int rows() {
    return rows;
  }

  int cols() {
    return cols;
  }

  /** A copy of the values, row-major [rows * cols]. */
  float[] values() {
    return values.clone();
  }

  /** Entry (r, c). */
  float get(int r, int c) {
    return values[r * cols + c];
  }

  /** Replaces the values (row-major [rows * cols]; copied). */
  void set(float[] next) {
    Checks.arg(next.length == rows * cols, "%s needs %s values for [%s, %s], got %s", name,
        rows * cols, rows, cols, next.length);
    values = next.clone();
  }

  /** The matrix as an array [rows, cols] in {@code manager}. */
  NDArray toArray(NDManager manager) {
    return manager.create(values, new Shape(rows, cols));
  }

  @Override
  public NDList state(NDManager target) {
    NDArray a = toArray(target);
    a.setName(name);
    return new NDList(a);
  }

  @Override
  public void restore(NDList saved) {
    for (NDArray a : saved) {
      if (name.equals(a.getName())) {
        Checks.arg(a.getShape().equals(new Shape(rows, cols)),
            "saved %s has shape %s, expected [%s, %s]; the config changed, start over with --force",
            name, a.getShape(), rows, cols);
        set(a.toFloatArray());
        return;
      }
    }
    throw new IllegalArgumentException("checkpoint lacks the array '" + name + "'; start over"
        + " with --force");
  }
}
