package ai.craik.report;

/** Shape drawn at each point of a point set ({@link ScatterChart}, {@link HeatMap} overlays). */
public enum Marker {
  /** Filled disc. */
  CIRCLE,
  /** Filled square. */
  SQUARE,
  /** Filled diamond. */
  DIAMOND,
  /** Diagonal cross (x), two strokes. */
  CROSS,
  /** Upright cross (+), two strokes. */
  PLUS
}
