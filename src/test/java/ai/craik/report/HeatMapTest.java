package ai.craik.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatMapTest {
  private static final Color RED = new Color(230, 20, 20);
  private static final int LOW = Colormap.viridis().rgb(0);
  private static final int HIGH = Colormap.viridis().rgb(1);

  /** F(x, y) = (x - 1)^2 + y^2 at the cell centres of a 40 x 40 grid over [-2, 2]^2. */
  private static double[][] bowl() {
    double[] xs = HeatMap.cellCenters(-2, 2, 40);
    double[] ys = HeatMap.cellCenters(-2, 2, 40);
    double[][] f = new double[ys.length][xs.length];
    for (int j = 0; j < ys.length; j++) {
      for (int i = 0; i < xs.length; i++) {
        f[j][i] = (xs[i] - 1) * (xs[i] - 1) + ys[j] * ys[j];
      }
    }
    return f;
  }

  private static HeatMap.Builder bowlMap() {
    return HeatMap.builder(bowl(), -2, 2, -2, 2).optTitle("F = (x-1)^2 + y^2")
        .optXLabel("x").optYLabel("y").optColorbarLabel("energy").optSize(480, 400);
  }

  @Test
  void writesAPngOfTheRequestedSizeColouredLowAtTheMinimumAndHighAtTheFarCorner(
      @TempDir Path dir) throws Exception {
    HeatMap map = bowlMap().build();
    Path file = dir.resolve("figures/energy.png");
    map.savePng(file);

    BufferedImage png = ImageIO.read(file.toFile());
    assertThat(png.getWidth()).isEqualTo(480);
    assertThat(png.getHeight()).isEqualTo(400);
    Pixels.assertNear(Pixels.at(png, map.pixelOf(1, 0)), LOW, 3);
    // the largest value sits in the cells at (-2, +-2); look just inside the top-left corner
    Pixels.assertNear(Pixels.at(png, map.pixelOf(-1.97, 1.97)), HIGH, 3);
    Pixels.assertNear(Pixels.at(png, map.pixelOf(-1.97, -1.97)), HIGH, 3);
    // the opposite corner is between the two ends
    int mid = Pixels.at(png, map.pixelOf(1.97, 1.97));
    assertThat(Pixels.distance(mid, LOW)).isGreaterThan(30);
    assertThat(Pixels.distance(mid, HIGH)).isGreaterThan(30);
    assertThat(dir.resolve("figures")).isDirectoryContaining(p -> p.endsWith("energy.png"));
    try (var files = Files.list(dir.resolve("figures"))) {
      assertThat(files.count()).as("no temporary file left").isEqualTo(1);
    }
  }

  @Test
  void plotsTheFieldWithRowZeroAtTheBottom() {
    double[][] values = {{0, 0}, {1, 1}}; // bottom row 0, top row 1
    HeatMap map = HeatMap.builder(values, 0, 1, 0, 1).optSize(300, 300).build();
    BufferedImage image = map.render();
    Pixels.assertNear(Pixels.at(image, map.pixelOf(0.5, 0.25)), LOW, 1);
    Pixels.assertNear(Pixels.at(image, map.pixelOf(0.5, 0.75)), HIGH, 1);
  }

  @Test
  void logScaleColoursByLogOnePlusValueAboveTheMinimum() {
    double[][] values = {{0, 1, 10, 100}};
    HeatMap lin = HeatMap.builder(values, 0, 4, 0, 1).optSize(400, 200).build();
    HeatMap log = HeatMap.builder(values, 0, 4, 0, 1).optSize(400, 200).optLogScale(true).build();
    BufferedImage linImage = lin.render();
    BufferedImage logImage = log.render();
    for (int i = 0; i < 4; i++) {
      double v = values[0][i];
      Point2D p = lin.pixelOf(i + 0.5, 0.5);
      Pixels.assertNear(Pixels.at(linImage, p), Colormap.viridis().rgb(v / 100), 1);
      Pixels.assertNear(Pixels.at(logImage, log.pixelOf(i + 0.5, 0.5)),
          Colormap.viridis().rgb(Math.log1p(v) / Math.log1p(100)), 1);
    }
  }

  @Test
  void fixedValueRangeClampsToTheEndColoursAndNaNCellsAreGrey() {
    double[][] values = {{-5, 0.5, 9, Double.NaN}};
    HeatMap map = HeatMap.builder(values, 0, 4, 0, 1).optSize(400, 200).optValueRange(0, 1)
        .build();
    BufferedImage image = map.render();
    Pixels.assertNear(Pixels.at(image, map.pixelOf(0.5, 0.5)), LOW, 1);
    Pixels.assertNear(Pixels.at(image, map.pixelOf(1.5, 0.5)), Colormap.viridis().rgb(0.5), 1);
    Pixels.assertNear(Pixels.at(image, map.pixelOf(2.5, 0.5)), HIGH, 1);
    Pixels.assertNear(Pixels.at(image, map.pixelOf(3.5, 0.5)), 0xc8c8c8, 1);
    assertThat(map.valueRange()).containsExactly(0, 1);
  }

  @Test
  void equalAspectGivesOneUnitTheSamePixelsOnBothAxes() {
    HeatMap map = HeatMap.builder(new double[][] {{0, 1}}, -2, 2, -1, 1).optSize(600, 600)
        .optEqualAspect(true).build();
    double perX = map.pixelOf(1, 0).getX() - map.pixelOf(0, 0).getX();
    double perY = map.pixelOf(0, 0).getY() - map.pixelOf(0, 1).getY();
    assertThat(perX).isCloseTo(perY, org.assertj.core.api.Assertions.within(0.5));
    HeatMap free = HeatMap.builder(new double[][] {{0, 1}}, -2, 2, -1, 1).optSize(600, 600)
        .build();
    double freeX = free.pixelOf(1, 0).getX() - free.pixelOf(0, 0).getX();
    double freeY = free.pixelOf(0, 0).getY() - free.pixelOf(0, 1).getY();
    assertThat(freeY / freeX).as("without the option the square plot stretches y").isGreaterThan(1.5);
  }

  @Test
  void pointOverlayPaintsItsColourAtThePointAndNowhereFar() {
    HeatMap base = bowlMap().build();
    HeatMap marked = bowlMap()
        .addPoints("minimum", new double[] {1}, new double[] {0}, RED, Marker.CIRCLE).build();
    BufferedImage before = base.render();
    BufferedImage after = marked.render();
    Pixels.assertRedish(Pixels.at(after, marked.pixelOf(1, 0)));
    Point2D far = marked.pixelOf(-1, -1);
    assertThat(Pixels.at(after, far)).isEqualTo(Pixels.at(before, far));
    Point2D nearby = marked.pixelOf(1.4, 0); // about 30 pixels right of the 7-pixel marker
    assertThat(Pixels.at(after, nearby)).isEqualTo(Pixels.at(before, nearby));
  }

  @Test
  void quiverArrowIsCentredOnItsCellAndPointsAlongTheVector() {
    double[][] flat = new double[10][10]; // constant field: every cell gets the middle colour
    HeatMap base = HeatMap.builder(flat, -2, 2, -2, 2).optSize(400, 400).build();
    HeatMap arrows = HeatMap.builder(flat, -2, 2, -2, 2).optSize(400, 400)
        .addQuiver(new double[][] {{1}}, new double[][] {{0}}, RED).build();
    BufferedImage before = base.render();
    BufferedImage after = arrows.render();
    // one quiver cell = the whole box; the arrow spans 0.9 of it, centred at (0, 0), pointing +x
    Pixels.assertRedish(Pixels.at(after, arrows.pixelOf(0, 0.001)));
    Pixels.assertRedish(Pixels.at(after, arrows.pixelOf(-1.5, 0.001)));
    Pixels.assertRedish(Pixels.at(after, arrows.pixelOf(1.7, 0.001))); // the head
    Point2D beyondTip = arrows.pixelOf(1.9, 0.001);
    assertThat(Pixels.at(after, beyondTip)).isEqualTo(Pixels.at(before, beyondTip));
    Point2D above = arrows.pixelOf(0, 0.3);
    assertThat(Pixels.at(after, above)).isEqualTo(Pixels.at(before, above));
  }

  @Test
  void polylineOverlayDrawsItsSegmentsAndClosesOnlyWhenAsked() {
    double[] x = {-1, 1, 1};
    double[] y = {-1, -1, 1}; // closing segment runs from (1, 1) back to (-1, -1)
    HeatMap open = bowlMap().addPolyline("", x, y, RED, false).build();
    HeatMap closed = bowlMap().addPolyline("curve", x, y, RED, true).build();
    BufferedImage openImage = open.render();
    BufferedImage closedImage = closed.render();
    Pixels.assertRedish(Pixels.at(openImage, open.pixelOf(0, -1)));
    Pixels.assertRedish(Pixels.at(openImage, open.pixelOf(1, 0)));
    Pixels.assertRedish(Pixels.at(closedImage, closed.pixelOf(0, 0)));
    assertThat(Pixels.distance(Pixels.at(openImage, open.pixelOf(0, 0)), RED.getRGB() & 0xffffff))
        .as("open polyline leaves the diagonal alone").isGreaterThan(100);
  }

  @Test
  void rejectsRaggedGridsEmptyBoxesAndMismatchedQuivers() {
    assertThatThrownBy(() -> HeatMap.builder(new double[][] {{1, 2}, {3}}, 0, 1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 1 has 1 values but row 0 has 2")
        .hasMessageContaining("rectangular");
    assertThatThrownBy(() -> HeatMap.builder(new double[][] {{1}}, 2, 2, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x range [2.0, 2.0]")
        .hasMessageContaining("xmin < xmax");
    assertThatThrownBy(() -> HeatMap.builder(new double[][] {{1}}, 0, 1, 3, -3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("y range [3.0, -3.0]");
    assertThatThrownBy(() -> HeatMap.builder(new double[0][], 0, 1, 0, 1))
        .hasMessageContaining("heat map values is empty");
    assertThatThrownBy(() -> HeatMap.builder(new double[][] {{1}}, 0, 1, 0, 1)
        .addQuiver(new double[2][3], new double[3][2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quiver u is 2x3 but v is 3x2");
    assertThatThrownBy(() -> HeatMap.builder(new double[][] {{1}}, 0, 1, 0, 1)
        .addPoints("p", new double[] {1, 2}, new double[] {1}, RED, Marker.CROSS))
        .hasMessageContaining("point set 'p' has 2 x values but 1 y values");
    assertThatThrownBy(() -> HeatMap.builder(new double[][] {{Double.NaN}}, 0, 1, 0, 1).build())
        .hasMessageContaining("no finite value");
    assertThatThrownBy(() -> HeatMap.builder(new double[][] {{1}}, 0, 1, 0, 1).optSize(120, 120)
        .build())
        .hasMessageContaining("leaves no room");
  }
}
