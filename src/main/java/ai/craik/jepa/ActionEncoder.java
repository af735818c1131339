package ai.craik.jepa;

import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;

/** Encodes raw actions [B, A] into predictor inputs [B, U]: identity (U = A) or a small MLP. */
public interface ActionEncoder {
  /** Encoded actions [B, U]. */
  NDArray encode(NDArray actions);

  /** The encoded size U. */
  int encodedDim();

  /** The trainable parameters (empty for the identity). */
  Parameters parameters();
}
