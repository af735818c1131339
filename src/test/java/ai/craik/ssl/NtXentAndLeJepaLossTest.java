package ai.craik.ssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.engine.RandomStreams;
import ai.craik.nn.LossTerms;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NtXentAndLeJepaLossTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void ntXentOnOrthogonalPairsHasTheClosedForm() {
    // Views a = b = {e1, e2}: each row's partner has similarity 1, the two others 0, so
    // L = -log(e^{1/t} / (e^{1/t} + 2)) = log(1 + 2 e^{-1/t}).
    double t = 0.5;
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray za = m.create(new float[] {1, 0, 0, 1}).reshape(2, 2);
      NDArray zb = m.create(new float[] {3, 0, 0, 2}).reshape(2, 2); // norms do not matter
      Map<String, Double> s = new NtXentLoss(t).loss(za, zb).scalars();
      assertThat(s.get("infonce")).isCloseTo(Math.log(1 + 2 * Math.exp(-1 / t)), offset(1e-6));
      assertThat(s.get("total")).isEqualTo(s.get("infonce"));
    }
  }

  @Test
  void ntXentMatchesAHostReferenceAndIsLogOfCandidatesWhenAllRowsAgree() {
    double[][] a = HostReference.normal(new RandomStreams(3L).stream("a"), 6, 4, 1.0);
    double[][] b = HostReference.normal(new RandomStreams(3L).stream("b"), 6, 4, 1.0);
    double tau = 0.2;
    double expected = hostNtXent(a, b, tau);
    try (NDManager m = NDManager.newBaseManager()) {
      double got = new NtXentLoss(tau).loss(HostReference.toNd(m, a), HostReference.toNd(m, b))
          .scalars().get("total");
      assertThat(got).isCloseTo(expected, offset(1e-4));
      NDArray same = m.ones(new ai.djl.ndarray.types.Shape(5, 3));
      assertThat(new NtXentLoss(tau).loss(same, same.duplicate()).scalars().get("total"))
          .isCloseTo(Math.log(9), offset(1e-5));
    }
    assertThatThrownBy(() -> new NtXentLoss(0)).hasMessageContaining("temperature");
  }

  @Test
  void leJepaCombinesHalfTheViewDifferenceAndTheMeanSigRegOfTheViews() {
    double[][] a = HostReference.normal(new RandomStreams(4L).stream("a"), 64, 5, 1.0);
    double[][] b = HostReference.normal(new RandomStreams(4L).stream("b"), 64, 5, 1.0);
    SigReg sig = new SigReg(16, 9, 3.0, 7L);
    double lambda = 0.3;
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray za = HostReference.toNd(m, a);
      NDArray zb = HostReference.toNd(m, b);
      LossTerms t = new LeJepaLoss(lambda, sig).loss(za, zb, new SplittableRandom(11));
      double inv = 0;
      for (int i = 0; i < 64; i++) {
        for (int j = 0; j < 5; j++) {
          inv += (a[i][j] - b[i][j]) * (a[i][j] - b[i][j]);
        }
      }
      inv /= 64 * 5 * 4;
      float[] dirs = SigReg.directions(new SplittableRandom(11), 5, 16);
      double s = (HostReference.sigReg(a, dirs, 16, 9, 3.0) + HostReference.sigReg(b, dirs, 16,
          9, 3.0)) / 2;
      Map<String, Double> v = t.scalars();
      assertThat(v.get("inv")).isCloseTo(inv, offset(1e-5));
      assertThat(v.get("sigreg")).isCloseTo(s, offset(1e-3));
      assertThat(v.get("total")).isCloseTo((1 - lambda) * inv + lambda * s, offset(1e-3));
      // A collapsed batch scores far worse than Gaussian views.
      NDArray point = m.zeros(new ai.djl.ndarray.types.Shape(64, 5)).add(2f);
      assertThat(new LeJepaLoss(1, sig).loss(point, point.duplicate()).scalars().get("total"))
          .isGreaterThan(10 * v.get("sigreg"));
    }
    assertThatThrownBy(() -> new LeJepaLoss(1.5, sig)).hasMessageContaining("lambda");
  }

  private static double hostNtXent(double[][] a, double[][] b, double tau) {
    int n = a.length;
    double[][] u = new double[2 * n][];
    for (int i = 0; i < 2 * n; i++) {
      double[] r = i < n ? a[i] : b[i - n];
      double norm = 0;
      for (double v : r) {
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      u[i] = new double[r.length];
      for (int j = 0; j < r.length; j++) {
        u[i][j] = r[j] / norm;
      }
    }
    double total = 0;
    for (int i = 0; i < 2 * n; i++) {
      int p = i < n ? i + n : i - n;
      double denom = 0;
      double pos = 0;
      for (int j = 0; j < 2 * n; j++) {
        if (j == i) {
          continue;
        }
        double s = 0;
        for (int k = 0; k < u[i].length; k++) {
          s += u[i][k] * u[j][k];
        }
        denom += Math.exp(s / tau);
        if (j == p) {
          pos = s / tau;
        }
      }
      total += Math.log(denom) - pos;
    }
    return total / (2 * n);
  }
}
