package ai.craik.train;

import ai.craik.env.Layout;

/**
 * Distances from every cell of a grid over the arena to one goal position in one layout, for a
 * heat map. Grids are {@code [ny][nx]} with row 0 at the bottom (y = ymin), cell centres at
 * xmin + (i + 1/2)(xmax − xmin)/nx (the convention of {@code ai.craik.report.HeatMap}); cells whose
 * centre is not free space hold NaN.
 *
 * @param truePx shortest-path length to the goal, pixels of the 65 frame
 * @param learned the learned temporal distance d(s, g), steps
 * @param plain the plain latent distance ||s − g||
 */
public record DistanceMap(Layout layout, double goalX, double goalY, double xmin, double xmax,
    double ymin, double ymax, double[][] truePx, double[][] learned, double[][] plain) {}
