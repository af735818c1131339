package ai.craik.agent;

import ai.craik.config.Checks;
import ai.craik.engine.GradMode;
import ai.craik.nn.Activation;
import ai.craik.nn.AdamW;
import ai.craik.nn.Mlp;
import ai.craik.nn.Parameters;
import ai.craik.run.Checkpointable;
import ai.craik.train.TrainableState;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A small network of a state and a goal, y = MLP([s, g]) with ReLU hidden layers, fitted by
 * minibatch Adam on the mean squared error to host targets: the body of the trainable critic
 * (y [1]) and of the Mode-1 policy (y [A]). Shapes: s [N, D], g [N, D] to y [N, out].
 */
final class GoalConditionedNet implements Checkpointable {
  private final Parameters params;
  private final Mlp mlp;
  private final TrainableState state;
  private final int latentDim;
  private final int outputs;

  GoalConditionedNet(NDManager parent, String name, int latentDim, int[] hidden, int outputs,
      SplittableRandom init) {
    Checks.arg(latentDim >= 1 && outputs >= 1, "%s needs D >= 1 and outputs >= 1", name);
    Checks.arg(hidden.length >= 1 && Arrays.stream(hidden).allMatch(h -> h >= 1),
        "%s hidden widths %s must be >= 1 (at least one layer)", name, Arrays.toString(hidden));
    int[] widths = new int[hidden.length + 2];
    widths[0] = 2 * latentDim;
    System.arraycopy(hidden, 0, widths, 1, hidden.length);
    widths[widths.length - 1] = outputs;
    this.params = new Parameters(parent);
    this.mlp = new Mlp(params, name, widths, Activation.RELU, init);
    this.state = new TrainableState(params, new AdamW(params, 0.9, 0.999, 1e-8, 0.0, 0.0));
    this.latentDim = latentDim;
    this.outputs = outputs;
  }

  int latentDim() {
    return latentDim;
  }

  /** y [N, out] of states [N, D] and goals [N, D] or one goal [D] (keeps the graph). */
  NDArray forward(NDArray states, NDArray goals) {
    long n = states.getShape().get(0);
    NDArray g = goals.getShape().dimension() == 1
        ? goals.reshape(1, latentDim).repeat(0, n) : goals;
    Checks.arg(states.getShape().equals(new Shape(n, latentDim)) && g.getShape().equals(
        new Shape(n, latentDim)), "expected states [N, %s] and goals [N, %s] or [%s], got %s and"
        + " %s", latentDim, latentDim, latentDim, states.getShape(), goals.getShape());
    NDArray x = states.concat(g.toType(states.getDataType(), false), 1);
    return mlp.forward(x.toType(DataType.FLOAT32, false));
  }

  /**
   * Fits by minibatch Adam on mean((y - target)^2): {@code epochs} passes over the rows in a fresh
   * order each (drawn from {@code rng}), batches of {@code batch} rows.
   *
   * @param s states [N][D]
   * @param g goals [N][D]
   * @param target targets [N][out]
   * @return the mean loss of each epoch
   */
  double[] fit(float[][] s, float[][] g, float[][] target, int epochs, int batch,
      double learningRate, SplittableRandom rng, NDManager manager) {
    int n = s.length;
    Checks.arg(n >= 1 && g.length == n && target.length == n, "fit needs as many goals and"
        + " targets as states (>= 1), got %s, %s, %s", n, g.length, target.length);
    Checks.arg(epochs >= 1 && batch >= 1 && learningRate > 0, "fit needs epochs >= 1, batch >= 1"
        + " and a rate > 0, got %s, %s, %s", epochs, batch, learningRate);
    double[] losses = new double[epochs];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int e = 0; e < epochs; e++) {
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      double sum = 0;
      int batches = 0;
      for (int from = 0; from < n; from += batch) {
        int b = Math.min(batch, n - from);
        float[] sb = new float[b * latentDim];
        float[] gb = new float[b * latentDim];
        float[] yb = new float[b * outputs];
        for (int r = 0; r < b; r++) {
          int k = order[from + r];
          System.arraycopy(s[k], 0, sb, r * latentDim, latentDim);
          System.arraycopy(g[k], 0, gb, r * latentDim, latentDim);
          System.arraycopy(target[k], 0, yb, r * outputs, outputs);
        }
        try (NDManager scope = manager.newSubManager()) {
          NDArray x = scope.create(sb, new Shape(b, latentDim));
          NDArray gx = scope.create(gb, new Shape(b, latentDim));
          NDArray y = scope.create(yb, new Shape(b, outputs));
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            params.zeroGradients();
            NDArray loss = forward(x, gx).sub(y).square().mean();
            sum += loss.getFloat();
            gc.backward(loss);
          }
        }
        state.optimizer().step(learningRate);
        batches++;
      }
      losses[e] = sum / batches;
    }
    return losses;
  }

  /** y [N][out] on the host for rows of states and goals (no graph). */
  float[][] predict(float[][] s, float[][] g, NDManager manager) {
    int n = s.length;
    float[][] out = new float[n][];
    int chunk = 4096;
    for (int from = 0; from < n; from += chunk) {
      int b = Math.min(chunk, n - from);
      float[] sb = new float[b * latentDim];
      float[] gb = new float[b * latentDim];
      for (int r = 0; r < b; r++) {
        System.arraycopy(s[from + r], 0, sb, r * latentDim, latentDim);
        System.arraycopy(g[from + r], 0, gb, r * latentDim, latentDim);
      }
      try (NDManager scope = manager.newSubManager()) {
        float[] y = GradMode.disabled(() -> forward(scope.create(sb, new Shape(b, latentDim)),
            scope.create(gb, new Shape(b, latentDim)))).toFloatArray();
        for (int r = 0; r < b; r++) {
          out[from + r] = Arrays.copyOfRange(y, r * outputs, (r + 1) * outputs);
        }
      }
    }
    return out;
  }

  /** Parameter count. */
  long parameterCount() {
    return params.count();
  }

  @Override
  public NDList state(NDManager target) {
    return state.state(target);
  }

  @Override
  public void restore(NDList saved) {
    state.restore(saved);
  }
}
