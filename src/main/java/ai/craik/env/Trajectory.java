package ai.craik.env;

/**
 * One trajectory of T steps: {@code actions} [T, 2] and {@code positions} [T + 1, 2], row-major,
 * in world units; positions[t + 1] is where action t took the dot from positions[t].
 *
 * @param throughDoor true when the trajectory was built to pass through the door
 */
public record Trajectory(Layout layout, float[] actions, float[] positions, boolean throughDoor) {
  /** Number of steps T. */
  public int length() {
    return actions.length / 2;
  }
}
