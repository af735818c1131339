package ai.craik.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
  private static final int BLUE = 0x1f77b4; // first series colour (tab10)
  private static final int ORANGE = 0xff7f0e; // second series colour

  @Test
  void lineChartWritesADecodablePngOfTheRequestedSizeWithBothSeries(@TempDir Path dir)
      throws Exception {
    double[] steps = {0, 1, 2, 3, 4, 5};
    LineChart chart = LineChart.builder()
        .optTitle("Loss").optXLabel("step").optYLabel("loss").optSize(500, 320).optLogY(true)
        .addSeries("train", steps, new double[] {10, 5, 2, 1, 0.5, 0.2})
        .addSeries("validation", new double[] {12, 6, Double.NaN, 1.5, Double.POSITIVE_INFINITY, 0.4})
        .build();
    Path file = dir.resolve("loss.png");
    chart.savePng(file);

    BufferedImage png = ImageIO.read(file.toFile());
    assertThat(png).isNotNull();
    assertThat(png.getWidth()).isEqualTo(500);
    assertThat(png.getHeight()).isEqualTo(320);
    assertThat(count(png, BLUE, 40)).as("pixels of the first series").isGreaterThan(100);
    assertThat(count(png, ORANGE, 40)).as("pixels of the second series").isGreaterThan(50);
  }

  @Test
  void lineChartRejectsEmptyMismatchedDuplicateAndNonPositiveLogSeries() {
    assertThatThrownBy(() -> LineChart.builder().addSeries("loss", new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("series 'loss' is empty");
    assertThatThrownBy(() -> LineChart.builder()
        .addSeries("loss", new double[] {1, 2, 3}, new double[] {1, 2}))
        .hasMessageContaining("series 'loss' has 3 x values but 2 y values");
    assertThatThrownBy(() -> LineChart.builder().build())
        .hasMessageContaining("line chart has no series");
    assertThatThrownBy(() -> LineChart.builder()
        .addSeries("a", new double[] {1}).addSeries("a", new double[] {2}).build())
        .hasMessageContaining("two series named 'a'");
    assertThatThrownBy(() -> LineChart.builder().optLogY(true)
        .addSeries("cost", new double[] {3, 0, 1}).build())
        .hasMessageContaining("series 'cost' has y[1]=0.0")
        .hasMessageContaining("optLogY(false)");
    assertThatThrownBy(() -> LineChart.builder()
        .addSeries("nan", new double[] {Double.NaN, Double.NaN}))
        .hasMessageContaining("no finite point");
    assertThatThrownBy(() -> LineChart.builder().optSize(50, 300))
        .hasMessageContaining("size 50x300");
  }

  @Test
  void scatterWithEqualAspectDrawsACircleAsRoundAndWithoutItAsStretched() {
    int n = 200;
    double[][] circle = new double[n][2];
    for (int i = 0; i < n; i++) {
      circle[i][0] = 3 + Math.cos(2 * Math.PI * i / n);
      circle[i][1] = -1 + Math.sin(2 * Math.PI * i / n);
    }
    BufferedImage round = ScatterChart.builder().optSize(640, 360).optEqualAspect(true)
        .optLegend(false).addPoints("circle", circle).build().render();
    int[] box = boundingBox(round, BLUE, 30);
    double width = box[2] - box[0];
    double height = box[3] - box[1];
    assertThat(width / height).as("bounding box %s", java.util.Arrays.toString(box))
        .isBetween(0.96, 1.04);

    BufferedImage stretched = ScatterChart.builder().optSize(640, 360).optLegend(false)
        .addPoints("circle", circle).build().render();
    int[] free = boundingBox(stretched, BLUE, 30);
    assertThat((double) (free[2] - free[0]) / (free[3] - free[1])).isGreaterThan(1.3);
  }

  @Test
  void scatterDrawsEachPointSetInItsOwnColourAndSkipsNonFinitePoints() {
    BufferedImage image = ScatterChart.builder().optSize(400, 400)
        .addPoints("data", new double[] {0, 1, Double.NaN}, new double[] {0, 1, 2})
        .addPoints("samples", new double[][] {{0.5, 0.5}, {0.2, 0.9}}, Marker.CROSS)
        .build().render();
    assertThat(count(image, BLUE, 30)).isGreaterThan(10);
    assertThat(count(image, ORANGE, 30)).isGreaterThan(5);
    assertThatThrownBy(() -> ScatterChart.builder().addPoints("bad", new double[][] {{1, 2, 3}}))
        .hasMessageContaining("point set 'bad' row 0 has 3 values")
        .hasMessageContaining("[N][2]");
  }

  private static int count(BufferedImage image, int rgb, int tolerance) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (Pixels.distance(image.getRGB(x, y) & 0xffffff, rgb) <= tolerance) {
          count++;
        }
      }
    }
    return count;
  }

  /** {xmin, ymin, xmax, ymax} of the pixels within {@code tolerance} of {@code rgb}. */
  private static int[] boundingBox(BufferedImage image, int rgb, int tolerance) {
    int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (Pixels.distance(image.getRGB(x, y) & 0xffffff, rgb) <= tolerance) {
          box[0] = Math.min(box[0], x);
          box[1] = Math.min(box[1], y);
          box[2] = Math.max(box[2], x);
          box[3] = Math.max(box[3], y);
        }
      }
    }
    assertThat(box[2]).as("some pixels of colour %06x", rgb).isGreaterThanOrEqualTo(0);
    return box;
  }
}
