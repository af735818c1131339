package ai.craik.run;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/** State that a checkpoint saves and restores exactly (parameters, optimizer moments, buffers). */
public interface Checkpointable {
  /** Named copies of the state, created in {@code target}. */
  NDList state(NDManager target);

  /** Overwrites the state with arrays written by {@link #state}. */
  void restore(NDList saved);
}
