package ai.craik.train;

/**
 * How well a learned temporal distance ranks pairs of held-out states like the true shortest path
 * does, against the plain latent distance ||s_a − s_b|| (see {@link DistanceTrainer#evaluate}).
 * Arrays are per pair, in one order.
 *
 * @param spearman Spearman's rho of the learned distance and the shortest path, all pairs
 * @param spearmanPlain the same for the plain latent distance
 * @param spearmanCrossWall rho of the learned distance on cross-wall pairs only (different rooms,
 *     close in a straight line whose segment the wall blocks), where the plain distance leaks
 * @param spearmanCrossWallPlain the same for the plain latent distance
 * @param spearmanOtherRoom rho of the learned distance to each held-out position (as the goal)
 *     over the positions in the other room, averaged over goals: whether the cost ranks the
 *     states behind the wall as the detour through the door does, which is what a planner needs
 * @param spearmanOtherRoomPlain the same for the plain latent distance
 * @param truePx the shortest-path length of each pair, pixels of the 65 frame
 * @param straightPx the straight-line distance of each pair
 * @param learned the learned distance of each pair, steps
 * @param plain the plain latent distance of each pair
 * @param crossWall whether each pair is a cross-wall pair
 */
public record DistanceEvaluation(double spearman, double spearmanPlain, double spearmanCrossWall,
    double spearmanCrossWallPlain, double spearmanOtherRoom, double spearmanOtherRoomPlain,
    double[] truePx, double[] straightPx, double[] learned,
    double[] plain, boolean[] crossWall) {

  /** Number of pairs. */
  public int pairs() {
    return truePx.length;
  }

  /** Number of cross-wall pairs. */
  public int crossWallPairs() {
    int n = 0;
    for (boolean c : crossWall) {
      n += c ? 1 : 0;
    }
    return n;
  }
}
