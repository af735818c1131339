package ai.craik.nn;

import ai.craik.config.Checks;
import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Element-wise non-linearities. Smooth ones ({@code silu}, {@code softplus}, {@code tanh}) suit
 * energies whose input gradients drive inference or Langevin sampling; {@code relu} suits encoders.
 */
public enum Activation {
  RELU(x -> x.getNDArrayInternal().relu()),
  TANH(NDArray::tanh),
  SILU(x -> x.mul(x.getNDArrayInternal().sigmoid())),
  SOFTPLUS(x -> x.exp().add(1).log()),
  IDENTITY(x -> x);

  private final UnaryOperator<NDArray> f;

  Activation(UnaryOperator<NDArray> f) {
    this.f = f;
  }

  /** Applies the activation. */
  public NDArray apply(NDArray x) {
    return f.apply(x);
  }

  /** Parses a lower-case name such as {@code silu}; the error lists the choices. */
  public static Activation parse(String name) {
    for (Activation a : values()) {
      if (a.name().toLowerCase(Locale.ROOT).equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "unknown activation '%s'; use one of %s", name,
        Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList()));
  }
}
