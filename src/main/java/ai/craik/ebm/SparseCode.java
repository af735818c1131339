package ai.craik.ebm;

import ai.djl.ndarray.NDArray;

/**
 * The result of {@link SparseCoding#ista}: the codes and the energy trace.
 *
 * @param z sparse codes [B, Dz], owned by y's manager, no gradient
 * @param trace mean_b E(y_b, z_b) before step t, t = 0 .. steps (length steps + 1; starts from
 *     z = 0, so trace[0] = mean ||y||^2); non-increasing
 */
public record SparseCode(NDArray z, double[] trace) {}
