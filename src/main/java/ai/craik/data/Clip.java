package ai.craik.data;

import ai.craik.config.Checks;

/**
 * A video clip with the positions of its moving objects.
 *
 * @param frames T frames [T, channels, size, size] in [0, 1], frame-major
 * @param centres the objects' centres [T, objects, 2] as (x, y) in pixels of the frame
 * @param length T
 * @param channels channels per frame
 * @param size the side of a frame
 * @param objects objects per frame
 */
public record Clip(float[] frames, float[] centres, int length, int channels, int size,
    int objects) {
  public Clip {
    Checks.arg(frames.length == (long) length * channels * size * size,
        "clip frames of %s values are not [%s, %s, %s, %s]", frames.length, length, channels,
        size, size);
    Checks.arg(centres.length == 2L * length * objects,
        "clip centres of %s values are not [%s, %s, 2]", centres.length, length, objects);
  }

  /** Values of one frame. */
  public int frameValues() {
    return channels * size * size;
  }
}
