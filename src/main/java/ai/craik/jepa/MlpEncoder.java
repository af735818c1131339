package ai.craik.jepa;

import ai.craik.config.Checks;
import ai.craik.nn.Activation;
import ai.craik.nn.LayerNorm;
import ai.craik.nn.Mlp;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * An encoder for low-dimensional observations: s = LN(MLP(o)), with ReLU between the MLP's layers.
 *
 * <p>Shapes: observations [B, F], or [B, C, H, W] with C H W = F (flattened), to latents [B, D].
 * Parameters: {@code mlp.w<i>}, {@code mlp.b<i>} (see {@link Mlp}; Glorot-uniform weights),
 * {@code norm}.
 */
public final class MlpEncoder implements NormalizedEncoder {
  private final Parameters params;
  private final Mlp mlp;
  private final LayerNorm norm;

  /**
   * Adds the encoder's parameters to {@code params}, drawn from {@code init}.
   *
   * @param inputs the observation size F
   * @param hidden widths of the hidden layers (may be empty: one linear layer)
   */
  public MlpEncoder(Parameters params, int inputs, int[] hidden, int latentDim,
      SplittableRandom init) {
    Checks.arg(inputs > 0, "MLP encoder needs a positive input size, got %s", inputs);
    Checks.arg(latentDim > 0, "MLP encoder needs latent_dim > 0, got %s", latentDim);
    int[] widths = IntStream.concat(IntStream.concat(IntStream.of(inputs), IntStream.of(hidden)),
        IntStream.of(latentDim)).toArray();
    this.params = params;
    this.mlp = new Mlp(params, "mlp", widths, Activation.RELU, init);
    this.norm = new LayerNorm(params, "norm", latentDim);
  }

  @Override
  public NDArray encode(NDArray observations) {
    Checks.arg(observations.getShape().dimension() >= 2
            && observations.size() == observations.getShape().get(0) * mlp.inputs(),
        "MLP encoder expects observations [B, %s] (or [B, ...] of %s values per row), got %s",
        mlp.inputs(), mlp.inputs(), observations.getShape());
    NDArray flat = observations.getShape().dimension() == 2 ? observations
        : observations.reshape(-1, mlp.inputs()); // [B, F]
    return norm.forward(mlp.forward(flat));
  }

  @Override
  public int latentDim() {
    return norm.dim();
  }

  @Override
  public Parameters parameters() {
    return params;
  }

  @Override
  public LayerNorm outputNorm() {
    return norm;
  }

  @Override
  public long multiplyAddsPerFrame() {
    return mlp.multiplyAdds();
  }
}
