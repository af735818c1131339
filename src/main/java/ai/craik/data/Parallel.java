package ai.craik.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Splits index ranges over a fixed thread pool; results never depend on the number of threads. */
final class Parallel {
  private Parallel() {}

  /** A pool of {@code threads} daemon threads named {@code name-k}, or null for one thread. */
  static ExecutorService pool(int threads, String name) {
    if (threads <= 1) {
      return null;
    }
    int[] counter = {0};
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t;
      synchronized (counter) {
        t = new Thread(r, name + "-" + counter[0]++);
      }
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Runs {@code body} for every i in [0, n): on the calling thread when {@code pool} is null,
   * else in about {@code 4 · threads} contiguous chunks. Rethrows the first failure unchanged when
   * it is unchecked.
   */
  static void forRange(ExecutorService pool, int threads, int n, IntConsumer body) {
    if (pool == null || n <= 1) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    int chunks = Math.min(n, 4 * threads);
    List<Future<?>> futures = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      int from = (int) ((long) n * c / chunks);
      int to = (int) ((long) n * (c + 1) / chunks);
      futures.add(pool.submit(() -> {
        for (int i = from; i < to; i++) {
          body.accept(i);
        }
      }));
    }
    RuntimeException failure = null;
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (failure == null) {
          failure = cause instanceof RuntimeException r ? r
              : new IllegalStateException("parallel work failed: " + cause, cause);
        }
        if (cause instanceof Error err) {
          throw err;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for parallel work", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
