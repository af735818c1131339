package ai.craik.agent;

import ai.craik.config.Checks;
import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsGeometry;
import ai.craik.plan.PlanObjective;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.function.UnaryOperator;

/**
 * An oracle: a proximity-to-walls penalty of imagined states computed from the true layout (the
 * task's wall column and door row, which the agent is never told) through a position read-out
 * p(s) = (x, y) trained on true positions (world units; the world model's position probe). Used
 * only when the task sets {@code cost.oracle_wall} &gt; 0 (default 0), as a reference for what the
 * agent could do if it were told where the walls and the dot are:
 *
 * <pre>
 *   c_i = sum_{t=1..T} pen(p(s_{i,t})),   pen(x, y) = sum over walls of relu(m - dist)^2
 *   dist: x - LOW, HIGH - x, y - LOW, HIGH - y (the borders) and |x - wall_x| - 1.5 (the middle
 *         wall's faces, counted only where y is outside the door: |y - door_y| &gt;= 4.5)
 * </pre>
 *
 * <p>m is the margin in pixels of the 65 frame. Differentiable in x and y except for the door test
 * (a hard mask), so gradient planners feel it. Shapes: states [N, T + 1, D] to [N].
 */
public final class OracleWallProximity implements PlanObjective {
  private final UnaryOperator<NDArray> positions;
  private final Layout layout;
  private final double margin;

  /**
   * @param positions latents [M, D] to positions [M, 2] in world units, keeping the graph
   * @param layout the true walls (the oracle's knowledge)
   * @param margin m &gt; 0, pixels
   */
  public OracleWallProximity(UnaryOperator<NDArray> positions, Layout layout, double margin) {
    Checks.arg(positions != null && layout != null, "oracle wall proximity needs a position"
        + " read-out and a layout");
    Checks.arg(margin > 0 && Double.isFinite(margin), "oracle wall margin %s must be > 0 pixels",
        margin);
    this.positions = positions;
    this.layout = layout;
    this.margin = margin;
  }

  @Override
  public NDArray cost(NDArray states, NDArray actions) {
    Checks.arg(states.getShape().dimension() == 3 && states.getShape().get(1) >= 2,
        "oracle wall proximity expects states [N, T + 1, D] with T >= 1, got %s",
        states.getShape());
    long n = states.getShape().get(0);
    long t = states.getShape().get(1) - 1;
    long d = states.getShape().get(2);
    NDArray p = positions.apply(states.get(new NDIndex(":, 1:")).reshape(n * t, d)); // [NT, 2]
    NDArray x = p.get(new NDIndex(":, 0"));
    NDArray y = p.get(new NDIndex(":, 1"));
    float m = (float) margin;
    NDArray pen = close(x.sub((float) TwoRoomsGeometry.LOW), m)
        .add(close(x.neg().add((float) TwoRoomsGeometry.HIGH), m))
        .add(close(y.sub((float) TwoRoomsGeometry.LOW), m))
        .add(close(y.neg().add((float) TwoRoomsGeometry.HIGH), m));
    NDArray outsideDoor = y.sub((float) layout.doorY()).abs()
        .gte((float) TwoRoomsGeometry.DOOR_HALF).toType(p.getDataType(), false).stopGradient();
    NDArray face = x.sub((float) layout.wallX()).abs().sub((float) TwoRoomsGeometry.WALL_HALF);
    pen = pen.add(close(face, m).mul(outsideDoor)); // [NT]
    return pen.reshape(n, t).sum(new int[] {1}); // [N]
  }

  /** relu(m - dist)^2. */
  private static NDArray close(NDArray dist, float m) {
    return dist.neg().add(m).maximum(0f).square();
  }
}
