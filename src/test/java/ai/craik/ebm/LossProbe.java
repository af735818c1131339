package ai.craik.ebm;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/** Evaluates a loss in float64 on host values and returns its value and analytic gradients. */
final class LossProbe {
  private LossProbe() {}

  /** Loss value and dL/dE+ [B], dL/dE- [B * M] (row-major). */
  record Result(double value, double[] dPositive, double[] dNegatives) {}

  static Result run(ContrastiveLoss loss, double[] positive, double[][] negatives) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray p = m.create(positive, new Shape(positive.length));
      NDArray n = m.create(flatten(negatives), new Shape(negatives.length, negatives[0].length));
      p.setRequiresGradient(true);
      n.setRequiresGradient(true);
      double value;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray l = loss.loss(p, n);
        value = l.getDouble();
        gc.backward(l);
      }
      // An input the loss never read (EnergyLoss's negatives) gets float32 zeros from DJL.
      return new Result(value, p.getGradient().toType(DataType.FLOAT64, false).toDoubleArray(),
          n.getGradient().toType(DataType.FLOAT64, false).toDoubleArray());
    }
  }

  static double value(ContrastiveLoss loss, double[] positive, double[][] negatives) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray p = m.create(positive, new Shape(positive.length));
      NDArray n = m.create(flatten(negatives), new Shape(negatives.length, negatives[0].length));
      return loss.loss(p, n).getDouble();
    }
  }

  static double[] flatten(double[][] rows) {
    int cols = rows[0].length;
    double[] out = new double[rows.length * cols];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, out, i * cols, cols);
    }
    return out;
  }

  static double[][] shift(double[][] rows, double c) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] += c;
      }
    }
    return out;
  }

  static double[] shift(double[] values, double c) {
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += c;
    }
    return out;
  }
}
