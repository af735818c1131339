package ai.craik.data;

import ai.craik.config.Checks;
import ai.craik.config.ConfigChecks;

/**
 * How uint8 observations become float32 in batches, per channel c (0 the dot, 1 the walls):
 * {@code x = (u / 255 − mean_c) / std_c}. {@link #unit()} (mean 0, std 1) maps to [0, 1];
 * {@link #estimate} gives the per-channel standardization of a sample of frames.
 *
 * <p>Renderers apply it as {@code gain_c · u + bias_c} with gain = 1 / (255 · std) and bias =
 * −mean / std, so standardizing costs nothing over [0, 1] scaling.
 */
public record ObservationScaling(double dotMean, double dotStd, double wallMean, double wallStd) {
  public ObservationScaling {
    ConfigChecks.positive("dot_std", dotStd);
    ConfigChecks.positive("wall_std", wallStd);
    Checks.arg(Double.isFinite(dotMean) && Double.isFinite(wallMean),
        "observation means must be finite, got %s and %s", dotMean, wallMean);
  }

  /** u / 255 in [0, 1] for both channels. */
  public static ObservationScaling unit() {
    return new ObservationScaling(0, 1, 0, 1);
  }

  /** Multiplier of u for channel {@code c}. */
  public float gain(int c) {
    return (float) (1.0 / (255.0 * (c == 0 ? dotStd : wallStd)));
  }

  /** Offset for channel {@code c}. */
  public float bias(int c) {
    return (float) (-(c == 0 ? dotMean : wallMean) / (c == 0 ? dotStd : wallStd));
  }

  /**
   * One uint8 observation [2, R, R] (as an environment renders it) scaled to floats [2, R, R]:
   * {@code gain_c · u + bias_c}, the same float arithmetic as the batches' {@link FrameRenderer},
   * so an environment frame and a batch frame of the same position are equal bit for bit.
   */
  public float[] apply(byte[] observation) {
    Checks.arg(observation != null && observation.length > 0 && observation.length % 2 == 0,
        "expected an observation of 2 channels [2, R, R], got %s bytes",
        observation == null ? null : observation.length);
    int plane = observation.length / 2;
    float[] out = new float[observation.length];
    for (int c = 0; c < 2; c++) {
      float gain = gain(c);
      float bias = bias(c);
      for (int i = c * plane, end = i + plane; i < end; i++) {
        out[i] = gain * (observation[i] & 0xff) + bias;
      }
    }
    return out;
  }

  /**
   * Per-channel mean and standard deviation of frames scaled to [0, 1]: {@code frames} holds
   * [F, 2, R, R] values (for example a batch's observations made with {@link #unit()}).
   */
  public static ObservationScaling estimate(float[] frames, int imageSize) {
    int plane = imageSize * imageSize;
    Checks.arg(frames.length > 0 && frames.length % (2 * plane) == 0,
        "frames of %s values are not whole [2, %s, %s] frames", frames.length, imageSize, imageSize);
    double[] sum = new double[2];
    double[] sq = new double[2];
    for (int f = 0; f < frames.length; f += 2 * plane) {
      for (int c = 0; c < 2; c++) {
        for (int i = f + c * plane, end = i + plane; i < end; i++) {
          sum[c] += frames[i];
          sq[c] += (double) frames[i] * frames[i];
        }
      }
    }
    double n = frames.length / 2.0;
    double m0 = sum[0] / n;
    double m1 = sum[1] / n;
    double s0 = Math.sqrt(Math.max(sq[0] / n - m0 * m0, 0));
    double s1 = Math.sqrt(Math.max(sq[1] / n - m1 * m1, 0));
    return new ObservationScaling(m0, Math.max(s0, 1e-6), m1, Math.max(s1, 1e-6));
  }
}
