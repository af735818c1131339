package ai.craik.data;

import ai.craik.config.Checks;
import java.util.SplittableRandom;

/**
 * Image augmentations for joint-embedding learning, on batches [B, C, H, W] of floats in [0, 1]
 * (C = 1 or 3), each image drawn independently from one seeded stream, in the usual order
 * (SimCLR, BYOL, VICReg):
 *
 * <pre>
 *   random resized crop   area fraction ~ U(cropMin, cropMax), log aspect (relative to the image's)
 *                         ~ U(log 3/4, log 4/3),
 *                         resampled bilinearly to H x W
 *   rotation              by U(-rotation, rotation) degrees about the centre, bilinear, edges
 *                         extended (off at 0; for images whose class does not depend on
 *                         orientation, e.g. the shapes)
 *   horizontal flip       with probability flip
 *   colour jitter         with probability jitter: brightness x U(1 ± b), contrast around the
 *                         image mean x U(1 ± c), saturation around the grey level x U(1 ± s),
 *                         then a hue rotation of the RGB vector about the grey axis by
 *                         U(-hue, hue) x 360 degrees (a rotation keeps the grey level)
 *   grayscale             with probability gray (luma 0.299 R + 0.587 G + 0.114 B)
 *   Gaussian blur         with probability blur, sigma ~ U(0.1, 2) x H / 64 pixels, at least 0.1
 *                         (SimCLR's 0.1-2 at 224 px is 10x stronger than this at 32 px)
 *   solarize              with probability solarize: x -> 1 - x where x >= 0.5
 *   invert                with probability invert: x -> 1 - x everywhere (the negative; for
 *                         images whose class does not depend on which side is brighter)
 * </pre>
 *
 * Values are clipped to [0, 1] after the jitter. Chen et al. 2020 (SimCLR), arXiv:2002.05709;
 * Bardes et al. 2022 (VICReg), arXiv:2105.04906, appendix (their probabilities are the defaults).
 *
 * @param cropMin least area fraction of the crop
 * @param cropMax largest area fraction of the crop, at least 1; above 1 the crop reaches past the
 *     image, whose edges are extended, so the content shrinks (a zoom-out: for images on a plain
 *     background, size and position change without cutting the object)
 * @param rotation largest rotation in degrees, in [0, 180]
 * @param flip probability of a horizontal flip
 * @param jitter probability of colour jitter
 * @param brightness b
 * @param contrast c
 * @param saturation s
 * @param hue the hue rotation's range as a fraction of the colour circle, in [0, 0.5]
 * @param gray probability of grayscale
 * @param blur probability of a Gaussian blur
 * @param solarize probability of solarization
 * @param invert probability of the negative
 */
public record Augment(double cropMin, double cropMax, double rotation, double flip, double jitter, double brightness,
    double contrast, double saturation, double hue, double gray, double blur, double solarize,
    double invert) {
  public Augment {
    Checks.arg(cropMin > 0 && cropMin <= 1, "crop_min %s must be in (0, 1]", cropMin);
    Checks.arg(cropMax >= 1 && cropMax <= 16, "crop_max %s must be in [1, 16]", cropMax);
    Checks.arg(rotation >= 0 && rotation <= 180, "rotation %s must be in [0, 180] degrees",
        rotation);
    for (double p : new double[] {flip, jitter, gray, blur, solarize, invert}) {
      Checks.arg(p >= 0 && p <= 1, "augmentation probabilities must be in [0, 1], got %s", p);
    }
    for (double m : new double[] {brightness, contrast, saturation}) {
      Checks.arg(m >= 0 && m < 1, "jitter strengths must be in [0, 1), got %s", m);
    }
    Checks.arg(hue >= 0 && hue <= 0.5, "hue %s must be in [0, 0.5]", hue);
  }

  /**
   * VICReg's view: crop 0.08, flip 0.5, jitter 0.8 (0.4, 0.4, 0.2, hue 0.1), gray 0.2, blur 0.5,
   * solarize 0.1.
   */
  public static Augment vicreg() {
    return new Augment(0.08, 1, 0, 0.5, 0.8, 0.4, 0.4, 0.2, 0.1, 0.2, 0.5, 0.1, 0);
  }

  /** No change at all (crop of the whole image, every probability 0). */
  public static Augment none() {
    return new Augment(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /** An augmented copy of the batch [b, c, h, w]; the input is not changed. */
  public float[] apply(float[] batch, int b, int c, int h, int w, SplittableRandom rng) {
    Checks.arg(c == 1 || c == 3, "augmentations need 1 or 3 channels, got %s", c);
    Checks.arg(batch.length == (long) b * c * h * w, "batch of %s values is not [%s, %s, %s, %s]",
        batch.length, b, c, h, w);
    int n = c * h * w;
    float[] out = new float[batch.length];
    for (int i = 0; i < b; i++) {
      float[] img = crop(batch, i * n, c, h, w, rng);
      if (rotation > 0) {
        img = rotated(img, c, h, w, (2 * rng.nextDouble() - 1) * rotation);
      }
      if (rng.nextDouble() < flip) {
        flipInPlace(img, c, h, w);
      }
      if (rng.nextDouble() < jitter) {
        jitterInPlace(img, c, h * w, rng);
      }
      if (c == 3 && rng.nextDouble() < gray) {
        grayInPlace(img, h * w);
      }
      if (rng.nextDouble() < blur) {
        double sigma = Math.max(0.1, (0.1 + 1.9 * rng.nextDouble()) * h / 64.0);
        img = blurred(img, c, h, w, sigma);
      }
      if (rng.nextDouble() < solarize) {
        for (int j = 0; j < n; j++) {
          img[j] = img[j] >= 0.5f ? 1 - img[j] : img[j];
        }
      }
      if (invert > 0 && rng.nextDouble() < invert) {
        for (int j = 0; j < n; j++) {
          img[j] = 1 - img[j];
        }
      }
      System.arraycopy(img, 0, out, i * n, n);
    }
    return out;
  }

  /** A random resized crop of image {@code at}, resampled bilinearly to h x w. */
  private float[] crop(float[] src, int at, int c, int h, int w, SplittableRandom rng) {
    double area = cropMin + (cropMax - cropMin) * rng.nextDouble();
    double logRatio = StrictMath.log(3.0 / 4)
        + (StrictMath.log(4.0 / 3) - StrictMath.log(3.0 / 4)) * rng.nextDouble();
    double ratio = cropMin == 1 && cropMax == 1 ? 1 : StrictMath.exp(logRatio); // vs the image's
    double cap = cropMax > 1 ? Double.MAX_VALUE : 1; // a zoom-out crop may exceed the image
    double cw = w * Math.min(cap, StrictMath.sqrt(area * ratio));
    double ch = h * Math.min(cap, StrictMath.sqrt(area / ratio));
    double x0 = rng.nextDouble() * (w - cw); // in [w - cw, 0] when the crop is wider
    double y0 = rng.nextDouble() * (h - ch);
    Axis ys = Axis.of(y0, ch, h);
    Axis xs = Axis.of(x0, cw, w);
    float[] out = new float[c * h * w];
    for (int k = 0; k < c; k++) {
      int p = at + k * h * w;
      for (int y = 0; y < h; y++) {
        int r1 = p + ys.lo[y] * w;
        int r2 = p + ys.hi[y] * w;
        double fy = ys.frac[y];
        for (int x = 0; x < w; x++) {
          double fx = xs.frac[x];
          double v = (1 - fy) * ((1 - fx) * src[r1 + xs.lo[x]] + fx * src[r1 + xs.hi[x]])
              + fy * ((1 - fx) * src[r2 + xs.lo[x]] + fx * src[r2 + xs.hi[x]]);
          out[k * h * w + y * w + x] = (float) v;
        }
      }
    }
    return out;
  }

  /**
   * The image rotated by {@code degrees} about its centre (positive: clockwise on screen, rows
   * running down), bilinear, edges extended.
   */
  static float[] rotated(float[] img, int c, int h, int w, double degrees) {
    double a = StrictMath.toRadians(degrees);
    double cos = StrictMath.cos(a);
    double sin = StrictMath.sin(a);
    double cx = (w - 1) / 2.0;
    double cy = (h - 1) / 2.0;
    float[] out = new float[img.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        // The source point that lands on (x, y): the inverse rotation.
        double sx = cos * (x - cx) + sin * (y - cy) + cx;
        double sy = -sin * (x - cx) + cos * (y - cy) + cy;
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        int xa = clamp(x0, w);
        int xb = clamp(x0 + 1, w);
        int ya = clamp(y0, h);
        int yb = clamp(y0 + 1, h);
        for (int k = 0; k < c; k++) {
          int p = k * h * w;
          double v = (1 - fy) * ((1 - fx) * img[p + ya * w + xa] + fx * img[p + ya * w + xb])
              + fy * ((1 - fx) * img[p + yb * w + xa] + fx * img[p + yb * w + xb]);
          out[p + y * w + x] = (float) v;
        }
      }
    }
    return out;
  }

  /**
   * Bilinear sampling along one axis: output pixel i's centre maps into the crop [start,
   * start + len) of an axis of n source pixels, between source pixels lo[i] and hi[i] (clamped
   * to the edges) at fraction frac[i] from lo.
   */
  private record Axis(int[] lo, int[] hi, double[] frac) {
    static Axis of(double start, double len, int n) {
      int[] lo = new int[n];
      int[] hi = new int[n];
      double[] frac = new double[n];
      for (int i = 0; i < n; i++) {
        double s = start + (i + 0.5) * len / n - 0.5;
        int a = (int) Math.floor(s);
        frac[i] = s - a;
        lo[i] = clamp(a, n);
        hi[i] = clamp(a + 1, n);
      }
      return new Axis(lo, hi, frac);
    }
  }

  private static int clamp(int i, int n) {
    return Math.max(0, Math.min(n - 1, i));
  }

  private static void flipInPlace(float[] img, int c, int h, int w) {
    for (int k = 0; k < c; k++) {
      for (int y = 0; y < h; y++) {
        int row = k * h * w + y * w;
        for (int x = 0; x < w / 2; x++) {
          float t = img[row + x];
          img[row + x] = img[row + w - 1 - x];
          img[row + w - 1 - x] = t;
        }
      }
    }
  }

  private void jitterInPlace(float[] img, int c, int plane, SplittableRandom rng) {
    double fb = 1 + brightness * (2 * rng.nextDouble() - 1);
    double fc = 1 + contrast * (2 * rng.nextDouble() - 1);
    double fs = 1 + saturation * (2 * rng.nextDouble() - 1);
    double mean = 0;
    for (int j = 0; j < img.length; j++) {
      img[j] = (float) (img[j] * fb);
      mean += img[j] / img.length;
    }
    for (int j = 0; j < img.length; j++) {
      img[j] = (float) (mean + (img[j] - mean) * fc);
    }
    if (c == 3) {
      for (int p = 0; p < plane; p++) {
        double grey = luma(img, p, plane);
        for (int k = 0; k < 3; k++) {
          img[k * plane + p] = (float) (grey + (img[k * plane + p] - grey) * fs);
        }
      }
      if (hue > 0) {
        rotateHue(img, plane, (2 * rng.nextDouble() - 1) * hue * 2 * StrictMath.PI);
      }
    }
    for (int j = 0; j < img.length; j++) {
      img[j] = Math.max(0f, Math.min(1f, img[j]));
    }
  }

  /**
   * Rotates every RGB vector by {@code angle} about the grey axis k = (1, 1, 1) / sqrt 3 (Rodrigues:
   * R = cos a I + sin a [k]x + (1 - cos a) k k^T).
   */
  private static void rotateHue(float[] img, int plane, double angle) {
    double cos = StrictMath.cos(angle);
    double sin = StrictMath.sin(angle) / StrictMath.sqrt(3);
    double t = (1 - cos) / 3;
    double d = cos + t;
    double a = t - sin;
    double b = t + sin;
    for (int p = 0; p < plane; p++) {
      double r = img[p];
      double g = img[plane + p];
      double bl = img[2 * plane + p];
      img[p] = (float) (d * r + a * g + b * bl);
      img[plane + p] = (float) (b * r + d * g + a * bl);
      img[2 * plane + p] = (float) (a * r + b * g + d * bl);
    }
  }

  private static void grayInPlace(float[] img, int plane) {
    for (int p = 0; p < plane; p++) {
      float g = (float) luma(img, p, plane);
      img[p] = g;
      img[plane + p] = g;
      img[2 * plane + p] = g;
    }
  }

  private static double luma(float[] img, int p, int plane) {
    return 0.299 * img[p] + 0.587 * img[plane + p] + 0.114 * img[2 * plane + p];
  }

  /** Separable Gaussian blur (kernel radius 3 sigma), edges clamped. */
  static float[] blurred(float[] img, int c, int h, int w, double sigma) {
    int r = Math.max(1, (int) Math.ceil(3 * sigma));
    double[] k = new double[2 * r + 1];
    double sum = 0;
    for (int i = -r; i <= r; i++) {
      k[i + r] = StrictMath.exp(-i * i / (2 * sigma * sigma));
      sum += k[i + r];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= sum;
    }
    float[] tmp = new float[img.length];
    float[] out = new float[img.length];
    for (int ch = 0; ch < c; ch++) {
      int base = ch * h * w;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double v = 0;
          for (int i = -r; i <= r; i++) {
            v += k[i + r] * img[base + y * w + clamp(x + i, w)];
          }
          tmp[base + y * w + x] = (float) v;
        }
      }
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double v = 0;
          for (int i = -r; i <= r; i++) {
            v += k[i + r] * tmp[base + clamp(y + i, h) * w + x];
          }
          out[base + y * w + x] = (float) v;
        }
      }
    }
    return out;
  }
}
