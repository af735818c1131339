package ai.craik.env;

import java.util.SplittableRandom;

/**
 * Two Rooms: a dot in a square arena split by a vertical wall with a door (PLDM, EB-JEPA). The dot
 * moves by 2-D displacements clipped to a maximum norm and passes between the rooms only through
 * the door; see {@link TwoRoomsGeometry} for the walls, {@link CollisionPolicy} for what a blocked
 * move does and {@link TwoRoomsRenderer} for the pixels.
 *
 * <p>State and actions are in world units (pixels of the 65×65 frame) whatever the image size.
 */
public final class TwoRooms implements Environment<TwoRoomsTask> {
  private final TwoRoomsConfig config;
  private final TwoRoomsDynamics dynamics;
  private final TwoRoomsRenderer renderer;
  private final double[] pos = new double[2];
  private Layout layout;
  private SplittableRandom noise;

  /** An environment with the given settings; call {@link #reset} before stepping. */
  public TwoRooms(TwoRoomsConfig config) {
    this.config = config;
    this.dynamics = TwoRoomsDynamics.of(config);
    this.renderer = new TwoRoomsRenderer(config.imageSize(), config.sigma());
  }

  /** The settings. */
  public TwoRoomsConfig config() {
    return config;
  }

  /** The renderer (for goal images and figures). */
  public TwoRoomsRenderer renderer() {
    return renderer;
  }

  /** The current layout. */
  public Layout layout() {
    ai.craik.config.Checks.state(layout != null, "call reset(task) before using the environment");
    return layout;
  }

  @Override
  public void reset(TwoRoomsTask task) {
    ai.craik.config.Checks.arg(
        TwoRoomsGeometry.free(task.layout(), task.start()[0], task.start()[1]),
        "task start (%s, %s) is not in free space of %s", task.start()[0], task.start()[1],
        task.layout());
    layout = task.layout();
    pos[0] = task.start()[0];
    pos[1] = task.start()[1];
    noise = new SplittableRandom(task.seed());
  }

  @Override
  public StepOutcome step(float[] action) {
    ai.craik.config.Checks.arg(action.length == 2, "Two Rooms actions have 2 values, got %s",
        action.length);
    ai.craik.config.Checks.arg(Float.isFinite(action[0]) && Float.isFinite(action[1]),
        "action (%s, %s) is not finite", action[0], action[1]);
    boolean collided = dynamics.apply(layout(), pos, action[0], action[1], noise);
    return new StepOutcome(state(), collided);
  }

  @Override
  public byte[] observation() {
    return renderer.render(layout(), pos[0], pos[1]);
  }

  @Override
  public double[] state() {
    return pos.clone();
  }

  @Override
  public int actionDim() {
    return 2;
  }

  @Override
  public int[] observationShape() {
    return new int[] {2, config.imageSize(), config.imageSize()};
  }
}
