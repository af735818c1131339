package ai.craik.data;

import ai.craik.config.Checks;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The procedural {@code shapes} dataset: small RGB images of one filled shape on a plain
 * background, generated from a seed (no download), with the class and every factor of variation
 * as labels, for self-supervised image learning and its linear-probe evaluation.
 *
 * <pre>
 *   class     one of {@link #CLASSES} (6), uniform
 *   radius    r ~ U(0.25, 0.45) x size (circumradius of the outline)
 *   centre    uniform over the positions that keep the whole outline inside the image
 *   rotation  U(0, 2 pi)
 *   colours   foreground and background uniform in [0, 1]^3, redrawn until at least
 *             {@link #MIN_CONTRAST} apart (Euclidean), so the shape never vanishes
 * </pre>
 *
 * <p>Rendering is exact area coverage up to 4 x 4 supersampling per pixel (even-odd rule on the
 * outline polygon; the circle is a 48-gon), so a shape's pixel mass equals its area to within a
 * pixel row. Pixels are float [3, size, size] in [0, 1], channel-major.
 */
public final class Shapes {
  /**
   * The classes, in label order. They differ at a glance even at 32 px: corners of 90, 60 and 36
   * degrees, re-entrant corners (star, cross, L) and none (circle); regular pentagons and hexagons
   * were tried and dropped, because at a 6-px radius they differ from a circle by about a pixel.
   */
  public static final List<String> CLASSES = List.of("circle", "square", "triangle", "star",
      "cross", "ell");
  /** Least Euclidean RGB distance between foreground and background colours. */
  public static final double MIN_CONTRAST = 0.4;
  private static final int SUPERSAMPLE = 4;

  private Shapes() {}

  /**
   * The factors of one image.
   *
   * @param label index into {@link #CLASSES}
   * @param x centre column, pixels (0 = left edge of the image)
   * @param y centre row, pixels
   * @param radius circumradius, pixels
   * @param rotation radians
   * @param color foreground RGB in [0, 1]
   * @param background background RGB in [0, 1]
   */
  public record Factors(int label, double x, double y, double radius, double rotation,
      float[] color, float[] background) {}

  /** An image [3, size, size] in [0, 1] and its factors. */
  public record Image(float[] pixels, Factors factors) {}

  /** One image of {@code size} x {@code size} pixels, all randomness from {@code rng}. */
  public static Image sample(int size, SplittableRandom rng) {
    Checks.arg(size >= 8, "shape images need size >= 8, got %s", size);
    int label = rng.nextInt(CLASSES.size());
    double radius = (0.25 + 0.2 * rng.nextDouble()) * size;
    double x = radius + rng.nextDouble() * (size - 2 * radius);
    double y = radius + rng.nextDouble() * (size - 2 * radius);
    double rotation = rng.nextDouble() * 2 * Math.PI;
    float[] color;
    float[] background;
    do {
      color = rgb(rng);
      background = rgb(rng);
    } while (distance(color, background) < MIN_CONTRAST);
    Factors f = new Factors(label, x, y, radius, rotation, color, background);
    return new Image(render(size, f), f);
  }

  /** The image [3, size, size] of the given factors. */
  public static float[] render(int size, Factors f) {
    int plane = size * size;
    float[] out = new float[3 * plane];
    for (int ch = 0; ch < 3; ch++) {
      java.util.Arrays.fill(out, ch * plane, (ch + 1) * plane, f.background()[ch]);
    }
    paint(out, 3, size, f.label(), f.x(), f.y(), f.radius(), f.rotation(), f.color());
    return out;
  }

  /**
   * Paints shape {@code label} (centre (x, y), circumradius, rotation, in pixels and radians) over
   * the image {@code canvas} [channels, size, size]: each pixel inside the shape's bounding box
   * becomes w color + (1 - w) old, with w the exact-area coverage estimated from 4 x 4 samples.
   * {@code color} has one value per channel.
   */
  public static void paint(float[] canvas, int channels, int size, int label, double x, double y,
      double radius, double rotation, float[] color) {
    Checks.arg(label >= 0 && label < CLASSES.size(), "label %s is not in 0..%s", label,
        CLASSES.size() - 1);
    Checks.arg(canvas.length == channels * size * size && color.length == channels,
        "canvas of %s values and %s colour values do not fit [%s, %s, %s]", canvas.length,
        color.length, channels, size, size);
    double[][] unit = outline(label);
    int n = unit.length;
    double[] px = new double[n];
    double[] py = new double[n];
    double c = StrictMath.cos(rotation);
    double s = StrictMath.sin(rotation);
    for (int i = 0; i < n; i++) {
      px[i] = x + radius * (c * unit[i][0] - s * unit[i][1]);
      py[i] = y + radius * (s * unit[i][0] + c * unit[i][1]);
    }
    int plane = size * size;
    double step = 1.0 / SUPERSAMPLE;
    int r0 = Math.max(0, (int) Math.floor(y - radius));
    int r1 = Math.min(size - 1, (int) Math.ceil(y + radius));
    int c0 = Math.max(0, (int) Math.floor(x - radius));
    int c1 = Math.min(size - 1, (int) Math.ceil(x + radius));
    for (int row = r0; row <= r1; row++) {
      for (int col = c0; col <= c1; col++) {
        int inside = 0;
        for (int a = 0; a < SUPERSAMPLE; a++) {
          for (int b = 0; b < SUPERSAMPLE; b++) {
            if (contains(px, py, col + (b + 0.5) * step, row + (a + 0.5) * step)) {
              inside++;
            }
          }
        }
        if (inside == 0) {
          continue;
        }
        float w = inside / (float) (SUPERSAMPLE * SUPERSAMPLE);
        for (int ch = 0; ch < channels; ch++) {
          int k = ch * plane + row * size + col;
          canvas[k] = w * color[ch] + (1 - w) * canvas[k];
        }
      }
    }
  }

  /** The outline of class {@code label} with circumradius 1, vertices in order. */
  static double[][] outline(int label) {
    return switch (CLASSES.get(label)) {
      case "circle" -> regular(48, 1.0, 0.0);
      case "square" -> regular(4, 1.0, Math.PI / 4);
      case "triangle" -> regular(3, 1.0, -Math.PI / 2);
      case "star" -> star(5, 1.0, 0.45);
      case "cross" -> cross(1.0, 0.35);
      case "ell" -> new double[][] {{-0.6, -0.8}, {-0.1, -0.8}, {-0.1, 0.3}, {0.6, 0.3},
          {0.6, 0.8}, {-0.6, 0.8}}; // an L whose outer corners lie on the unit circle
      default -> throw new IllegalStateException("no outline for " + CLASSES.get(label));
    };
  }

  private static double[][] regular(int n, double r, double phase) {
    double[][] v = new double[n][];
    for (int i = 0; i < n; i++) {
      double t = phase + 2 * Math.PI * i / n;
      v[i] = new double[] {r * StrictMath.cos(t), r * StrictMath.sin(t)};
    }
    return v;
  }

  /** A star of {@code points} tips at radius r and notches at inner x r. */
  private static double[][] star(int points, double r, double inner) {
    double[][] v = new double[2 * points][];
    for (int i = 0; i < 2 * points; i++) {
      double t = -Math.PI / 2 + Math.PI * i / points;
      double rr = i % 2 == 0 ? r : inner * r;
      v[i] = new double[] {rr * StrictMath.cos(t), rr * StrictMath.sin(t)};
    }
    return v;
  }

  /** A plus sign of half-width h whose arm ends' corners lie on the circle of radius r. */
  private static double[][] cross(double r, double h) {
    double a = Math.sqrt(r * r - h * h); // arm length so the corners (a, h) are at radius r
    return new double[][] {{a, -h}, {a, h}, {h, h}, {h, a}, {-h, a}, {-h, h}, {-a, h}, {-a, -h},
        {-h, -h}, {-h, -a}, {h, -a}, {h, -h}};
  }

  /** Even-odd point-in-polygon test. */
  private static boolean contains(double[] px, double[] py, double x, double y) {
    boolean in = false;
    for (int i = 0, j = px.length - 1; i < px.length; j = i++) {
      if ((py[i] > y) != (py[j] > y)
          && x < (px[j] - px[i]) * (y - py[i]) / (py[j] - py[i]) + px[i]) {
        in = !in;
      }
    }
    return in;
  }

  private static float[] rgb(SplittableRandom rng) {
    return new float[] {(float) rng.nextDouble(), (float) rng.nextDouble(),
        (float) rng.nextDouble()};
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < 3; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }
}
