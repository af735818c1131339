package ai.craik.ebm;

import ai.craik.config.Checks;
import java.util.List;
import java.util.Locale;

/**
 * Builds a {@link ContrastiveLoss} by name, for configs ({@code type} key).
 *
 * <table>
 *   <caption>Names, the class built and the meaning of {@code parameter}</caption>
 *   <tr><th>name</th><th>loss</th><th>parameter (default)</th></tr>
 *   <tr><td>energy</td><td>{@link EnergyLoss}</td><td>ignored</td></tr>
 *   <tr><td>perceptron</td><td>{@link PerceptronLoss}</td><td>ignored</td></tr>
 *   <tr><td>hinge</td><td>{@link HingeLoss}</td><td>margin (1.0)</td></tr>
 *   <tr><td>log</td><td>{@link LogLoss}</td><td>ignored</td></tr>
 *   <tr><td>square-square</td><td>{@link SquareSquareLoss}</td><td>margin (1.0)</td></tr>
 *   <tr><td>square-exponential</td><td>{@link SquareExponentialLoss}</td><td>gamma (1.0)</td></tr>
 *   <tr><td>nll</td><td>{@link NegativeLogLikelihoodLoss}</td><td>beta (1.0)</td></tr>
 *   <tr><td>infonce</td><td>{@link InfoNceLoss}</td><td>temperature (0.1)</td></tr>
 * </table>
 *
 * <p>{@link NceLoss} is not listed: it needs noise log-densities and a log-partition, so it does not
 * fit the {@link ContrastiveLoss} signature. Reference for the losses: LeCun, Chopra, Hadsell,
 * Ranzato, Huang, "A Tutorial on Energy-Based Learning", 2006, Section 2.2.
 */
public final class ContrastiveLosses {
  /** The accepted names, in the order listed in error messages. */
  public static final List<String> NAMES = List.of("energy", "perceptron", "hinge", "log",
      "square-square", "square-exponential", "nll", "infonce");

  private ContrastiveLosses() {}

  /** The loss {@code name} with its default parameter (see the table). */
  public static ContrastiveLoss of(String name) {
    return of(name, defaultParameter(name));
  }

  /**
   * The loss {@code name} with {@code parameter} as its margin, gamma, beta or temperature (see the
   * table); losses without a parameter ignore it.
   */
  public static ContrastiveLoss of(String name, double parameter) {
    return switch (normalize(name)) {
      case "energy" -> new EnergyLoss();
      case "perceptron" -> new PerceptronLoss();
      case "hinge" -> new HingeLoss(parameter);
      case "log" -> new LogLoss();
      case "square-square" -> new SquareSquareLoss(parameter);
      case "square-exponential" -> new SquareExponentialLoss(parameter);
      case "nll" -> new NegativeLogLikelihoodLoss(parameter);
      case "infonce" -> new InfoNceLoss(parameter);
      default -> throw unknown(name);
    };
  }

  /** The default parameter of {@code name}: 0.1 for infonce, 1.0 otherwise. */
  public static double defaultParameter(String name) {
    String n = normalize(name);
    Checks.arg(NAMES.contains(n), "%s", unknown(name).getMessage());
    return n.equals("infonce") ? 0.1 : 1.0;
  }

  private static String normalize(String name) {
    return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
  }

  private static IllegalArgumentException unknown(String name) {
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "unknown contrastive loss '%s'; use one of %s", name, String.join(", ", NAMES)));
  }
}
