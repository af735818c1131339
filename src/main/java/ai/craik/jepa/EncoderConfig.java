package ai.craik.jepa;

import ai.craik.config.ConfigChecks;
import ai.craik.config.ConfigValueException;
import ai.craik.nn.Parameters;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Encoder settings; YAML section {@code encoder} whose {@code type} key selects the implementation:
 *
 * <pre>
 *   encoder: {type: impala, widths: [16, 32, 32], latent_dim: 128}   # ImpalaEncoder: stack widths
 *   encoder: {type: conv, widths: [32, 64, 64], latent_dim: 64}      # ConvEncoder: conv widths
 *   encoder: {type: mlp, widths: [256, 256], latent_dim: 64}         # MlpEncoder: hidden widths
 *   encoder: {type: conv_spatial, widths: [16, 32], map_size: 8, channels: 8}  # ConvSpatialEncoder
 *   encoder: {type: keypoint, widths: [16, 16], strides: [1, 2], keypoints: 16,
 *            pooled: true, latent_dim: 64}                                   # KeypointEncoder
 * </pre>
 *
 * The first three take the same keys, so {@code --set encoder.type=conv} switches the
 * implementation. {@code conv_spatial} keeps a feature map as the latent: D = channels *
 * map_size^2 (no {@code latent_dim} key); it is the encoder a {@code conv} predictor needs.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = EncoderConfig.Impala.class, name = "impala"),
    @JsonSubTypes.Type(value = EncoderConfig.Conv.class, name = "conv"),
    @JsonSubTypes.Type(value = EncoderConfig.Mlp.class, name = "mlp"),
    @JsonSubTypes.Type(value = EncoderConfig.ConvSpatial.class, name = "conv_spatial"),
    @JsonSubTypes.Type(value = EncoderConfig.Keypoint.class, name = "keypoint")})
public sealed interface EncoderConfig permits EncoderConfig.Impala, EncoderConfig.Conv,
    EncoderConfig.Mlp, EncoderConfig.ConvSpatial, EncoderConfig.Keypoint {

  /** The latent size D. */
  int latentDim();

  /** Layer widths; their meaning depends on the type. */
  List<Integer> widths();

  /**
   * Builds the encoder for observations [B, channels, height, width], adding its parameters to
   * {@code params} (the MLP encoder flattens them to F = channels * height * width).
   */
  NormalizedEncoder build(Parameters params, int channels, int height, int width,
      SplittableRandom init);

  /** {@link ImpalaEncoder}: {@code widths} are the channels of the residual stacks. */
  record Impala(List<Integer> widths, int latentDim) implements EncoderConfig {
    public Impala {
      ConfigWidths.check("widths", widths, false);
      ConfigChecks.inRange("latent_dim", latentDim, 1, 1 << 16);
    }

    @Override
    public NormalizedEncoder build(Parameters params, int channels, int height, int width,
        SplittableRandom init) {
      return new ImpalaEncoder(params, channels, height, width, ConfigWidths.toArray(widths),
          latentDim, init);
    }
  }

  /** {@link ConvEncoder}: {@code widths} are the channels of the stride-2 convolutions. */
  record Conv(List<Integer> widths, int latentDim) implements EncoderConfig {
    public Conv {
      ConfigWidths.check("widths", widths, false);
      ConfigChecks.inRange("latent_dim", latentDim, 1, 1 << 16);
    }

    @Override
    public NormalizedEncoder build(Parameters params, int channels, int height, int width,
        SplittableRandom init) {
      return new ConvEncoder(params, channels, height, width, ConfigWidths.toArray(widths),
          latentDim, init);
    }
  }

  /**
   * {@link KeypointEncoder}: {@code widths} are the channels of the 3 x 3 convolutions (the first
   * with {@code strides}, one per width), {@code keypoints} the feature maps reduced to (x, y)
   * by a spatial soft-argmax; {@code pooled} adds every channel's maximum.
   */
  record Keypoint(List<Integer> widths, List<Integer> strides, int keypoints, boolean pooled,
      int latentDim) implements EncoderConfig {
    public Keypoint {
      ConfigWidths.check("strides", strides, false);
      if (strides.size() != widths.size() || strides.stream().anyMatch(x -> x > 4)) {
        throw new ConfigValueException("strides", strides, "give one stride in 1..4 per width ("
            + widths.size() + ")");
      }
      ConfigWidths.check("widths", widths, false);
      ConfigChecks.inRange("keypoints", keypoints, 1, 1024);
      ConfigChecks.inRange("latent_dim", latentDim, 1, 1 << 16);
    }

    @Override
    public NormalizedEncoder build(Parameters params, int channels, int height, int width,
        SplittableRandom init) {
      return new KeypointEncoder(params, channels, height, width, ConfigWidths.toArray(widths),
          ConfigWidths.toArray(strides), keypoints, pooled, latentDim, init);
    }
  }

  /** {@link MlpEncoder}: {@code widths} are the hidden layers (may be empty). */
  record Mlp(List<Integer> widths, int latentDim) implements EncoderConfig {
    public Mlp {
      ConfigWidths.check("widths", widths, true);
      ConfigChecks.inRange("latent_dim", latentDim, 1, 1 << 16);
    }

    @Override
    public NormalizedEncoder build(Parameters params, int channels, int height, int width,
        SplittableRandom init) {
      return new MlpEncoder(params, channels * height * width, ConfigWidths.toArray(widths),
          latentDim, init);
    }
  }

  /**
   * {@link ConvSpatialEncoder}: {@code widths} are the channels of the hidden 3 x 3 convolutions
   * (stride 2 until the frame has halved to {@code map_size}, then stride 1), {@code channels} the
   * C channels of the latent map; D = channels * map_size^2.
   */
  record ConvSpatial(List<Integer> widths, int mapSize, int channels) implements EncoderConfig {
    public ConvSpatial {
      ConfigWidths.check("widths", widths, false);
      ConfigChecks.inRange("map_size", mapSize, 1, 256);
      ConfigChecks.inRange("channels", channels, 1, 1024);
      if ((long) channels * mapSize * mapSize > (1 << 16)) {
        throw new ConfigValueException("channels", channels, "channels * map_size^2 = "
            + (long) channels * mapSize * mapSize + " exceeds 65536; lower channels or map_size");
      }
    }

    /** D = channels * map_size^2. */
    @JsonIgnore
    @Override
    public int latentDim() {
      return channels * mapSize * mapSize;
    }

    @Override
    public NormalizedEncoder build(Parameters params, int channels, int height, int width,
        SplittableRandom init) {
      return new ConvSpatialEncoder(params, channels, height, width, ConfigWidths.toArray(widths),
          mapSize, this.channels, init);
    }
  }
}
