package ai.craik.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrajectoryGeneratorTest {
  private final TrajectoryGenerator gen =
      new TrajectoryGenerator(ExplorationConfig.defaults(), 2.45);

  @Test
  void trajectoriesReplayUnderStopAndStayFree() {
    SplittableRandom rng = new SplittableRandom(11);
    TwoRoomsDynamics stop = new TwoRoomsDynamics(2.45, CollisionPolicy.STOP, 0);
    for (int i = 0; i < 300; i++) {
      Layout l = Layout.random(rng);
      Trajectory tr = gen.generate(l, 90, rng);
      float[] p = tr.positions();
      float[] a = tr.actions();
      for (int t = 0; t < 90; t++) {
        assertThat(TwoRoomsGeometry.free(l, p[2 * t + 2], p[2 * t + 3])).isTrue();
        double[] pos = {p[2 * t], p[2 * t + 1]};
        stop.apply(l, pos, a[2 * t], a[2 * t + 1], rng);
        assertThat(pos[0]).as("x of step %s of %s", t, i).isCloseTo(p[2 * t + 2], within(1e-4));
        assertThat(pos[1]).isCloseTo(p[2 * t + 3], within(1e-4));
        double len = Math.hypot(a[2 * t], a[2 * t + 1]);
        assertThat(len).isLessThanOrEqualTo(1.8 + 1e-5);
      }
    }
  }

  @Test
  void doorTrajectoriesComeAtTheirRateAndVisitBothRooms() {
    SplittableRandom rng = new SplittableRandom(12);
    int n = 3000;
    int flagged = 0;
    for (int i = 0; i < n; i++) {
      Layout l = Layout.random(rng);
      Trajectory tr = gen.generate(l, 90, rng);
      if (tr.throughDoor()) {
        flagged++;
        boolean left = false;
        boolean right = false;
        for (int t = 0; t <= 90; t++) {
          double x = tr.positions()[2 * t];
          left |= x < l.wallX() - TwoRoomsGeometry.WALL_HALF;
          right |= x > l.wallX() + TwoRoomsGeometry.WALL_HALF;
        }
        assertThat(left && right).as("door trajectory %s visits both rooms", i).isTrue();
      }
    }
    double rate = (double) flagged / n;
    assertThat(rate).isCloseTo(0.35, within(4 * Math.sqrt(0.35 * 0.65 / n)));
  }

  /** Moves that left the dot in place beside the middle wall, per move, over 1,500 trajectories. */
  private static double middleWallBlockedRate(ExplorationConfig policy, boolean checkProbeStarts) {
    TrajectoryGenerator g = new TrajectoryGenerator(policy, 2.45);
    SplittableRandom rng = new SplittableRandom(13);
    TwoRoomsDynamics stop = new TwoRoomsDynamics(2.45, CollisionPolicy.STOP, 0);
    long moves = 0;
    long blocked = 0;
    for (int i = 0; i < 1500; i++) {
      Layout l = Layout.random(rng);
      Trajectory tr = g.generate(l, 90, rng);
      float[] p = tr.positions();
      float[] a = tr.actions();
      if (checkProbeStarts && !tr.throughDoor()) {
        double gap = Math.abs(p[0] - l.wallX()) - TwoRoomsGeometry.WALL_HALF;
        assertThat(gap).as("probe %s starts beside the wall", i).isBetween(0.0, 6.0);
      }
      for (int t = 0; t < 90; t++) {
        moves++;
        double[] pos = {p[2 * t], p[2 * t + 1]};
        boolean stopped = stop.apply(l, pos, a[2 * t], a[2 * t + 1], rng);
        assertThat(pos[0]).isCloseTo(p[2 * t + 2], within(1e-4)); // probes replay under STOP
        assertThat(TwoRoomsGeometry.free(l, pos[0], pos[1])).isTrue();
        if (stopped && Math.abs(p[2 * t] - l.wallX()) < TwoRoomsGeometry.WALL_HALF + 2) {
          blocked++;
        }
      }
    }
    return (double) blocked / moves;
  }

  @Test
  void wallProbesStartBesideTheMiddleWallAndMultiplyItsBlockedMoves() {
    double plain = middleWallBlockedRate(ExplorationConfig.defaults(), false);
    double probes = middleWallBlockedRate(
        ExplorationConfig.defaults().withWallStick(0.9).withWallFraction(0.65), true);
    assertThat(plain).isBetween(0.005, 0.04); // random play rarely meets the middle wall
    assertThat(probes).isGreaterThan(5 * plain);
  }

  @Test
  void wallFractionAndDoorFractionMustLeaveRoomForPlainPlay() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> ExplorationConfig.defaults().withWallFraction(0.7))
        .hasMessageContaining("wall_fraction").hasMessageContaining("door_fraction");
  }

  @Test
  void sameSeedGivesTheSameTrajectory() {
    Trajectory a = gen.generate(Layout.fixed(), 50, new SplittableRandom(5));
    Trajectory b = gen.generate(Layout.fixed(), 50, new SplittableRandom(5));
    assertThat(a.positions()).containsExactly(b.positions());
    assertThat(a.actions()).containsExactly(b.actions());
  }

  @Test
  void tasksPutStartAndGoalInDifferentRoomsAwayFromWalls() {
    for (long seed = 0; seed < 500; seed++) {
      TwoRoomsTask task = TwoRoomsTasks.sample(seed, true);
      Layout l = task.layout();
      assertThat(TwoRoomsGeometry.room(l, task.start()[0]))
          .isNotEqualTo(TwoRoomsGeometry.room(l, task.goal()[0]));
      for (double[] p : new double[][] {task.start(), task.goal()}) {
        assertThat(TwoRoomsGeometry.free(l, p[0], p[1])).isTrue();
        assertThat(Math.abs(p[0] - l.wallX())).isGreaterThanOrEqualTo(1.5 + 2.6 - 1e-9);
        assertThat(p[1]).isBetween(4.5 + 2.6, 59.5 - 2.6);
      }
      assertThat(task.budget()).isEqualTo(200);
    }
    TwoRoomsTask a = TwoRoomsTasks.sample(77, true);
    TwoRoomsTask b = TwoRoomsTasks.sample(77, true);
    assertThat(a.start()).containsExactly(b.start());
    assertThat(a.layout()).isEqualTo(b.layout());
    assertThat(TwoRoomsTasks.sample(3, false).layout()).isEqualTo(Layout.fixed());
  }

  @Test
  void environmentEpisodeFollowsTheTask() {
    TwoRooms env = new TwoRooms(TwoRoomsConfig.defaults().withCollision(CollisionPolicy.CONTACT));
    TwoRoomsTask task = TwoRoomsTasks.sample(1, false);
    env.reset(task);
    assertThat(env.state()).containsExactly(task.start());
    assertThat(env.observation()).hasSize(2 * 65 * 65);
    StepOutcome out = env.step(new float[] {1f, 0f});
    assertThat(out.state()[0]).isCloseTo(task.start()[0] + 1, within(1e-9));
    assertThat(task.goalImage(env.renderer())).hasSize(2 * 65 * 65);
  }
}
