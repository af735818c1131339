package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.Conv2d;
import ai.craik.nn.LayerNorm;
import ai.craik.nn.Linear;
import ai.craik.nn.Parameters;
import ai.craik.nn.WeightInit;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A keypoint encoder: full-resolution convolutions, then a spatial soft-argmax that turns each of K
 * feature maps into the expected image coordinates of its activation, then a linear layer and a
 * layer norm:
 *
 * <pre>
 *   h_l   = relu(conv3x3_l(h_{l-1})),  h_0 = o                 layer l with stride s_l; h = h_L
 *                                                             [B, c, H', W']
 *   m_k   = exp(g_k) conv1x1_k(h)                             [B, K, H', W'], g_k a learned log-gain
 *   p_k   = softmax over the H' W' pixels of m_k
 *   x_k   = sum_ij p_k[i, j] u_j,   y_k = sum_ij p_k[i, j] v_i    u, v in [-1, 1] across the frame
 *   q     = [max_ij h_l[c, i, j] for every layer l and channel c]   presence (if pooled)
 *   s     = LN([x_1 .. x_K, y_1 .. y_K, q] W + b)              [B, D]
 * </pre>
 *
 * <p>Why: every coordinate is a position, so a frame's free factors (the dot, the wall column, the
 * door row) are read out as numbers that the predictor can compare with a few linear thresholds
 * (blocked when the move crosses the wall column outside the door). Soft-argmax keeps where a
 * feature is and drops whether it is there; the pooled maxima keep that (a local detector of
 * "the dot touches a wall on its right" becomes one number; a stride-1 first layer detects it at
 * the frame's full resolution). A plain CNN with a linear
 * projection can spend all its dimensions on a nonlinear code of the dot alone and drop the
 * layout; here a keypoint that tracks the dot gives only two numbers, so the variance and
 * covariance terms push the other keypoints to what else varies: the walls. Levine, Finn, Darrell
 * and Abbeel 2016, "End-to-End Training of Deep Visuomotor Policies" (spatial soft-argmax); Finn
 * et al. 2016, "Deep Spatial Autoencoders for Visuomotor Learning".
 *
 * <p>Shapes: observations [B, C, H, W] to latents [B, D]. Parameters {@code conv<i>},
 * {@code keypoints}, {@code log_gain}, {@code proj}, {@code norm}.
 */
public final class KeypointEncoder implements NormalizedEncoder {
  private static final WeightInit INIT = WeightInit.FAN_IN_UNIFORM;

  private final Parameters params;
  private final int channels;
  private final int height;
  private final int width;
  private final Conv2d[] convs;
  private final Conv2d keypoints;
  private final NDArray logGain; // [1, K, 1]
  private final boolean pooled;
  private final int presence;
  private final Linear proj;
  private final LayerNorm norm;
  private final int count;
  private final long multiplyAdds;

  /**
   * Adds the encoder's parameters to {@code params}, drawn from {@code init}.
   *
   * @param widths output channels of each 3 x 3 convolution
   * @param strides each convolution's stride (as many as widths; 1 keeps the resolution)
   * @param keypoints K, the number of feature maps reduced to coordinates (2 K values)
   * @param pooled also feed the global maximum of every channel of every convolution
   */
  public KeypointEncoder(Parameters params, int channels, int height, int width, int[] widths,
      int[] strides, int keypoints, boolean pooled, int latentDim, SplittableRandom init) {
    Checks.arg(channels > 0 && height > 1 && width > 1,
        "keypoint encoder needs an input of at least 2 x 2 pixels, got [%s, %s, %s]", channels,
        height, width);
    Checks.arg(widths.length > 0, "keypoint encoder needs at least one convolution width");
    Checks.arg(strides.length == widths.length && Arrays.stream(strides).allMatch(
        x -> x >= 1 && x <= 4), "keypoint encoder needs one stride in 1..4 per width, got strides"
        + " %s for widths %s", Arrays.toString(strides), Arrays.toString(widths));
    Checks.arg(keypoints > 0 && latentDim > 0,
        "keypoint encoder needs keypoints > 0 and latent_dim > 0, got %s and %s", keypoints,
        latentDim);
    this.params = params;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.count = keypoints;
    this.pooled = pooled;
    this.convs = new Conv2d[widths.length];
    int c = channels;
    int h = height;
    int w = width;
    long macs = 0;
    for (int i = 0; i < widths.length; i++) {
      Checks.arg(widths[i] > 0, "keypoint encoder widths must be positive, got %s",
          Arrays.toString(widths));
      convs[i] = new Conv2d(params, "conv" + i, c, widths[i], 3, strides[i], 1, INIT, init);
      macs += convs[i].multiplyAdds(h, w);
      h = convs[i].outputSize(h);
      w = convs[i].outputSize(w);
      c = widths[i];
    }
    Checks.arg(h > 1 && w > 1, "keypoint encoder: strides %s leave a %sx%s map; use smaller"
        + " strides", Arrays.toString(strides), h, w);
    this.presence = pooled ? Arrays.stream(widths).sum() : 0;
    this.keypoints = new Conv2d(params, "keypoints", c, keypoints, 1, 1, 0, INIT, init);
    macs += this.keypoints.multiplyAdds(h, w);
    // Start sharp enough that a map peaked on a few pixels gives their position, not the centre.
    float[] g = new float[keypoints];
    Arrays.fill(g, (float) StrictMath.log(4.0));
    this.logGain = params.add("log_gain", g, new Shape(1, keypoints, 1));
    this.proj = new Linear(params, "proj", 2 * keypoints + presence, latentDim, INIT, init);
    this.norm = new LayerNorm(params, "norm", latentDim);
    this.multiplyAdds = macs + proj.multiplyAdds();
  }

  @Override
  public NDArray encode(NDArray observations) {
    Observations.checkImages("keypoint encoder", observations, channels, height, width);
    NDArray h = observations;
    NDList maxima = new NDList(convs.length);
    for (Conv2d conv : convs) {
      h = Activation.RELU.apply(conv.forward(h));
      if (pooled) {
        Shape hs = h.getShape();
        maxima.add(h.reshape(hs.get(0), hs.get(1), hs.get(2) * hs.get(3)).max(new int[] {2}));
      }
    }
    NDArray maps = keypoints.forward(h); // [B, K, H', W']
    // exp of a parameter is created in the parameters' manager: move it to the step's.
    NDArray gain = logGain.exp();
    gain.attach(maps.getManager());
    NDArray features = coordinates(maps, gain); // [B, 2 K]
    if (pooled) {
      maxima.add(0, features);
      features = NDArrays.concat(maxima, 1); // [B, 2 K + sum of widths]
    }
    return norm.forward(proj.forward(features));
  }

  /**
   * The spatial soft-argmax: [B, 2 K] = (x_1 .. x_K, y_1 .. y_K) of maps [B, K, H, W] scaled by
   * {@code gain} ([1, K, 1]), with x from -1 (first column) to 1 (last) and y likewise over rows.
   * Results live in the maps' manager (the gain is the second operand).
   */
  public static NDArray coordinates(NDArray maps, NDArray gain) {
    Shape s = maps.getShape();
    long b = s.get(0);
    long k = s.get(1);
    int hh = (int) s.get(2);
    int ww = (int) s.get(3);
    NDArray flat = maps.reshape(b, k, (long) hh * ww).mul(gain); // [B, K, H W]
    NDArray p = flat.softmax(2); // [B, K, H W]
    NDManager m = maps.getManager();
    float[] u = new float[hh * ww];
    float[] v = new float[hh * ww];
    for (int i = 0; i < hh; i++) {
      for (int j = 0; j < ww; j++) {
        u[i * ww + j] = 2f * j / (ww - 1) - 1f;
        v[i * ww + j] = 2f * i / (hh - 1) - 1f;
      }
    }
    NDArray grid = m.create(u, new Shape(hh * ww, 1)).concat(m.create(v, new Shape(hh * ww, 1)),
        1); // [H W, 2]
    NDArray xy = p.reshape(b * k, (long) hh * ww).matMul(grid).reshape(b, k, 2); // [B, K, 2]
    return xy.transpose(0, 2, 1).reshape(b, 2 * k); // [B, 2 K]: all x, then all y
  }

  /** K, the number of keypoints. */
  public int keypoints() {
    return count;
  }

  @Override
  public int latentDim() {
    return norm.dim();
  }

  @Override
  public Parameters parameters() {
    return params;
  }

  @Override
  public LayerNorm outputNorm() {
    return norm;
  }

  @Override
  public long multiplyAddsPerFrame() {
    return multiplyAdds;
  }
}
