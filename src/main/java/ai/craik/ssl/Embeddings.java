package ai.craik.ssl;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Shape checks and batch statistics shared by the criteria of this package (Z of shape [B, D]). */
final class Embeddings {
  private Embeddings() {}

  /** Checks that z is [B, D] with B at least {@code minRows}; {@code why} says why B must be. */
  static void checkBatch(String who, NDArray z, long minRows, String why) {
    Shape s = z.getShape();
    Checks.arg(s.dimension() == 2,
        "%s expects embeddings [B, D], got shape %s; reshape to [B, D] first", who, s);
    Checks.arg(s.get(0) >= minRows,
        "%s needs at least %s %s, got %s (%s); use a larger batch", who, minRows,
        minRows == 1 ? "row" : "rows", s.get(0), why);
    Checks.arg(s.get(1) >= 1, "%s needs at least 1 column, got shape %s", who, s);
  }

  /** Checks that za and zb are both [B, D] with the same shape and B at least {@code minRows}. */
  static void checkPair(String who, NDArray za, NDArray zb, long minRows, String why) {
    checkBatch(who, za, minRows, why);
    Checks.arg(za.getShape().equals(zb.getShape()),
        "%s expects two views of the same shape [B, D], got %s and %s; pair row b with row b",
        who, za.getShape(), zb.getShape());
  }

  /** z - mean over rows: [B, D] to [B, D]. */
  static NDArray centred(NDArray z) {
    return z.sub(z.mean(new int[] {0}, true));
  }

  /** Mask [D, D] that is 0 on the diagonal and 1 elsewhere, in like's manager and data type. */
  static NDArray offDiagonal(NDArray like, int d) {
    return like.getManager().eye(d).toType(like.getDataType(), false).neg().add(1f);
  }

  /** Identity [D, D] in like's manager and data type. */
  static NDArray eye(NDArray like, int d) {
    return like.getManager().eye(d).toType(like.getDataType(), false);
  }

  /** A host constant of the given shape in like's manager and data type. */
  static NDArray constant(NDArray like, double[] values, Shape shape) {
    if (like.getDataType() == DataType.FLOAT32) {
      float[] f = new float[values.length];
      for (int i = 0; i < values.length; i++) {
        f[i] = (float) values[i];
      }
      return like.getManager().create(f, shape);
    }
    return like.getManager().create(values, shape).toType(like.getDataType(), false);
  }
}
