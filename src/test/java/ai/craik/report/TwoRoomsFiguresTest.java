package ai.craik.report;

import static org.assertj.core.api.Assertions.assertThat;

import ai.craik.env.ExplorationConfig;
import ai.craik.env.Layout;
import ai.craik.env.Trajectory;
import ai.craik.env.TrajectoryGenerator;
import ai.craik.env.TwoRoomsRenderer;
import ai.craik.env.TwoRoomsTask;
import ai.craik.env.TwoRoomsTasks;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TwoRoomsFiguresTest {
  private final TwoRoomsRenderer renderer = new TwoRoomsRenderer(32, 1.3);

  @Test
  void gridCellsHoldTheirTilesAndTheSizeAddsUp() {
    ImageGrid grid = ImageGrid.builder(2).optGap(4).optTitle("t").optNote("n")
        .add(new BufferedImage(10, 6, BufferedImage.TYPE_INT_RGB))
        .add(new BufferedImage(10, 6, BufferedImage.TYPE_INT_RGB))
        .add(new BufferedImage(10, 6, BufferedImage.TYPE_INT_RGB))
        .build();
    assertThat(grid.width()).isEqualTo(2 * 10 + 3 * 4);
    assertThat(grid.height()).isEqualTo(28 + 2 * 6 + 4 + 22);
    BufferedImage img = grid.render();
    int[] third = grid.cellOrigin(2);
    assertThat(third).containsExactly(4, 28 + 6 + 4);
    assertThat(img.getRGB(third[0] + 5, third[1] + 3) & 0xffffff).isZero(); // the black tile
    assertThat(img.getRGB(third[0] + 12 + 5, third[1] + 3) & 0xffffff).isEqualTo(0xffffff);
  }

  @Test
  void layoutPanelsAreLabelledObservations() {
    ImageGrid g = TwoRoomsFigures.layouts(renderer, List.of(Layout.fixed(), new Layout(25, 40)),
        List.of(new double[] {10, 10}, new double[] {50, 50}), 2);
    int k = TwoRoomsFigures.scaleFor(32);
    assertThat(k).isEqualTo(8);
    assertThat(g.width()).isEqualTo(2 * 32 * k + 3 * 8);
    assertThat(TwoRoomsFigures.describe(Layout.fixed())).isEqualTo("wall_x=32 door_y=18");
    assertThat(TwoRoomsFigures.describe(new Layout(25, 40))).isEqualTo("wall_x=25 door_y=40");
  }

  @Test
  void trajectoryFramesFollowTheStepsWithAStrideAndEndOnTheLastStep() {
    TrajectoryGenerator gen = new TrajectoryGenerator(ExplorationConfig.defaults(), 2.45);
    SplittableRandom rng = new SplittableRandom(1);
    List<Trajectory> two = List.of(gen.generate(Layout.fixed(), 10, rng),
        gen.generate(new Layout(40, 30), 10, rng));
    List<BufferedImage> all = TwoRoomsFigures.trajectoryFrames(renderer, two, 2, 100, "note");
    assertThat(all).hasSize(11);
    List<BufferedImage> strided = TwoRoomsFigures.trajectoryFrames(renderer, two, 2, 4, "note");
    assertThat(strided).hasSize(5); // steps 0, 3, 6, 9 and 10
    assertThat(strided.get(4).getWidth()).isEqualTo(all.get(0).getWidth());
    // frames differ as the dots move
    assertThat(pixelsDiffer(all.get(0), all.get(10))).isTrue();
  }

  @Test
  void taskFramesShowTheStartThenTheGoal() {
    List<TwoRoomsTask> tasks = List.of(TwoRoomsTasks.sample(1, false), TwoRoomsTasks.sample(2, true));
    List<BufferedImage> frames = TwoRoomsFigures.taskFrames(renderer, tasks, 2);
    assertThat(frames).hasSize(2);
    assertThat(pixelsDiffer(frames.get(0), frames.get(1))).isTrue();
  }

  private static boolean pixelsDiffer(BufferedImage a, BufferedImage b) {
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void pathFramesShowOnePanelPerPathAndOneFramePerStep() {
    double[][] a = {{10, 10}, {11, 10}, {12, 11}};
    double[][] b = {{10, 10}, {10, 12}, {10, 14}};
    List<BufferedImage> frames = TwoRoomsFigures.pathFrames(renderer, Layout.fixed(),
        List.of("true", "model"), List.of(a, b), "rollout", "note");
    assertThat(frames).hasSize(3);
    int k = TwoRoomsFigures.scaleFor(32);
    assertThat(frames.get(0).getWidth()).isGreaterThanOrEqualTo(2 * 32 * k);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TwoRoomsFigures.pathFrames(renderer,
            Layout.fixed(), List.of("a", "b"), List.of(a, new double[][] {{1, 1}}), "t", "n"))
        .hasMessageContaining("paths of one length");
  }
}
