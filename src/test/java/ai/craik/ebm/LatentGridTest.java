package ai.craik.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LatentGridTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 42L);
  }

  @Test
  void anglesAreUniformOverTheCircleStartingAtZero() {
    LatentGrid g = LatentGrid.angles(4);
    assertThat(g.size()).isEqualTo(4);
    assertThat(g.dim()).isEqualTo(1);
    double[] expected = {0, Math.PI / 2, Math.PI, 3 * Math.PI / 2};
    for (int i = 0; i < 4; i++) {
      assertThat((double) g.point(i)[0]).isCloseTo(expected[i], within(1e-6));
    }
  }

  @Test
  void uniformGridIsRowMajorWithBothEndsAndMidpointForOneCount() {
    LatentGrid g = LatentGrid.uniformGrid(new double[] {0, -1}, new double[] {1, 1},
        new int[] {2, 3});
    assertThat(g.points()).isDeepEqualTo(new float[][] {
        {0, -1}, {0, 0}, {0, 1}, {1, -1}, {1, 0}, {1, 1}});
    LatentGrid mid = LatentGrid.uniformGrid(new double[] {2}, new double[] {4}, new int[] {1});
    assertThat(mid.points()).isDeepEqualTo(new float[][] {{3}});
  }

  @Test
  void oneHotIsTheIdentityCodeBookAndToArrayHasShapeKByDz() {
    LatentGrid g = LatentGrid.oneHot(3);
    assertThat(g.points()).isDeepEqualTo(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = g.toArray(m);
      assertThat(a.getShape()).isEqualTo(new Shape(3, 3));
      assertThat(a.toFloatArray()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
    }
  }

  @Test
  void isImmutableAndComparesByValue() {
    float[][] p = {{1, 2}, {3, 4}};
    LatentGrid g = new LatentGrid(p);
    p[0][0] = 99;
    g.points()[1][1] = 99;
    assertThat(g.point(0)).containsExactly(1, 2);
    assertThat(g.point(1)).containsExactly(3, 4);
    assertThat(g).isEqualTo(new LatentGrid(new float[][] {{1, 2}, {3, 4}}));
  }

  @Test
  void rejectsBadArgumentsNamingThem() {
    assertThatThrownBy(() -> LatentGrid.angles(0)).hasMessageContaining("k=0");
    assertThatThrownBy(() -> LatentGrid.uniformGrid(new double[] {0}, new double[] {1, 2},
        new int[] {2})).hasMessageContaining("same length");
    assertThatThrownBy(() -> LatentGrid.uniformGrid(new double[] {1}, new double[] {0},
        new int[] {2})).hasMessageContaining("lo=1.0 hi=0.0");
    assertThatThrownBy(() -> new LatentGrid(new float[][] {{1, 2}, {3}}))
        .hasMessageContaining("point 1 has 1 values, expected Dz=2");
  }
}
