package ai.craik.ebm;

import java.util.Arrays;

/**
 * One local minimum y* of an energy found by {@link EnergyMinimization}.
 *
 * @param y the point [Dy] (the lowest-energy start that converged there)
 * @param energy F(y*) (or F(x, y*))
 * @param starts how many starts ended within the distance tolerance of y*
 */
public record LocalMinimum(float[] y, double energy, int starts) {
  public LocalMinimum {
    y = y.clone();
  }

  @Override
  public float[] y() {
    return y.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LocalMinimum m && Arrays.equals(y, m.y)
        && Double.compare(energy, m.energy) == 0 && starts == m.starts;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(y) + Double.hashCode(energy)) + starts;
  }

  @Override
  public String toString() {
    return "LocalMinimum[y=" + Arrays.toString(y) + ", energy=" + energy + ", starts=" + starts
        + "]";
  }
}
