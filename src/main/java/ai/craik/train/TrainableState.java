package ai.craik.train;

import ai.craik.nn.AdamW;
import ai.craik.nn.Parameters;
import ai.craik.run.Checkpointable;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Parameters and their optimizer, checkpointed together: the parameter values and the optimizer's
 * moments and step count, so that a resumed run continues exactly. Extra state (sampler buffers)
 * can be appended by a wrapping {@link Checkpointable}.
 */
public record TrainableState(Parameters params, AdamW optimizer) implements Checkpointable {

  /** Parameters trained with plain Adam (betas 0.9, 0.999; no decay, no clipping). */
  public static TrainableState adam(Parameters params) {
    return new TrainableState(params, AdamW.adam(params));
  }

  @Override
  public NDList state(NDManager target) {
    NDList out = params.snapshot(target);
    out.addAll(optimizer.state(target));
    return out;
  }

  @Override
  public void restore(NDList saved) {
    params.restore(saved);
    optimizer.restore(saved);
  }
}
