package ai.craik.train;

import ai.craik.config.Checks;
import ai.craik.data.ObservationScaling;
import ai.craik.engine.GradMode;
import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsGeometry;
import ai.craik.env.TwoRoomsRenderer;
import ai.craik.jepa.Jepa;
import ai.craik.jepa.PositionProbe;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Does the latent carry the layout? A leading indicator of whether a world model can know where the
 * middle wall stops the dot: frames of {@code layouts} random layouts (one free dot position each)
 * are encoded, a fresh MLP probe (a {@link PositionProbe} regressing (wall_x, door_y) instead of
 * the dot) is fitted on three quarters of them, and its error is measured on the held-out quarter:
 *
 * <pre>
 *   rmse_k = sqrt(mean_test (k_hat − k)²)          k = door_y, wall_x     (pixels of the 65 frame)
 *   std_k  = sqrt(mean_test (mean_train(k) − k)²)  the error of always answering the mean
 * </pre>
 *
 * A latent without the door reads door_y no better than its std (about 12.7 px for door rows
 * 10..54); a latent that carries it reads it to a few pixels. Layouts are always random, whatever
 * the model was trained on, so a fixed-layout model is asked the same question. The probe is a
 * diagnostic that reads labels: nothing in training, planning or the agent may use it.
 *
 * @param doorYPx held-out RMSE of the door row
 * @param wallXPx held-out RMSE of the wall column
 * @param doorYStdPx the RMSE of answering the training mean of the door row
 * @param wallXStdPx the RMSE of answering the training mean of the wall column
 * @param layouts how many layouts were encoded (train and test together)
 */
public record LayoutReadout(double doorYPx, double wallXPx, double doorYStdPx, double wallXStdPx,
    int layouts) {
  /** Probe hidden width, full-batch AdamW steps and rate: a few hundred ms on 2 cores. */
  static final int HIDDEN = 64;
  static final int STEPS = 400;
  static final double RATE = 3e-3;

  /**
   * Encodes one frame of each of {@code layouts} random layouts (dot at a free position 2σ from
   * every wall), rendered by {@code renderer} and scaled by {@code scaling} as the training batches,
   * and fits the read-out; layouts and positions from {@code rng}.
   */
  public static LayoutReadout run(Jepa jepa, TwoRoomsRenderer renderer, ObservationScaling scaling,
      int layouts, SplittableRandom rng, NDManager parent) {
    Checks.arg(layouts >= 8, "layout read-out needs at least 8 layouts, got %s", layouts);
    int r = renderer.size();
    int frame = 2 * r * r;
    float[] frames = new float[layouts * frame];
    float[] targets = new float[layouts * 2];
    double margin = 2 * renderer.sigmaPixels() / renderer.scale();
    for (int i = 0; i < layouts; i++) {
      Layout l = Layout.random(rng);
      double x;
      double y;
      do {
        x = TwoRoomsGeometry.LOW + margin
            + rng.nextDouble() * (TwoRoomsGeometry.HIGH - TwoRoomsGeometry.LOW - 2 * margin);
        y = TwoRoomsGeometry.LOW + margin
            + rng.nextDouble() * (TwoRoomsGeometry.HIGH - TwoRoomsGeometry.LOW - 2 * margin);
      } while (Math.abs(x - l.wallX()) < TwoRoomsGeometry.WALL_HALF + margin);
      System.arraycopy(scaling.apply(renderer.render(l, x, y)), 0, frames, i * frame, frame);
      targets[2 * i] = l.wallX();
      targets[2 * i + 1] = l.doorY();
    }
    long seed = rng.nextLong();
    try (NDManager scope = parent.newSubManager()) {
      NDArray z = GradMode.disabled(() -> {
        NDArray obs = scope.create(frames, new Shape(layouts, 2, r, r));
        return jepa.encode(obs).stopGradient(); // [N, D]
      });
      return fit(z, targets, layouts * 3 / 4, new SplittableRandom(seed));
    }
  }

  /**
   * Fits the read-out on the first {@code trainRows} rows of latents [N, D] with targets (wall_x,
   * door_y) per row ([N 2], world units) and scores it on the rest.
   */
  public static LayoutReadout fit(NDArray latents, float[] targets, int trainRows,
      SplittableRandom init) {
    Shape s = latents.getShape();
    Checks.arg(s.dimension() == 2 && targets.length == 2 * s.get(0),
        "layout read-out expects latents [N, D] and 2 N targets, got %s and %s", s, targets.length);
    int n = (int) s.get(0);
    Checks.arg(trainRows >= 2 && trainRows <= n - 2,
        "layout read-out needs at least 2 rows to fit and 2 to test, got %s of %s", trainRows, n);
    try (NDManager scope = latents.getManager().newSubManager()) {
      NDArray x = latents.get(new NDIndex(":{}", trainRows));
      NDArray y = scope.create(java.util.Arrays.copyOf(targets, 2 * trainRows),
          new Shape(trainRows, 2));
      PositionProbe probe = new PositionProbe(scope, (int) s.get(1), HIDDEN, RATE, init);
      for (int step = 0; step < STEPS; step++) {
        probe.trainStep(x, y);
      }
      float[] predicted = probe.predict(latents.get(new NDIndex("{}:", trainRows))).toFloatArray();
      double[] mean = new double[2];
      for (int i = 0; i < trainRows; i++) {
        mean[0] += targets[2 * i] / (double) trainRows;
        mean[1] += targets[2 * i + 1] / (double) trainRows;
      }
      double[] err = new double[2];
      double[] spread = new double[2];
      int test = n - trainRows;
      for (int i = 0; i < test; i++) {
        for (int k = 0; k < 2; k++) {
          double truth = targets[2 * (trainRows + i) + k];
          double e = predicted[2 * i + k] - truth;
          err[k] += e * e / test;
          spread[k] += (mean[k] - truth) * (mean[k] - truth) / test;
        }
      }
      return new LayoutReadout(Math.sqrt(err[1]), Math.sqrt(err[0]), Math.sqrt(spread[1]),
          Math.sqrt(spread[0]), n);
    }
  }

  /** The summary.json form: {"door_y", "wall_x", "door_y_std", "wall_x_std", "layouts"}. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("door_y", doorYPx);
    m.put("wall_x", wallXPx);
    m.put("door_y_std", doorYStdPx);
    m.put("wall_x_std", wallXStdPx);
    m.put("layouts", layouts);
    return m;
  }
}
