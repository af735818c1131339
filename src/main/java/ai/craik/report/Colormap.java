package ai.craik.report;

import ai.craik.config.Checks;
import java.awt.Color;

/**
 * Maps a number t in [0, 1] to a colour by linear interpolation (in sRGB) between anchor colours.
 *
 * <p>{@link #viridis()} is the perceptually uniform colormap of matplotlib (Smith, van der Walt and
 * Firing, 2015; released under CC0): its lightness rises monotonically from dark purple (t = 0) to
 * yellow (t = 1), so it prints in greyscale and reads correctly for colour-blind viewers. Only the
 * values are taken: 16 entries of matplotlib's 256-entry table {@code _viridis_data}, at indices
 * 0, 17, ..., 255 (t = k/15). Interpolating between them stays within 7/255 per channel of the full
 * table.
 */
public final class Colormap {
  /** matplotlib {@code _viridis_data[17 k]}, k = 0..15, as sRGB fractions. */
  private static final double[][] VIRIDIS = {
    {0.267004, 0.004874, 0.329415},
    {0.282656, 0.100196, 0.422160},
    {0.277134, 0.185228, 0.489898},
    {0.253935, 0.265254, 0.529983},
    {0.221989, 0.339161, 0.548752},
    {0.190631, 0.407061, 0.556089},
    {0.163625, 0.471133, 0.558148},
    {0.139147, 0.533812, 0.555298},
    {0.120565, 0.596422, 0.543611},
    {0.134692, 0.658636, 0.517649},
    {0.208030, 0.718701, 0.472873},
    {0.327796, 0.773980, 0.406640},
    {0.477504, 0.821444, 0.318195},
    {0.647257, 0.858400, 0.209861},
    {0.824940, 0.884720, 0.106217},
    {0.993248, 0.906157, 0.143936},
  };

  private static final Colormap VIRIDIS_MAP = new Colormap("viridis", VIRIDIS);

  private final String name;
  private final double[][] anchors; // [K][3], equally spaced over [0, 1]

  private Colormap(String name, double[][] anchors) {
    this.name = name;
    this.anchors = anchors;
  }

  /** matplotlib's viridis: dark purple at 0, teal at 0.5, yellow at 1. */
  public static Colormap viridis() {
    return VIRIDIS_MAP;
  }

  /** The colormap's name, e.g. {@code viridis}. */
  public String name() {
    return name;
  }

  /** Packed 0xRRGGBB colour at {@code t}; t is clamped to [0, 1] and must not be NaN. */
  public int rgb(double t) {
    Checks.arg(!Double.isNaN(t), "colormap %s got t=NaN; map missing values before calling", name);
    double s = Math.min(1.0, Math.max(0.0, t)) * (anchors.length - 1);
    int k = Math.min((int) s, anchors.length - 2);
    double f = s - k;
    int rgb = 0;
    for (int c = 0; c < 3; c++) {
      double v = anchors[k][c] + (anchors[k + 1][c] - anchors[k][c]) * f;
      rgb = (rgb << 8) | (int) Math.round(v * 255.0);
    }
    return rgb;
  }

  /** The colour at {@code t} (see {@link #rgb(double)}). */
  public Color color(double t) {
    return new Color(rgb(t));
  }

  @Override
  public String toString() {
    return "Colormap[" + name + "]";
  }
}
