package ai.craik.jepa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.craik.engine.Engines;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImageBackbonesTest {

  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  @Test
  void smallCnnHalvesAfterTheFirstLayerAndPoolsTheMap() {
    try (NDManager m = NDManager.newBaseManager()) {
      SmallCnn net = new SmallCnn(new Parameters(m), 3, 32, new int[] {4, 8, 16}, 8,
          new SplittableRandom(1));
      assertThat(net.mapSize()).isEqualTo(8);
      assertThat(net.featureChannels()).isEqualTo(16);
      // 3x3 convs: 3->4 at 32x32, 4->8 at 16x16, 8->16 at 8x8.
      assertThat(net.multiplyAddsPerImage())
          .isEqualTo(4L * 3 * 9 * 32 * 32 + 8L * 4 * 9 * 16 * 16 + 16L * 8 * 9 * 8 * 8);
      NDArray x = m.randomUniform(0, 1, new Shape(2, 3, 32, 32));
      NDArray map = net.featureMap(x);
      assertThat(map.getShape()).isEqualTo(new Shape(2, 16, 8, 8));
      float[] f = net.features(x).toFloatArray();
      float[] mv = map.toFloatArray();
      double mean = 0;
      for (int i = 0; i < 64; i++) {
        mean += mv[64 + i]; // image 0, channel 1
      }
      assertThat((double) f[1]).isCloseTo(mean / 64, offset(1e-5));
    }
  }

  @Test
  void resNet18CifarHasFourStagesOfTwoBlocksAndAnEighthOfTheInputAtTheEnd() {
    try (NDManager m = NDManager.newBaseManager()) {
      Parameters p = new Parameters(m);
      ResNet net = ResNet.resNet18Cifar(p, 1, 16, 4, new SplittableRandom(2));
      assertThat(net.featureChannels()).isEqualTo(32);
      assertThat(net.mapSize()).isEqualTo(2);
      assertThat(p.asMap().keySet()).contains("layer3.1.conv1.w", "layer1.0.proj.w")
          .doesNotContain("layer0.0.proj.w", "layer4.0.conv0.w");
      NDArray y = net.features(m.randomUniform(0, 1, new Shape(3, 1, 16, 16)));
      assertThat(y.getShape()).isEqualTo(new Shape(3, 32));
      for (float v : y.toFloatArray()) {
        assertThat(Float.isFinite(v)).isTrue();
      }
    }
    assertThatThrownBy(() -> {
      try (NDManager m = NDManager.newBaseManager()) {
        new ResNet(new Parameters(m), 3, 16, 1, new int[] {8, 16}, new int[] {2}, 8,
            new SplittableRandom(1));
      }
    }).hasMessageContaining("one block count per stage");
  }
}
