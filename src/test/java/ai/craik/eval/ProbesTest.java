package ai.craik.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Linear probe, k-NN and PCA on features whose answers are known. */
class ProbesTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  /** n points of 3 classes: the class sets one of the first three coordinates to 3, noise N(0, 1). */
  static FeatureSet separable(int n, int dim, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] v = new float[n * dim];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = rng.nextInt(3);
      for (int j = 0; j < dim; j++) {
        v[i * dim + j] = (float) (gaussian(rng) * 0.5 + (j == labels[i] ? 3 : 0));
      }
    }
    return new FeatureSet(v, dim, labels, 3);
  }

  static double gaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  @Test
  void linearProbeSeparatesSeparableClassesAndNotShuffledOnes() {
    FeatureSet train = separable(600, 8, 1);
    FeatureSet test = separable(300, 8, 2);
    try (NDManager m = NDManager.newBaseManager()) {
      double acc = LinearProbe.evaluate(m, train, test, 20, 64, 0.01, 0, new SplittableRandom(3));
      assertThat(acc).isGreaterThan(0.97);
      int[] shuffled = train.labels().clone();
      SplittableRandom r = new SplittableRandom(4);
      for (int i = 0; i < shuffled.length; i++) {
        shuffled[i] = r.nextInt(3);
      }
      double chance = LinearProbe.evaluate(m, new FeatureSet(train.values(), 8, shuffled, 3),
          test, 20, 64, 0.01, 0, new SplittableRandom(3));
      assertThat(chance).isLessThan(0.6);
    }
  }

  @Test
  void onlineStepsLowerTheLossAndBadLabelsAreRejected() {
    FeatureSet train = separable(128, 8, 5);
    try (NDManager m = NDManager.newBaseManager()) {
      LinearProbe probe = new LinearProbe(m, 8, 3, 0, new SplittableRandom(6));
      var x = m.create(train.values(), new Shape(128, 8));
      double first = probe.trainStep(x, train.labels(), 0.05);
      double last = first;
      for (int i = 0; i < 50; i++) {
        last = probe.trainStep(x, train.labels(), 0.05);
      }
      assertThat(last).isLessThan(first / 3);
      assertThat(probe.accuracy(x, train.labels())).isGreaterThan(0.95);
      assertThatThrownBy(() -> probe.trainStep(x, new int[] {0, 1}, 0.1))
          .hasMessageContaining("expects features [2, 8]");
      int[] bad = train.labels().clone();
      bad[0] = 3;
      assertThatThrownBy(() -> probe.trainStep(x, bad, 0.1)).hasMessageContaining("outside [0, 3)");
    }
  }

  @Test
  void knnVotesForTheNearestClassesByCosine() {
    // Training rows along three directions; a test row nearest (by angle) to direction 1.
    float[] tr = {1, 0, 2, 0, 0, 1, 0, 3, 1, 1, 3, 3};
    FeatureSet train = new FeatureSet(tr, 2, new int[] {0, 0, 1, 1, 2, 2}, 3);
    FeatureSet test = new FeatureSet(new float[] {0.1f, 5, 4, 0.2f, 1, 0.9f}, 2,
        new int[] {1, 0, 2}, 3);
    try (NDManager m = NDManager.newBaseManager()) {
      assertThat(new KnnClassifier(1, 0.07).predict(m, train, test)).containsExactly(1, 0, 2);
      assertThat(new KnnClassifier(2, 0.07).accuracy(m, train, test)).isEqualTo(1.0);
      FeatureSet big = separable(400, 6, 7);
      assertThat(new KnnClassifier(20, 0.07).accuracy(m, big, separable(200, 6, 8)))
          .isGreaterThan(0.95);
    }
    assertThatThrownBy(() -> new KnnClassifier(0, 0.1)).hasMessageContaining("k >= 1");
  }

  @Test
  void pcaFindsTheDirectionOfLargestVariance() {
    SplittableRandom rng = new SplittableRandom(9);
    int n = 2000;
    float[] v = new float[n * 3];
    for (int i = 0; i < n; i++) {
      double a = gaussian(rng) * 3;
      double b = gaussian(rng) * 1;
      double c = gaussian(rng) * 0.1;
      // Direction 1: (1, 1, 0) / sqrt 2 with std 3; direction 2: (0, 0, 1) with std 1.
      v[i * 3] = (float) (a / Math.sqrt(2) + c / Math.sqrt(2) + 5);
      v[i * 3 + 1] = (float) (a / Math.sqrt(2) - c / Math.sqrt(2));
      v[i * 3 + 2] = (float) b;
    }
    Pca pca = Pca.fit(v, 3, 2, 1);
    assertThat(Math.abs(pca.components()[0][0])).isCloseTo(Math.sqrt(0.5), offset(0.02));
    assertThat(Math.abs(pca.components()[0][1])).isCloseTo(Math.sqrt(0.5), offset(0.02));
    assertThat(Math.abs(pca.components()[1][2])).isCloseTo(1.0, offset(0.01));
    assertThat(pca.variances()[0]).isCloseTo(9, offset(0.8));
    assertThat(pca.variances()[1]).isCloseTo(1, offset(0.1));
    double[][] xy = pca.project(v, 3);
    assertThat(xy[0]).hasSize(2);
  }
}
