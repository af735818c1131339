package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/** Row tiling shared by the enumeration and multi-start inference classes of this package. */
final class Rows {
  private Rows() {}

  /** Each row of a [B, D] repeated k times in a row: [B*k, D], row b*k + s = a[b]. */
  static NDArray repeatEach(NDArray a, long k) {
    long b = a.getShape().get(0);
    long d = a.getShape().get(1);
    return a.expandDims(1).broadcast(b, k, d).reshape(b * k, d);
  }
}
