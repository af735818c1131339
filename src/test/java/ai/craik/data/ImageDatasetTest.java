package ai.craik.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDatasetTest {
  @TempDir Path tmp;

  @Test
  void generatedShapesAreSeededAndIndependentOfThreads() {
    ImageDataset.ShapesSize size = new ImageDataset.ShapesSize(40, 10, 16);
    ImageDataset one = ImageDataset.open("shapes", size, 5, 1);
    ImageDataset two = ImageDataset.open("shapes", size, 5, 2);
    ImageDataset other = ImageDataset.open("shapes", size, 6, 1);
    assertThat(one.train().images()).isEqualTo(two.train().images());
    assertThat(one.test().labels()).isEqualTo(two.test().labels());
    assertThat(one.train().images()).isNotEqualTo(other.train().images());
    assertThat(one.train().images()).isNotEqualTo(
        java.util.Arrays.copyOf(one.test().images(), one.train().images().length));
    assertThat(one.classes()).isEqualTo(Shapes.CLASSES.size());
    assertThat(one.train().channels()).isEqualTo(3);
    assertThat(one.train().rows()).isEqualTo(16);
    for (int i = 0; i < one.train().size(); i++) {
      assertThat(one.train().label(i)).isBetween(0, Shapes.CLASSES.size() - 1);
    }
  }

  @Test
  void unknownNamesAndMissingFoldersAreOneLineErrors() {
    ImageDataset.ShapesSize size = new ImageDataset.ShapesSize(1, 1, 16);
    assertThatThrownBy(() -> ImageDataset.open("imagenet", size, 0, 1))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("unknown data 'imagenet'").hasMessageContaining("mnist:DIR");
    assertThatThrownBy(() -> ImageDataset.open("mnist:" + tmp.resolve("nope"), size, 0, 1))
        .isInstanceOf(DatasetException.class).hasMessageContaining("is not a folder");
    assertThatThrownBy(() -> ImageDataset.open("cifar10:", size, 0, 1))
        .isInstanceOf(DatasetException.class).hasMessageContaining("unknown data");
  }
}
