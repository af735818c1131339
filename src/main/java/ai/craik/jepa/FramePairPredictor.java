package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.Conv2d;
import ai.craik.nn.GroupNorm;
import ai.craik.nn.Parameters;
import ai.craik.nn.WeightInit;
import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * A state-only video predictor on spatial representations: the next map from the last two,
 *
 * <pre>
 *   h = relu(GN(conv3x3([s_{t-1}; s_t])));  h = relu(GN(conv3x3(h)))  (layers - 1 times)
 *   s_{t+1} = conv3x3(h)           or, residual,   s_{t+1} = s_t + conv3x3(h)
 * </pre>
 *
 * Two frames give position and velocity, so constant motion is predictable without actions. The
 * residual form starts near "nothing moves", which is also a local minimum it tends to stay in when
 * objects move less than a cell per frame; the direct form has to produce the whole map.
 *
 * <p>Shapes: s_{t-1}, s_t [B, C, h, w] to [B, C, h, w]. Parameters {@code in}, {@code gn<i>},
 * {@code mid<i>}, {@code out}.
 */
public final class FramePairPredictor {
  private final Conv2d in;
  private final GroupNorm[] norms;
  private final Conv2d[] mids;
  private final Conv2d out;
  private final int channels;
  private final boolean residual;

  /**
   * Adds the predictor's parameters for maps of {@code channels} channels.
   *
   * @param hidden channels of the hidden layers
   * @param layers hidden layers, at least 1
   * @param residual whether the output is added to the current map
   */
  public FramePairPredictor(Parameters params, int channels, int hidden, int layers,
      boolean residual, SplittableRandom init) {
    Checks.arg(channels > 0 && hidden > 0 && layers >= 1,
        "the frame-pair predictor needs positive channels and hidden width and at least one"
            + " layer, got %s, %s, %s", channels, hidden, layers);
    this.channels = channels;
    this.residual = residual;
    this.in = new Conv2d(params, "in", 2 * channels, hidden, 3, 1, 1, WeightInit.HE_UNIFORM,
        init);
    this.norms = new GroupNorm[layers];
    this.mids = new Conv2d[layers - 1];
    for (int i = 0; i < layers; i++) {
      norms[i] = new GroupNorm(params, "gn" + i, hidden, GroupNorm.groupsFor(hidden, 8));
      if (i > 0) {
        mids[i - 1] = new Conv2d(params, "mid" + i, hidden, hidden, 3, 1, 1,
            WeightInit.HE_UNIFORM, init);
      }
    }
    this.out = new Conv2d(params, "out", hidden, channels, 3, 1, 1, WeightInit.FAN_IN_UNIFORM,
        init);
  }

  /** The predicted next map from the previous map and the current one. */
  public NDArray predict(NDArray previous, NDArray current) {
    Checks.arg(current.getShape().dimension() == 4 && current.getShape().get(1) == channels
        && previous.getShape().equals(current.getShape()),
        "the frame-pair predictor expects two maps [B, %s, h, w], got %s and %s", channels,
        previous.getShape(), current.getShape());
    NDArray h = Activation.RELU.apply(norms[0].forward(in.forward(previous.concat(current, 1))));
    for (int i = 0; i < mids.length; i++) {
      h = Activation.RELU.apply(norms[i + 1].forward(mids[i].forward(h)));
    }
    NDArray y = out.forward(h);
    return residual ? current.add(y) : y;
  }
}
