package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.engine.HostRandom;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Eigenvalues, effective rank and per-dimension std against known spectra. */
class DiagnosticsTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  /** Q diag(lambda) Q^T with Q a product of random Householder reflections (orthogonal). */
  static double[][] withSpectrum(double[] lambda, SplittableRandom rng) {
    int n = lambda.length;
    double[][] q = new double[n][n];
    for (int i = 0; i < n; i++) {
      q[i][i] = 1;
    }
    for (int r = 0; r < 3; r++) {
      float[] g = HostRandom.normal(rng, n);
      double norm = 0;
      for (float x : g) {
        norm += (double) x * x;
      }
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = g[i] / Math.sqrt(norm);
      }
      double[][] next = new double[n][n]; // q (I - 2 v v^T)
      for (int i = 0; i < n; i++) {
        double qv = 0;
        for (int k = 0; k < n; k++) {
          qv += q[i][k] * v[k];
        }
        for (int j = 0; j < n; j++) {
          next[i][j] = q[i][j] - 2 * qv * v[j];
        }
      }
      q = next;
    }
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int k = 0; k < n; k++) {
          a[i][j] += q[i][k] * lambda[k] * q[j][k];
        }
      }
    }
    return a;
  }

  @Test
  void eigenvaluesOfKnownSpectraAreRecovered() {
    assertThat(SymmetricEigenvalues.of(new double[][] {{2, 1}, {1, 2}}))
        .containsExactly(new double[] {1, 3}, offset(1e-12));
    assertThat(SymmetricEigenvalues.of(new double[][] {{5}})).containsExactly(5.0);
    assertThat(SymmetricEigenvalues.of(new double[][] {{3, 0, 0}, {0, -1, 0}, {0, 0, 2}}))
        .containsExactly(new double[] {-1, 2, 3}, offset(1e-12));
    assertThat(SymmetricEigenvalues.of(new double[4][4])).containsOnly(0.0);
    double[] lambda = {-2.5, 0, 0, 1e-3, 1, 1, 4, 9}; // repeated, zero and negative eigenvalues
    double[] got = SymmetricEigenvalues.of(withSpectrum(lambda, new SplittableRandom(3)));
    assertThat(got).containsExactly(lambda, offset(1e-10));
  }

  @Test
  void eigenvaluesRejectNonFiniteEntries() {
    double[][] a = withSpectrum(new double[] {-3, 0, 1, 7.5, 40}, new SplittableRandom(5));
    a[2][3] = Double.NaN;
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SymmetricEigenvalues.of(a))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(2, 3)")
        .hasMessageContaining("NaN");
  }

  @Test
  void eigenvaluesConvergeOnRankDeficientGramMatrices() {
    // Gram matrices of a few points in 64 dimensions: a cluster of eigenvalues at round-off level
    // (a training run once stopped here with "QL did not converge").
    SplittableRandom rng = new SplittableRandom(11);
    for (int trial = 0; trial < 200; trial++) {
      int n = 64;
      int rank = 1 + trial % 6;
      double scale = StrictMath.pow(10, -8 + trial % 17);
      double[][] x = new double[rank][n];
      for (double[] row : x) {
        float[] g = HostRandom.normal(rng, n);
        for (int j = 0; j < n; j++) {
          row[j] = g[j] * scale;
        }
      }
      double[][] gram = new double[n][n];
      double trace = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          for (double[] row : x) {
            gram[i][j] += row[i] * row[j];
          }
        }
        trace += gram[i][i];
      }
      double[] ev = SymmetricEigenvalues.of(gram);
      assertThat(Arrays.stream(ev).sum()).isCloseTo(trace, offset(1e-9 * trace));
      assertThat(ev[n - rank - 1]).isLessThan(1e-9 * ev[n - 1]); // the null space is numerically 0
      assertThat(ev[n - rank]).isGreaterThan(0.0);
    }
  }

  @Test
  void eigenvaluesOfA512MatrixKeepTraceAndFrobeniusNorm() {
    int n = 512;
    SplittableRandom rng = new SplittableRandom(7);
    float[] g = HostRandom.normal(rng, n * n);
    double[][] a = new double[n][n];
    double trace = 0;
    double frob = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        a[i][j] = g[i * n + j];
        a[j][i] = g[i * n + j];
      }
    }
    for (int i = 0; i < n; i++) {
      trace += a[i][i];
      for (int j = 0; j < n; j++) {
        frob += a[i][j] * a[i][j];
      }
    }
    double[] ev = SymmetricEigenvalues.of(a);
    assertThat(Arrays.stream(ev).sum()).isCloseTo(trace, offset(1e-8 * frob));
    assertThat(Arrays.stream(ev).map(x -> x * x).sum()).isCloseTo(frob, offset(1e-9 * frob));
    // Wigner semicircle: the spectrum of this matrix lies within about ±2 sqrt(n)
    assertThat(ev[n - 1]).isBetween(1.8 * Math.sqrt(n), 2.2 * Math.sqrt(n));
  }

  @Test
  void effectiveRankOfKnownSpectra() {
    assertThat(EffectiveRank.fromSingularValues(new double[] {2, 2, 2, 2})).isCloseTo(4,
        offset(1e-12));
    assertThat(EffectiveRank.fromSingularValues(new double[] {5, 0, 0})).isEqualTo(1.0);
    double h = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
    assertThat(EffectiveRank.fromSingularValues(new double[] {3, 1})).isCloseTo(Math.exp(h),
        offset(1e-12));
    assertThat(EffectiveRank.fromGramEigenvalues(new double[] {9, 1, -1e-15})).isCloseTo(
        Math.exp(h), offset(1e-12));
    assertThat(EffectiveRank.fromSingularValues(new double[] {0, 0})).isZero();
  }

  /** Rows +e_i and -e_i, i < d: centred covariance 2 I, all singular values equal. */
  static double[][] isotropic(int d) {
    double[][] z = new double[2 * d][d];
    for (int i = 0; i < d; i++) {
      z[2 * i][i] = 1;
      z[2 * i + 1][i] = -1;
    }
    return z;
  }

  /** Rows t_b v with a fixed v: all variance along one direction. */
  static double[][] rankOne(int n, int d, SplittableRandom rng) {
    float[] v = HostRandom.normal(rng, d);
    double[][] z = new double[n][d];
    for (int b = 0; b < n; b++) {
      double t = rng.nextDouble() * 4 - 2;
      for (int j = 0; j < d; j++) {
        z[b][j] = 3 + t * v[j];
      }
    }
    return z;
  }

  @Test
  void identityCovarianceHasRankDAndRankOneHasRankOne() {
    assertThat(EffectiveRank.of(isotropic(6))).isCloseTo(6, offset(1e-9));
    assertThat(EffectiveRank.of(rankOne(20, 6, new SplittableRandom(1)))).isCloseTo(1,
        offset(1e-6));
    assertThat(EffectiveRank.of(rankOne(4, 9, new SplittableRandom(2)))).isCloseTo(1,
        offset(1e-6)); // N < D: via the Gram matrix
  }

  static NDArray toNd(NDManager m, double[][] z) {
    float[] f = new float[z.length * z[0].length];
    for (int i = 0; i < z.length; i++) {
      for (int j = 0; j < z[0].length; j++) {
        f[i * z[0].length + j] = (float) z[i][j];
      }
    }
    return m.create(f, new Shape(z.length, z[0].length));
  }

  @Test
  void latentDiagnosticsOfKnownBatches() {
    try (NDManager m = NDManager.newBaseManager()) {
      // 12 rows ±e_i in D = 6: each column has two ±1 and ten 0: unbiased var 2/11
      LatentDiagnostics iso = LatentDiagnostics.of(toNd(m, isotropic(6)));
      assertThat(iso.effectiveRank()).isCloseTo(6, offset(1e-6));
      assertThat(iso.stdMin()).isCloseTo(Math.sqrt(2.0 / 11), offset(1e-7));
      assertThat(iso.stdMean()).isCloseTo(Math.sqrt(2.0 / 11), offset(1e-7));
      assertThat(iso.samples()).isEqualTo(12);
      // N > D and N < D paths agree with the host computation
      for (int[] nd : new int[][] {{40, 8}, {5, 16}}) {
        double[][] z = new double[nd[0]][nd[1]];
        float[] g = HostRandom.normal(new SplittableRandom(nd[0]), nd[0] * nd[1]);
        for (int i = 0; i < nd[0]; i++) {
          for (int j = 0; j < nd[1]; j++) {
            z[i][j] = g[i * nd[1] + j] * (1 + j); // unequal column scales
          }
        }
        NDArray x = toNd(m, z);
        double host = EffectiveRank.of(z);
        assertThat(LatentDiagnostics.of(x).effectiveRank()).as("N=%d D=%d", nd[0], nd[1])
            .isCloseTo(host, offset(1e-4 * host));
        assertThat(LatentDiagnostics.of(x.reshape(1, nd[0], nd[1])).effectiveRank())
            .isCloseTo(host, offset(1e-4 * host));
      }
      LatentDiagnostics collapsed = LatentDiagnostics.of(m.ones(new Shape(4, 3)));
      assertThat(collapsed.stdMin()).isZero();
      assertThat(collapsed.effectiveRank()).isZero();
      assertThatThrownBy(() -> LatentDiagnostics.of(m.ones(new Shape(1, 3))))
          .hasMessageContaining("at least 2 latents");
    }
  }
}
