package ai.craik.data;

import ai.craik.env.Layout;
import ai.craik.env.Trajectory;
import java.util.Arrays;

/**
 * The trajectories of one shard, row-major host arrays in world units: {@code actions} [n, T, 2],
 * {@code positions} [n, T + 1, 2], {@code wallX} and {@code doorY} [n] (the layout of each
 * trajectory), {@code throughDoor} [n] (1 when the trajectory was built to pass the door).
 *
 * @param first the global index of the shard's first trajectory
 * @param count n
 * @param length T
 */
public record Shard(long first, int count, int length, float[] actions, float[] positions,
    int[] wallX, int[] doorY, byte[] throughDoor) {

  /** The layout of trajectory {@code j} of this shard. */
  public Layout layout(int j) {
    return new Layout(wallX[j], doorY[j]);
  }

  /** Trajectory {@code j} of this shard (copies of its rows). */
  public Trajectory trajectory(int j) {
    int a = 2 * length;
    int p = 2 * (length + 1);
    return new Trajectory(layout(j), Arrays.copyOfRange(actions, j * a, (j + 1) * a),
        Arrays.copyOfRange(positions, j * p, (j + 1) * p), throughDoor[j] != 0);
  }

  /** Number of trajectories built to pass the door. */
  public int doorCount() {
    int n = 0;
    for (byte b : throughDoor) {
      n += b;
    }
    return n;
  }
}
