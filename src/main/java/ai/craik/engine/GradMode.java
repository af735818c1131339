package ai.craik.engine;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * The engine's autograd recording switch (libtorch's thread-local grad mode), like PyTorch's
 * {@code torch.no_grad()}.
 *
 * <p>DJL turns grad mode on while a {@code GradientCollector} is open and off when it closes, but
 * only on the thread that started the engine: every other thread starts with it on and records a
 * graph for every op on a parameter (DJL_NOTES.md). Evaluation and diagnostics run their work
 * through {@link #disabled} so that they never record a graph, whichever thread calls them and
 * whether or not a collector is open.
 */
public final class GradMode {
  private GradMode() {}

  /** True when ops on arrays that require a gradient record a graph on this thread. */
  public static boolean enabled() {
    return JniUtils.isGradMode();
  }

  /** Runs {@code work} with grad mode off on this thread, then restores the previous mode. */
  public static <T> T disabled(Supplier<T> work) {
    boolean previous = JniUtils.isGradMode();
    if (!previous) {
      return work.get();
    }
    JniUtils.setGradMode(false);
    try {
      return work.get();
    } finally {
      JniUtils.setGradMode(true);
    }
  }
}
