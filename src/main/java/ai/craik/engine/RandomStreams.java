package ai.craik.engine;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Named, seeded random streams derived from one run seed.
 *
 * <p>Each stream is a pure function of (seed, name[, index]): adding a stream never shifts another,
 * and a stream for step {@code k} can be rebuilt after a resume without saving generator state.
 * Derivation: FNV-1a hash of the UTF-8 name, mixed with the seed and index by SplitMix64's finalizer.
 */
public record RandomStreams(long seed) {

  /** A fresh generator for the stream {@code name}. */
  public SplittableRandom stream(String name) {
    return new SplittableRandom(derive(name, 0L));
  }

  /** A fresh generator for the stream {@code name} at position {@code index} (a step, an episode). */
  public SplittableRandom stream(String name, long index) {
    return new SplittableRandom(derive(name, index + 1));
  }

  /** A derived 64-bit seed for the stream {@code name}, e.g. to seed the engine's generator. */
  public long seedFor(String name) {
    return derive(name, 0L);
  }

  private long derive(String name, long index) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(mix(seed ^ h) + index * 0x9e3779b97f4a7c15L);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
