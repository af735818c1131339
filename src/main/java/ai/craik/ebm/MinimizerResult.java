package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * The outcome of {@link GradientMinimizer#minimize}: N final points and their values, plus the mean
 * value per iteration.
 *
 * @param points final points [N, D], no gradient, owned by the manager of the start array
 * @param values f(points) [N], no gradient, same manager
 * @param trace mean_n f at the points before step t, t = 0 .. steps (length steps + 1; the last
 *     entry is the mean of {@code values})
 */
public record MinimizerResult(NDArray points, NDArray values, double[] trace) {}
