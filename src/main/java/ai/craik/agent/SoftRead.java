package ai.craik.agent;

/**
 * The answer of a soft key-value read of the short-term memory by latent similarity: the
 * attention-weighted mean of the stored values (state, cost) and where the weight went.
 *
 * @param state sum_i w_i s_i [D]
 * @param cost sum_i w_i c_i
 * @param nearest the entry of largest weight
 * @param nearestWeight its weight
 * @param entries how many entries were read
 */
public record SoftRead(float[] state, double cost, MemoryEntry nearest, double nearestWeight,
    int entries) {}
