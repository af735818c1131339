package ai.craik.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.craik.env.CollisionPolicy;
import ai.craik.env.ExplorationConfig;
import ai.craik.env.Layout;
import ai.craik.env.Trajectory;
import ai.craik.env.TrajectoryGenerator;
import ai.craik.env.TwoRoomsDynamics;
import ai.craik.env.TwoRoomsGeometry;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code craik env two-rooms} as a user runs it, with tiny sizes. */
class EnvTwoRoomsCommandTest {
  @TempDir Path tmp;

  /** The command with tiny settings; {@code extra} options replace the defaults ("--force" alone). */
  private static String[] args(Path out, String... extra) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("--out", out.toString());
    o.put("--layouts", "2");
    o.put("--trajectories", "2");
    o.put("--length", "12");
    o.put("--tasks", "2");
    o.put("--image-size", "24");
    o.put("--seed", "3");
    for (int i = 0; i < extra.length; i++) {
      boolean flag = i + 1 == extra.length || extra[i + 1].startsWith("--");
      o.put(extra[i], flag ? null : extra[++i]);
    }
    List<String> a = new ArrayList<>(List.of("env", "two-rooms"));
    o.forEach((k, v) -> {
      a.add(k);
      if (v != null) {
        a.add(v);
      }
    });
    return a.toArray(String[]::new);
  }

  private static int frames(Path gif) throws Exception {
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      reader.setInput(in);
      return reader.getNumImages(true);
    } finally {
      reader.dispose();
    }
  }

  @Test
  void writesTheFiguresAndTheReport() throws Exception {
    Path out = tmp.resolve("figs");
    CliTest.Result r = CliTest.run(args(out));
    assertThat(r.code()).as(r.err()).isZero();
    Path figures = out.resolve("figures");
    BufferedImage layouts = ImageIO.read(figures.resolve("layouts.png").toFile());
    assertThat(layouts.getWidth()).isGreaterThan(3 * 24 * 10); // 3 panels of 24 px at x11
    assertThat(frames(figures.resolve("trajectories.gif"))).isEqualTo(13); // steps 0..12
    assertThat(frames(figures.resolve("task.gif"))).isEqualTo(2);
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("figures/layouts.png").contains("figures/trajectories.gif")
        .contains("figures/task.gif");
    assertThat(Files.readString(out.resolve("config.yaml"))).startsWith("command: env two-rooms\n")
        .contains("seed: 3");
    assertThat(r.out()).contains("wrote " + figures.resolve("layouts.png"))
        .contains("wrote " + figures.resolve("trajectories.gif"))
        .contains("wrote " + figures.resolve("task.gif"));
  }

  @Test
  void refusesToOverwriteWithoutForceAndNeverTouchesAForeignFolder() throws Exception {
    Path out = tmp.resolve("figs");
    assertThat(CliTest.run(args(out)).code()).isZero();
    byte[] before = Files.readAllBytes(out.resolve("figures/layouts.png"));

    CliTest.Result same = CliTest.run(args(out));
    assertThat(same.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(same.err().strip().lines().count()).isEqualTo(1);
    assertThat(same.err()).contains("already holds").contains("--force");
    CliTest.Result again = CliTest.run(args(out, "--seed", "4"));
    assertThat(again.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(again.err().strip().lines().count()).isEqualTo(1);
    assertThat(again.err()).contains("different config (seed: 3 -> 4)").contains("--force");
    assertThat(Files.readAllBytes(out.resolve("figures/layouts.png"))).isEqualTo(before);

    CliTest.Result forced = CliTest.run(args(out, "--seed", "4", "--force"));
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(Files.readString(out.resolve("config.yaml"))).contains("seed: 4");

    Path foreign = tmp.resolve("mine");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("notes.txt"), "keep me");
    CliTest.Result refused = CliTest.run(args(foreign, "--force"));
    assertThat(refused.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(refused.err()).contains("is not empty").contains("choose another --out");
    assertThat(Files.readString(foreign.resolve("notes.txt"))).isEqualTo("keep me");
    assertThat(foreign.resolve("figures")).doesNotExist();
  }

  @Test
  void sameSeedDrawsTheSameFiguresAndBadValuesAreUsageErrors() throws Exception {
    assertThat(CliTest.run(args(tmp.resolve("a"))).code()).isZero();
    assertThat(CliTest.run(args(tmp.resolve("b"))).code()).isZero();
    for (String f : List.of("layouts.png", "trajectories.gif", "task.gif")) {
      assertThat(Files.readAllBytes(tmp.resolve("a/figures/" + f))).as(f)
          .isEqualTo(Files.readAllBytes(tmp.resolve("b/figures/" + f)));
    }
    for (String[] bad : List.of(args(tmp.resolve("c"), "--length", "1"),
        args(tmp.resolve("c"), "--collision", "bounce"))) {
      CliTest.Result r = CliTest.run(bad);
      assertThat(r.code()).isEqualTo(Main.EXIT_USAGE);
      assertThat(r.err()).startsWith("craik: ").contains("--help");
    }
    assertThat(tmp.resolve("c")).doesNotExist();
  }

  @Test
  void aSingleTrajectoryIsOneThroughTheDoor() {
    CliTest.Result r = CliTest.run(args(tmp.resolve("one"), "--trajectories", "1"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 trajectories of 12 steps, 1 through the door");
  }

  @Test
  void replayUnderStopGivesTheGeneratedPositionsAndUnderContactStaysFree() {
    TrajectoryGenerator gen = new TrajectoryGenerator(ExplorationConfig.defaults(), 2.45);
    SplittableRandom rng = new SplittableRandom(21);
    TwoRoomsDynamics stop = new TwoRoomsDynamics(2.45, CollisionPolicy.STOP, 0.0);
    TwoRoomsDynamics contact = new TwoRoomsDynamics(2.45, CollisionPolicy.CONTACT, 0.1);
    int blockedUnderStop = 0;
    boolean contactDiffers = false;
    for (int i = 0; i < 40; i++) {
      Layout l = Layout.random(rng);
      Trajectory tr = gen.generate(l, 60, rng);
      int[] blocked = new int[1];
      Trajectory same = EnvTwoRoomsCommand.replay(tr, stop, new SplittableRandom(1), blocked);
      blockedUnderStop += blocked[0];
      for (int k = 0; k < tr.positions().length; k++) {
        assertThat((double) same.positions()[k]).isCloseTo(tr.positions()[k], within(1e-4));
      }
      Trajectory slid = EnvTwoRoomsCommand.replay(tr, contact, new SplittableRandom(1), new int[1]);
      float[] p = slid.positions();
      for (int t = 0; t <= 60; t++) {
        assertThat(TwoRoomsGeometry.free(l, p[2 * t], p[2 * t + 1])).isTrue();
      }
      contactDiffers |= !java.util.Arrays.equals(p, tr.positions());
    }
    assertThat(blockedUnderStop).as("random play meets walls").isPositive();
    assertThat(contactDiffers).as("contact slides where stop stays").isTrue();
  }
}
