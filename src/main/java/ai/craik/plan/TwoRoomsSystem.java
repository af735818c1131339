package ai.craik.plan;

import ai.craik.env.TwoRooms;
import java.util.ArrayList;
import java.util.List;

/**
 * A Two Rooms world as a {@link ControlledSystem}: an action a in the model's units moves the dot by
 * a · u (u world units per model action unit); each observation is the frame (for the agent) and
 * the true position (for the success test and the record). Keeps the true path and the time spent
 * stepping and rendering.
 */
public final class TwoRoomsSystem implements ControlledSystem<TwoRoomsEpisode.Observation> {
  private final TwoRooms world;
  private final double unit;
  private final List<double[]> path = new ArrayList<>();
  private TwoRoomsEpisode.Observation current;
  private double seconds;

  /** The system of {@code world} (already reset to its task), with u = {@code unit}. */
  public TwoRoomsSystem(TwoRooms world, double unit) {
    this.world = world;
    this.unit = unit;
    this.current = new TwoRoomsEpisode.Observation(world.observation(), world.state());
    path.add(world.state());
  }

  @Override
  public TwoRoomsEpisode.Observation observe() {
    return current;
  }

  @Override
  public TwoRoomsEpisode.Observation act(float[] action) {
    long t0 = System.nanoTime();
    world.step(new float[] {(float) (action[0] * unit), (float) (action[1] * unit)});
    current = new TwoRoomsEpisode.Observation(world.observation(), world.state());
    seconds += (System.nanoTime() - t0) / 1e9;
    path.add(current.position());
    return current;
  }

  /** The true positions so far, [steps + 1][2] world units (a live list). */
  public List<double[]> path() {
    return path;
  }

  /** Seconds spent stepping and rendering. */
  public double seconds() {
    return seconds;
  }
}
