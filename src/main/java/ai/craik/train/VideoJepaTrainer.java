package ai.craik.train;

import ai.craik.data.Clip;
import ai.craik.data.ClipSource;
import ai.craik.engine.GradMode;
import ai.craik.engine.RandomStreams;
import ai.craik.eval.AveragePrecision;
import ai.craik.jepa.DetectionHead;
import ai.craik.jepa.FramePairPredictor;
import ai.craik.jepa.LearningRateSchedule;
import ai.craik.jepa.ModuleOptimizers;
import ai.craik.jepa.PixelDecoder;
import ai.craik.jepa.Projector;
import ai.craik.jepa.ResNet;
import ai.craik.nn.GroupNorm;
import ai.craik.nn.Parameters;
import ai.craik.run.Checkpointable;
import ai.craik.ssl.CovariancePenalty;
import ai.craik.ssl.VarianceHinge;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A video JEPA: predict the next frame's spatial representation from the last two, without
 * actions, trained by a multi-step autoregressive rollout in representation space with variance
 * and covariance regularization of the projected per-position features against collapse.
 *
 * <pre>
 *   s_t = N(Enc(o_t))                          [C, h, w], N: per-image normalization (no gain)
 *   s^_2 = P(s_0, s_1),  s^_{k+1} = P(s^_{k-1}, s^_k)   (s^_1 = s_1)
 *   L = sum_{k=2}^{K+1} mean (s^_k - s_k)^2 + std * v(Proj(s)) + cov * c(Proj(s))
 * </pre>
 *
 * where v and c are VICReg's variance hinge and covariance penalty over the rows of Proj(s), one
 * row per frame and map position. The normalization fixes each representation's scale, so the
 * prediction error cannot shrink by scaling the map down.
 *
 * <p>Two evaluation modules learn from detached representations in the same step and never shape
 * them: a {@link DetectionHead} (is an object's centre in this cell of the h x w grid) and a
 * {@link PixelDecoder} (pictures of predicted futures). Average precision per prediction horizon
 * compares the head's reading of predicted representations with that of the last context frame
 * ("nothing moves").
 */
public final class VideoJepaTrainer implements AutoCloseable {
  private static final int CONTEXT = 2;
  private static final int EVAL_BATCH = 32;

  private final VideoJepaConfig cfg;
  private final ClipSource source;
  private final RandomStreams streams;
  private final NDManager manager;
  private final ResNet encoder;
  private final FramePairPredictor predictor;
  private final Projector projector;
  private final DetectionHead head;
  private final PixelDecoder decoder;
  private final ModuleOptimizers optimizers;
  private final ModuleOptimizers headOptimizer;
  private final LearningRateSchedule schedule;
  private final int channels;
  private final int grid;
  private final int cell;

  /** Fresh modules (streams {@code init_*}) for the clips of {@code source}. */
  public VideoJepaTrainer(VideoJepaConfig cfg, ClipSource source, RandomStreams streams,
      NDManager parent) {
    this.cfg = cfg;
    this.source = source;
    this.streams = streams;
    this.manager = parent.newSubManager();
    VideoJepaConfig.Model m = cfg.model();
    Parameters encoderParams = new Parameters(manager);
    Parameters predictorParams = new Parameters(manager);
    Parameters projectorParams = new Parameters(manager);
    Parameters headParams = new Parameters(manager);
    Parameters decoderParams = new Parameters(manager);
    int[] widths = m.widths().stream().mapToInt(Integer::intValue).toArray();
    this.encoder = new ResNet(encoderParams, source.channels(), source.size(), 2, widths,
        m.blocks().stream().mapToInt(Integer::intValue).toArray(), 8,
        streams.stream("init_encoder"));
    this.channels = encoder.featureChannels();
    this.grid = encoder.mapSize();
    this.cell = source.size() / grid;
    this.predictor = new FramePairPredictor(predictorParams, channels, m.predictorWidth(),
        m.predictorLayers(), m.predictorResidual(), streams.stream("init_predictor"));
    int[] proj = new int[m.projector().size() + 1];
    proj[0] = channels;
    for (int i = 0; i < m.projector().size(); i++) {
      proj[i + 1] = m.projector().get(i);
    }
    this.projector = new Projector(projectorParams, "projector", proj,
        streams.stream("init_projector"));
    this.head = new DetectionHead(headParams, channels, 64, streams.stream("init_head"));
    int doublings = Integer.numberOfTrailingZeros(cell);
    int[] dec = new int[doublings];
    for (int i = 0; i < doublings; i++) {
      dec[i] = Math.max(16, 64 >> i);
    }
    this.decoder = new PixelDecoder(decoderParams, channels, dec, source.channels(),
        streams.stream("init_decoder"));
    Map<String, Parameters> modules = new LinkedHashMap<>();
    modules.put("encoder", encoderParams);
    modules.put("predictor", predictorParams);
    modules.put("projector", projectorParams);
    modules.put("decoder", decoderParams);
    this.optimizers = ModuleOptimizers.adamW(modules, cfg.train().weightDecay(), 0.0);
    this.headOptimizer = ModuleOptimizers.adamW(Map.of("head", headParams), 0.0, 0.0);
    this.schedule = cfg.train().schedule();
    ai.craik.config.Checks.arg(cell * grid == source.size() && Integer.bitCount(cell) == 1,
        "video encoder: %s px frames to a %s x %s map is not a power-of-two cell", source.size(),
        grid, grid);
  }

  /** Everything a checkpoint must hold. */
  public Checkpointable state() {
    Map<String, Checkpointable> parts = new LinkedHashMap<>();
    parts.put("optimizers", optimizers);
    parts.put("head", headOptimizer);
    return new CompositeState(parts);
  }

  /** The side of the detection grid (the representation map). */
  public int grid() {
    return grid;
  }

  /** Representations [N, C, h, w] of frames [N, channels, size, size]. */
  NDArray encode(NDArray frames) {
    return GroupNorm.normalize(encoder.featureMap(frames), 1);
  }

  /** A batch of clips as frames [B * L, channels, size, size] and their clips. */
  private NDArray frames(List<Clip> clips, NDManager scope) {
    int values = clips.get(0).frameValues();
    int length = clips.get(0).length();
    float[] all = new float[clips.size() * length * values];
    for (int i = 0; i < clips.size(); i++) {
      System.arraycopy(clips.get(i).frames(), 0, all, i * length * values, length * values);
    }
    return scope.create(all, new Shape((long) clips.size() * length, source.channels(),
        source.size(), source.size()));
  }

  /** Occupancy targets [B * L, h, w]: 1 where some object's centre lies in the cell. */
  private NDArray targets(List<Clip> clips, NDManager scope) {
    int length = clips.get(0).length();
    float[] t = new float[clips.size() * length * grid * grid];
    for (int i = 0; i < clips.size(); i++) {
      Clip c = clips.get(i);
      for (int f = 0; f < length; f++) {
        for (int o = 0; o < c.objects(); o++) {
          int k = (f * c.objects() + o) * 2;
          int gx = Math.min(grid - 1, Math.max(0, (int) (c.centres()[k] / cell)));
          int gy = Math.min(grid - 1, Math.max(0, (int) (c.centres()[k + 1] / cell)));
          t[((i * length + f) * grid + gy) * grid + gx] = 1f;
        }
      }
    }
    return scope.create(t, new Shape((long) clips.size() * length, grid, grid));
  }

  private List<Clip> clips(String stream, long index, int count, int length) {
    var rng = streams.stream(stream, index);
    List<Clip> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(source.sample(length, rng));
    }
    return out;
  }

  /** One training step; temporaries in {@code scope}. */
  public Map<String, Double> step(long step, NDManager scope) {
    int b = cfg.train().batch();
    int k = cfg.loss().rolloutSteps();
    int length = CONTEXT + k;
    List<Clip> clips = clips("clips", step, b, length);
    NDArray x = frames(clips, scope);
    NDArray occupancy = targets(clips, scope);
    double lr = schedule.at(step);
    Map<String, Double> m = new LinkedHashMap<>();
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      optimizers.zeroGradients();
      headOptimizer.zeroGradients();
      NDArray s = encode(x); // [B L, C, h, w]
      NDArray seq = s.reshape(b, length, channels, grid, grid);
      NDArray prev = seq.get(":, 0");
      NDArray cur = seq.get(":, 1");
      NDArray pred = null;
      for (int j = 0; j < k; j++) {
        NDArray next = predictor.predict(prev, cur);
        NDArray err = next.sub(seq.get(":, " + (CONTEXT + j))).square().mean();
        pred = pred == null ? err : pred.add(err);
        prev = cur;
        cur = next;
      }
      pred = pred.div((float) k);
      NDArray rows = s.transpose(0, 2, 3, 1).reshape(-1, channels); // [B L h w, C]
      NDArray z = projector.forward(rows);
      NDArray std = new VarianceHinge(1.0, 1e-4).apply(z).total();
      NDArray cov = new CovariancePenalty().apply(z).total();
      NDArray detached = s.stopGradient();
      NDArray det = DetectionHead.binaryCrossEntropy(head.logits(detached), occupancy);
      int dc = Math.min(cfg.train().decoderClips(), b) * length;
      NDArray rec = dc == 0 ? null
          : decoder.decode(detached.get("0:" + dc)).sub(x.get("0:" + dc)).square().mean();
      NDArray total = pred.add(std.mul((float) cfg.loss().std()))
          .add(cov.mul((float) cfg.loss().cov())).add(det);
      if (rec != null) {
        total = total.add(rec);
      }
      gc.backward(total);
      m.put("loss/pred", (double) pred.getFloat());
      m.put("loss/std", (double) std.getFloat());
      m.put("loss/cov", (double) cov.getFloat());
      m.put("head/bce", (double) det.getFloat());
      if (rec != null) {
        m.put("decoder/mse", (double) rec.getFloat());
      }
    }
    optimizers.step(lr).forEach((name, v) -> m.put("grad_norm/" + name, v));
    headOptimizer.step(cfg.train().learningRate());
    m.put("lr", lr);
    m.put("skipped_steps", (double) optimizers.skippedSteps());
    return m;
  }

  /** Extra steps of the detection head alone on the frozen encoder (fresh clips). */
  public void fitHead(long steps, NDManager parent) {
    for (long i = 0; i < steps; i++) {
      try (NDManager scope = parent.newSubManager()) {
        List<Clip> clips = clips("head_clips", i, cfg.train().batch(), CONTEXT);
        NDArray s = GradMode.disabled(() -> encode(frames(clips, scope)));
        NDArray occupancy = targets(clips, scope);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          headOptimizer.zeroGradients();
          gc.backward(DetectionHead.binaryCrossEntropy(head.logits(s.stopGradient()),
              occupancy));
        }
        headOptimizer.step(cfg.train().learningRate() / 10);
      }
    }
  }

  /**
   * Per-horizon detection of {@code count} test clips (stream {@code test_clips}): AP of the head
   * on predicted representations, on the last context frame's ("nothing moves") and on the true
   * encodings, each over all cells of all clips at horizon h = 1..H (index h - 1); and, for the
   * first {@code keep} clips, the true and decoded predicted frames.
   */
  public Evaluation evaluate(int count, int keep, NDManager parent) {
    int horizons = cfg.eval().horizons();
    int length = CONTEXT + horizons;
    List<Clip> clips = clips("test_clips", 0, count, length);
    int cells = grid * grid;
    float[][] predScores = new float[horizons][count * cells];
    float[][] stillScores = new float[horizons][count * cells];
    float[][] trueScores = new float[horizons][count * cells];
    boolean[][] truth = new boolean[horizons][count * cells];
    List<float[]> decoded = new ArrayList<>();
    for (int start = 0; start < count; start += EVAL_BATCH) {
      final int from = start;
      int to = Math.min(count, from + EVAL_BATCH);
      List<Clip> part = clips.subList(from, to);
      int n = to - from;
      try (NDManager scope = parent.newSubManager()) {
        GradMode.disabled(() -> {
          NDArray s = encode(frames(part, scope)).reshape(n, length, channels, grid, grid);
          float[] occ = targets(part, scope).toFloatArray(); // [n L h w]
          NDArray prev = s.get(":, 0");
          NDArray cur = s.get(":, 1");
          float[] still = head.logits(cur).toFloatArray();
          for (int h = 1; h <= horizons; h++) {
            NDArray next = predictor.predict(prev, cur);
            prev = cur;
            cur = next;
            float[] p = head.logits(cur).toFloatArray();
            float[] t = head.logits(s.get(":, " + (CONTEXT + h - 1))).toFloatArray();
            for (int i = 0; i < n; i++) {
              for (int c = 0; c < cells; c++) {
                int at = (from + i) * cells + c;
                predScores[h - 1][at] = p[i * cells + c];
                stillScores[h - 1][at] = still[i * cells + c];
                trueScores[h - 1][at] = t[i * cells + c];
                truth[h - 1][at] = occ[(i * length + CONTEXT + h - 1) * cells + c] > 0.5f;
              }
            }
            if (from == 0 && keep > 0) {
              decoded.add(decoder.decode(cur.get("0:" + Math.min(keep, n))).toFloatArray());
            }
          }
          return null;
        });
      }
    }
    double[] ap = new double[horizons];
    double[] baseline = new double[horizons];
    double[] encoded = new double[horizons];
    for (int h = 0; h < horizons; h++) {
      ap[h] = AveragePrecision.of(predScores[h], truth[h]);
      baseline[h] = AveragePrecision.of(stillScores[h], truth[h]);
      encoded[h] = AveragePrecision.of(trueScores[h], truth[h]);
    }
    return new Evaluation(ap, baseline, encoded, clips.subList(0, Math.min(keep, count)),
        decoded);
  }

  /**
   * Detection AP per horizon (index h - 1) from predicted representations, from the last context
   * frame, and from the true encodings; example clips and the decoded predictions per horizon
   * ([keep, channels, size, size] each).
   */
  public record Evaluation(double[] ap, double[] baselineAp, double[] encodedAp,
      List<Clip> examples, List<float[]> decodedPredictions) {}

  @Override
  public void close() {
    manager.close();
  }
}
