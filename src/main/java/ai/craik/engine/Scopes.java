package ai.craik.engine;

import ai.djl.ndarray.NDManager;
import java.util.function.Function;

/**
 * Scoping helpers that keep memory flat: work runs in a child manager that is closed when the work
 * returns, so every temporary array dies with it. Only plain Java values should leave the scope; an
 * array that must outlive it is handed to a longer-lived manager with {@code attach} before returning.
 */
public final class Scopes {
  private Scopes() {}

  /** Runs {@code work} in a fresh child manager of {@code parent} and closes it afterwards. */
  public static <T> T compute(NDManager parent, Function<NDManager, T> work) {
    try (NDManager scope = parent.newSubManager()) {
      return work.apply(scope);
    }
  }
}
