package ai.craik.data;

import java.util.SplittableRandom;

/** Generates video clips of moving objects, all randomness from the given stream. */
public interface ClipSource {
  /** A clip of {@code length} frames. */
  Clip sample(int length, SplittableRandom rng);

  /** Channels per frame. */
  int channels();

  /** The side of a frame in pixels. */
  int size();

  /** Objects per clip. */
  int objects();
}
