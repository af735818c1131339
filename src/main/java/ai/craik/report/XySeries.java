package ai.craik.report;

import ai.craik.config.Checks;

/**
 * One named series of points (x[i], y[i]) for an XChart figure; a copy of the caller's arrays in
 * which infinities are replaced by NaN (drawn as gaps). {@code marker} is null for a plain line.
 */
record XySeries(String name, double[] x, double[] y, Marker marker) {
  XySeries {
    Checks.arg(name != null && !name.isBlank(), "series name must be non-blank; got %s",
        name == null ? "null" : "'" + name + "'");
    Checks.arg(x != null && y != null, "series '%s' has a null array; pass x and y", name);
    Checks.arg(x.length == y.length, "series '%s' has %s x values but %s y values;"
        + " pass arrays of equal length", name, x.length, y.length);
    Checks.arg(x.length > 0, "series '%s' is empty; pass at least one point or leave it out", name);
    x = gapsForInfinities(x);
    y = gapsForInfinities(y);
    boolean anyFinite = false;
    for (int i = 0; i < x.length && !anyFinite; i++) {
      anyFinite = Double.isFinite(x[i]) && Double.isFinite(y[i]);
    }
    Checks.arg(anyFinite, "series '%s' has no finite point (all %s are NaN or infinite);"
        + " leave it out or check the run for divergence", name, x.length);
  }

  /** x = 0, 1, ..., n-1 for a series given only by its y values. */
  /** The columns {x, y} of 2-D points {@code points[N][2]}; errors name the point set. */
  static double[][] columns(String name, double[][] points) {
    Checks.arg(points != null, "point set '%s' is null; pass points of shape [N][2]", name);
    double[] x = new double[points.length];
    double[] y = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      Checks.arg(points[i] != null && points[i].length == 2, "point set '%s' row %s has %s"
          + " values; pass points of shape [N][2]", name, i,
          points[i] == null ? "no" : points[i].length);
      x[i] = points[i][0];
      y[i] = points[i][1];
    }
    return new double[][] {x, y};
  }

  static double[] indices(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return x;
  }

  /** Bounds {xmin, xmax, ymin, ymax} over the finite points of all series. */
  static double[] bounds(Iterable<XySeries> series) {
    double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (XySeries s : series) {
      for (int i = 0; i < s.x.length; i++) {
        if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
          b[0] = Math.min(b[0], s.x[i]);
          b[1] = Math.max(b[1], s.x[i]);
          b[2] = Math.min(b[2], s.y[i]);
          b[3] = Math.max(b[3], s.y[i]);
        }
      }
    }
    return b;
  }

  private static double[] gapsForInfinities(double[] v) {
    double[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      if (Double.isInfinite(out[i])) {
        out[i] = Double.NaN;
      }
    }
    return out;
  }
}
