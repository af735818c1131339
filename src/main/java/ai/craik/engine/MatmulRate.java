package ai.craik.engine;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Measures the engine's float32 matrix-multiply rate on this machine, the reference against which
 * a model's achieved FLOP rate is judged: an n×n by n×n product costs 2n³ floating-point operations.
 */
public final class MatmulRate {
  private MatmulRate() {}

  /**
   * GFLOP/s of n×n float32 matmuls, timed over at least {@code seconds} after one warm-up product.
   * Inputs are constant (no random generator is touched).
   */
  public static double measure(NDManager parent, int n, double seconds) {
    Checks.arg(n >= 8 && seconds > 0, "matmul benchmark needs n >= 8 and seconds > 0, got %s, %s",
        n, seconds);
    try (NDManager m = parent.newSubManager()) {
      NDArray a = m.ones(new Shape(n, n)).mul(0.5f);
      NDArray b = m.ones(new Shape(n, n)).mul(0.25f);
      a.matMul(b).getFloat(0, 0); // warm-up, forces execution
      long start = System.nanoTime();
      long count = 0;
      while (count == 0 || System.nanoTime() - start < seconds * 1e9) {
        try (NDArray c = a.matMul(b)) {
          c.getFloat(0, 0);
        }
        count++;
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      return 2.0 * n * n * (double) n * count / elapsed / 1e9;
    }
  }
}
