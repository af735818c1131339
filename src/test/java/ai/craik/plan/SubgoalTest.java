package ai.craik.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.craik.engine.Engines;
import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsGeometry;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The waypoint search ({@link WaypointChoice}) and the waypoint-then-goal schedule
 * ({@link SubgoalSchedule}) on hand-made distances: latents are 2-D positions in a world with a
 * wall on x = 0 open only for |y| &lt;= 1 (the door), and PATH is its exact shortest path (what a
 * perfect learned distance would be), EUCLID the straight line (what leaks through the wall).
 */
class SubgoalTest {
  @BeforeAll
  static void engine() {
    Engines.start(1, 1L);
  }

  /** Shortest path between (ax, ay) and (bx, by) round the wall x = 0, |y| &gt; 1. */
  static double path(double ax, double ay, double bx, double by) {
    if (ax * bx >= 0) {
      return Math.hypot(bx - ax, by - ay); // same side (or on the wall line)
    }
    double y = ay + (by - ay) * (-ax) / (bx - ax); // where the segment meets x = 0
    if (Math.abs(y) <= 1) {
      return Math.hypot(bx - ax, by - ay); // straight through the door
    }
    double corner = Math.signum(y); // round the nearer door corner (0, ±1)
    return Math.hypot(ax, ay - corner) + Math.hypot(bx, by - corner);
  }

  /** PATH as a {@link LatentMetric} over latents [N, 2] and [N, 2] or [1, 2], on the host. */
  static final LatentMetric PATH = (a, b) -> {
    float[] x = a.toFloatArray();
    float[] y = b.toFloatArray();
    int n = (int) a.getShape().get(0);
    boolean broadcast = b.getShape().get(0) == 1;
    float[] d = new float[n];
    for (int i = 0; i < n; i++) {
      int j = broadcast ? 0 : i;
      d[i] = (float) path(x[2 * i], x[2 * i + 1], y[2 * j], y[2 * j + 1]);
    }
    return a.getManager().create(d);
  };

  static final float[] START = {-4, 5};
  static final float[] GOAL = {4, 5};
  /** The door, beside the wall on the start's side level with the goal, near start, near goal. */
  static final float[][] BANK = {{0, 0}, {-1, 5}, {-3.5f, 5}, {3.5f, 5}, {4, -4}};

  private static NDArray bank(NDManager m, float[][] rows) {
    float[] flat = new float[rows.length * rows[0].length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
    }
    return m.create(flat, new Shape(rows.length, rows[0].length));
  }

  @Test
  void theMidpointOfAWallAwareDistanceIsTheDoorAndThePlainDistanceLeadsToTheWall() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray s = m.create(START);
      NDArray g = m.create(GOAL);
      WaypointChoice.Waypoint door = WaypointChoice.choose(PATH, s, g, bank(m, BANK), 1.0);
      assertThat(door.index()).isZero();
      assertThat(door.fromStart()).isCloseTo(Math.hypot(4, 5), within(1e-5));
      assertThat(door.toGoal()).isCloseTo(Math.hypot(4, 5), within(1e-5));
      assertThat(door.score()).isCloseTo(2 * Math.hypot(4, 5), within(1e-5));
      // the straight-line distance scores the point beside the wall, level with the goal, best
      WaypointChoice.Waypoint trap = WaypointChoice.choose(LatentMetric.euclidean(), s, g,
          bank(m, BANK), 1.0);
      assertThat(trap.index()).isEqualTo(1);
      assertThat(trap.fromStart()).isCloseTo(3, within(1e-5));
      assertThat(trap.toGoal()).isCloseTo(5, within(1e-5));
      // balance 0, the plain sum: a point beside the start is almost on a shortest path (the
      // triangle inequality's near-equality), so it beats the door, which is not on one
      WaypointChoice.Waypoint sum = WaypointChoice.choose(PATH, s, g, bank(m, BANK), 0.0);
      assertThat(sum.index()).isEqualTo(2);
      assertThat(sum.score()).isCloseTo(0.5 + path(-3.5, 5, 4, 5), within(1e-5));
    }
  }

  @Test
  void theChosenWaypointMinimizesTheScoreOverTheBank() {
    SplittableRandom rng = new SplittableRandom(7);
    try (NDManager m = NDManager.newBaseManager()) {
      for (double balance : new double[] {0, 0.5, 2}) {
        float[][] rows = new float[20][3];
        for (float[] r : rows) {
          for (int d = 0; d < 3; d++) {
            r[d] = (float) rng.nextGaussian();
          }
        }
        float[] s = {1, 0, 0};
        float[] g = {-1, 2, 0.5f};
        int best = -1;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int k = 0; k < rows.length; k++) {
          double a = dist(s, rows[k]);
          double b = dist(rows[k], g);
          double score = a + b + balance * Math.abs(a - b);
          if (score < bestScore) {
            best = k;
            bestScore = score;
          }
        }
        WaypointChoice.Waypoint w = WaypointChoice.choose(LatentMetric.euclidean(), m.create(s),
            m.create(g).reshape(1, 3), bank(m, rows), balance);
        assertThat(w.index()).as("balance %s", balance).isEqualTo(best);
        assertThat(w.score()).isCloseTo(bestScore, within(1e-4));
        assertThat(w.fromStart()).isCloseTo(dist(s, rows[best]), within(1e-5));
        assertThat(w.toGoal()).isCloseTo(dist(rows[best], g), within(1e-5));
      }
    }
  }

  private static double dist(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  @Test
  void badInputsGiveOneLineErrors() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray s = m.create(START);
      assertThatThrownBy(() -> WaypointChoice.choose(PATH, s, s, m.create(START), 1.0))
          .hasMessageContaining("waypoint bank must be [K, D]");
      assertThatThrownBy(() -> WaypointChoice.choose(PATH, m.create(new float[3]), s,
          bank(m, BANK), 1.0)).hasMessageContaining("must hold D = 2 values");
      assertThatThrownBy(() -> WaypointChoice.choose(PATH, s, s, bank(m, BANK), -1))
          .hasMessageContaining("balance -1.0 must be >= 0");
    }
  }

  @Test
  void theScheduleHeadsForTheWaypointUntilWithinReachThenForTheGoalForGood() {
    PlanObjective toWaypoint = new ActionMagnitude();
    PlanObjective toGoal = new ActionMagnitude();
    SubgoalSchedule schedule = new SubgoalSchedule(toWaypoint, toGoal, PATH, new float[] {0, 0},
        1.5, 100);
    try (NDManager m = NDManager.newBaseManager()) {
      assertThat(schedule.objective(0, m.create(START))).isSameAs(toWaypoint);
      assertThat(schedule.switchStep()).isEqualTo(-1);
      assertThat(schedule.lastDistance()).isCloseTo(Math.hypot(4, 5), within(1e-5));
      assertThat(schedule.objective(4, m.create(new float[] {-2, 0}))).isSameAs(toWaypoint);
      assertThat(schedule.objective(8, m.create(new float[] {-1, 0.5f}).reshape(1, 2)))
          .isSameAs(toGoal);
      assertThat(schedule.switchStep()).isEqualTo(8);
      assertThat(schedule.reached()).isTrue();
      // once switched, it stays on the goal even if the dot wanders away from the waypoint
      assertThat(schedule.objective(12, m.create(START))).isSameAs(toGoal);
      assertThat(schedule.switchStep()).isEqualTo(8);
    }
  }

  @Test
  void theScheduleTurnsToTheGoalAtTheStepLimitWhenTheWaypointIsNotReached() {
    PlanObjective toWaypoint = new ActionMagnitude();
    PlanObjective toGoal = new ActionMagnitude();
    SubgoalSchedule schedule = new SubgoalSchedule(toWaypoint, toGoal, PATH, new float[] {0, 0},
        1.0, 6);
    try (NDManager m = NDManager.newBaseManager()) {
      assertThat(schedule.objective(0, m.create(START))).isSameAs(toWaypoint);
      assertThat(schedule.objective(4, m.create(START))).isSameAs(toWaypoint);
      assertThat(schedule.objective(8, m.create(START))).isSameAs(toGoal);
      assertThat(schedule.switchStep()).isEqualTo(8);
      assertThat(schedule.reached()).isFalse();
    }
  }

  @Test
  void theBankHoldsEveryGridCentreWithoutReadingALayout() {
    List<double[]> cells = TwoRoomsEpisode.bankPositions(11);
    double step = (TwoRoomsGeometry.HIGH - TwoRoomsGeometry.LOW) / 11;
    assertThat(step).isEqualTo(5.0);
    assertThat(cells).hasSize(121); // no free-cell filter: cells in a wall are candidates too
    assertThat(cells.get(0)).containsExactly(7.0, 7.0);
    assertThat(cells.get(1)).containsExactly(12.0, 7.0); // row by row
    assertThat(cells.get(120)).containsExactly(57.0, 57.0);
    Layout layout = new Layout(32, 40); // wall 30.5..33.5, door 35.5..44.5
    assertThat(cells).anySatisfy(p -> assertThat(p).containsExactly(32.0, 37.0)) // the doorway
        .anySatisfy(p -> assertThat(TwoRoomsGeometry.free(layout, p[0], p[1])).isFalse());
  }
}
