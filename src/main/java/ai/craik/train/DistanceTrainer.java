package ai.craik.train;

import ai.craik.data.BatchSpec;
import ai.craik.data.FrameRenderer;
import ai.craik.data.GeneratedBatchSource;
import ai.craik.data.WindowBatch;
import ai.craik.engine.GradMode;
import ai.craik.engine.RandomStreams;
import ai.craik.env.ExplorationConfig;
import ai.craik.env.Layout;
import ai.craik.env.TwoRoomsGeometry;
import ai.craik.env.TwoRoomsPaths;
import ai.craik.env.TwoRoomsRenderer;
import ai.craik.env.TwoRoomsTasks;
import ai.craik.jepa.Jepa;
import ai.craik.jepa.TemporalDistanceHead;
import ai.craik.run.Checkpointable;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The {@code distance} phase of {@code craik train world-model}: trains a
 * {@link TemporalDistanceHead} on the frozen world model's latents of random play, and measures
 * whether it ranks held-out pairs of states like the true shortest path does.
 *
 * <p><b>Data.</b> Each step draws {@code distance.batch} whole trajectories of
 * T = {@code data.trajectory_length} steps (T + 1 frames) from the generator of training (random
 * play, layouts as {@code data.layout}; stream ("distance", step)) and encodes every frame once
 * with grad mode off (the world model is frozen; the latents carry no graph). From each trajectory
 * {@code distance.pairs} frame pairs (i, j = i + k) are drawn (stream ("distance.pairs", step)):
 * the gap k is, with probability 1/2, uniform in 1..T and otherwise log-uniform,
 * k = floor(exp(u ln(T + 1))) with u uniform in [0, 1), so short gaps (where the latent geometry is
 * fine-grained) and long ones (that cross rooms) are both well covered; i is uniform in 0..T − k.
 * The head's symmetric form makes each pair teach both directions. One AdamW step of the scaled
 * expectile loss follows (see {@link TemporalDistanceHead}).
 *
 * <p><b>Evaluation.</b> {@code distance.eval_layouts} held-out layouts (stream "distance.eval";
 * the fixed layout when {@code data.layout} is fixed), each with {@code distance.eval_positions}
 * free positions, half in each room at least σ from the walls, rendered and encoded once; every
 * pair of positions of a layout counts. The true distance is the exact shortest path
 * ({@link TwoRoomsPaths}); {@link DistanceEvaluation} reports Spearman's rho of the learned
 * distance and of the plain latent distance ||s_a − s_b|| against it, over all pairs and over the
 * cross-wall pairs: different rooms, straight-line distance at most {@code distance.cross_wall_px}
 * and the straight segment blocked by the wall, the pairs where the plain distance leaks through
 * the wall.
 *
 * <p>All randomness comes from per-step streams and the head's state is checkpointed, so a
 * resumed phase continues exactly.
 */
public final class DistanceTrainer implements AutoCloseable {
  private static final int CHUNK_FRAMES = 256;

  private final WorldModelConfig.Distance cfg;
  private final Jepa jepa;
  private final RandomStreams random;
  private final TemporalDistanceHead head;
  private final GeneratedBatchSource source;
  private final WindowBatch batch;
  private final FrameRenderer renderer;
  private final int imageSize;
  private final int length;
  private final int latentDim;
  // held-out evaluation set: per layout, its positions and their latents (host)
  private final Layout[] evalLayouts;
  private final double[][][] evalPositions; // [E][P][2]
  private final float[][] evalLatents; // [E][P * D]

  /**
   * The phase's head, trajectory source and held-out set, for the frozen {@code jepa} trained with
   * frames of {@code spec} (its image size, dot width and scaling).
   */
  public DistanceTrainer(WorldModelConfig wm, Jepa jepa, BatchSpec spec, RandomStreams random,
      NDManager manager) {
    this.cfg = wm.distance();
    this.jepa = jepa;
    this.random = random;
    this.latentDim = jepa.latentDim();
    this.length = wm.data().trajectoryLength();
    this.imageSize = spec.imageSize();
    this.head = newHead(wm, latentDim, random, manager);
    boolean randomLayout = "random".equals(wm.data().layout());
    BatchSpec trajectories = new BatchSpec(cfg.batch(), length + 1, spec.imageSize(),
        spec.sigma(), spec.scaling(), spec.normalizeActions());
    this.source = new GeneratedBatchSource(trajectories, ExplorationConfig.defaults(),
        wm.env().maxStep(), length, randomLayout, wm.data().threads());
    this.batch = WindowBatch.allocate(trajectories);
    this.renderer = new FrameRenderer(new TwoRoomsRenderer(spec.imageSize(), spec.sigma()),
        spec.scaling());
    SplittableRandom rng = random.stream("distance.eval");
    int e = cfg.evalLayouts();
    int p = cfg.evalPositions();
    evalLayouts = new Layout[e];
    evalPositions = new double[e][p][];
    evalLatents = new float[e][];
    for (int l = 0; l < e; l++) {
      evalLayouts[l] = randomLayout ? Layout.random(rng) : Layout.fixed();
      for (int i = 0; i < p; i++) {
        evalPositions[l][i] = TwoRoomsTasks.uniformInRoom(evalLayouts[l], i % 2, spec.sigma(),
            rng);
      }
      evalLatents[l] = encodePositions(manager, evalLayouts[l], evalPositions[l]);
    }
  }

  /**
   * The head of a run with config {@code wm} on latents of size {@code latentDim}, initialized
   * from the run's stream "init.distance", its parameters in a child of {@code manager}: the one
   * construction of the phase's head, used to train it here and to load it
   * ({@link TrainedWorldModel}), so a checkpoint of the phase always fits.
   */
  public static TemporalDistanceHead newHead(WorldModelConfig wm, int latentDim,
      RandomStreams random, NDManager manager) {
    WorldModelConfig.Distance d = wm.distance();
    return new TemporalDistanceHead(manager, latentDim,
        d.hidden().stream().mapToInt(Integer::intValue).toArray(), d.embedding(), d.maxGap(),
        d.learningRate(), random.stream("init.distance"));
  }

  /** The head being trained. */
  public TemporalDistanceHead head() {
    return head;
  }

  /** What a checkpoint of this phase holds: the head's parameters and optimizer. */
  public Checkpointable state() {
    return head;
  }

  /** One training step (0-based {@code step}): metrics {@code distance/loss}, {@code .../grad_norm}. */
  public Map<String, Double> step(long step, NDManager scope) {
    long t0 = System.nanoTime();
    source.next(random.stream("distance", step), batch);
    int frames = length + 1;
    int b = batch.batchSize();
    float[] z = encode(scope, batch.observations(), b * frames); // [B, T+1, D]
    SplittableRandom rng = random.stream("distance.pairs", step);
    int n = b * cfg.pairs();
    float[] za = new float[n * latentDim];
    float[] zb = new float[n * latentDim];
    float[] gaps = new float[n];
    int q = 0;
    for (int t = 0; t < b; t++) {
      for (int p = 0; p < cfg.pairs(); p++, q++) {
        int k = gap(rng, length);
        int i = rng.nextInt(length - k + 1);
        int j = i + k;
        System.arraycopy(z, (t * frames + i) * latentDim, za, q * latentDim, latentDim);
        System.arraycopy(z, (t * frames + j) * latentDim, zb, q * latentDim, latentDim);
        gaps[q] = k;
      }
    }
    TemporalDistanceHead.TrainStep ts = head.trainStep(scope.create(za, new Shape(n, latentDim)),
        scope.create(zb, new Shape(n, latentDim)), scope.create(gaps), cfg.tau());
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("distance/loss", ts.loss());
    m.put("distance/grad_norm", ts.gradNorm());
    m.put("time/distance_frames_per_second", b * frames / ((System.nanoTime() - t0) / 1e9));
    return m;
  }

  /**
   * A gap in 1..T: with probability 1/2 uniform, else log-uniform floor(exp(u ln(T + 1))), so
   * every scale of gap is drawn often.
   */
  static int gap(SplittableRandom rng, int length) {
    if (rng.nextBoolean()) {
      return 1 + rng.nextInt(length);
    }
    int k = (int) Math.floor(StrictMath.exp(rng.nextDouble() * StrictMath.log(length + 1.0)));
    return Math.max(1, Math.min(length, k));
  }

  /** The head and the plain latent distance on the held-out pairs (no graph). */
  public DistanceEvaluation evaluate(NDManager parent) {
    int p = cfg.evalPositions();
    int perLayout = p * (p - 1) / 2;
    int total = perLayout * evalLayouts.length;
    float[] a = new float[total * latentDim];
    float[] b = new float[total * latentDim];
    double[] truth = new double[total];
    double[] straight = new double[total];
    double[] plain = new double[total];
    boolean[] cross = new boolean[total];
    int q = 0;
    for (int l = 0; l < evalLayouts.length; l++) {
      Layout layout = evalLayouts[l];
      for (int i = 0; i < p; i++) {
        for (int j = i + 1; j < p; j++, q++) {
          double[] pi = evalPositions[l][i];
          double[] pj = evalPositions[l][j];
          System.arraycopy(evalLatents[l], i * latentDim, a, q * latentDim, latentDim);
          System.arraycopy(evalLatents[l], j * latentDim, b, q * latentDim, latentDim);
          truth[q] = TwoRoomsPaths.shortestPath(layout, pi[0], pi[1], pj[0], pj[1]);
          straight[q] = StrictMath.hypot(pj[0] - pi[0], pj[1] - pi[1]);
          plain[q] = latentDistance(evalLatents[l], i, evalLatents[l], j);
          cross[q] = TwoRoomsGeometry.room(layout, pi[0]) != TwoRoomsGeometry.room(layout, pj[0])
              && straight[q] <= cfg.crossWallPx()
              && !TwoRoomsPaths.visible(layout, pi[0], pi[1], pj[0], pj[1]);
        }
      }
    }
    double[] learned = distances(parent, a, b, total);
    return new DistanceEvaluation(RankCorrelation.spearman(learned, truth),
        RankCorrelation.spearman(plain, truth), RankCorrelation.spearman(select(learned, cross),
            select(truth, cross)), RankCorrelation.spearman(select(plain, cross),
            select(truth, cross)), otherRoom(learned, truth), otherRoom(plain, truth), truth,
        straight, learned, plain, cross);
  }

  /**
   * The planner's question, per goal: for each held-out position g as the goal, Spearman's rho of
   * the cost and the shortest path over the positions in the other room (where the true path
   * bends through the door), averaged over goals. Pairs are in the order of {@link #evaluate}.
   */
  private double otherRoom(double[] cost, double[] truth) {
    int p = cfg.evalPositions();
    double sum = 0;
    int count = 0;
    int q0 = 0;
    for (int l = 0; l < evalLayouts.length; l++) {
      Layout layout = evalLayouts[l];
      double[][] c = new double[p][p];
      double[][] t = new double[p][p];
      int q = q0;
      for (int i = 0; i < p; i++) {
        for (int j = i + 1; j < p; j++, q++) {
          c[i][j] = c[j][i] = cost[q];
          t[i][j] = t[j][i] = truth[q];
        }
      }
      q0 = q;
      for (int g = 0; g < p; g++) {
        int room = TwoRoomsGeometry.room(layout, evalPositions[l][g][0]);
        double[] cg = new double[p];
        double[] tg = new double[p];
        int n = 0;
        for (int i = 0; i < p; i++) {
          if (TwoRoomsGeometry.room(layout, evalPositions[l][i][0]) != room) {
            cg[n] = c[g][i];
            tg[n] = t[g][i];
            n++;
          }
        }
        double rho = RankCorrelation.spearman(Arrays.copyOf(cg, n), Arrays.copyOf(tg, n));
        if (!Double.isNaN(rho)) {
          sum += rho;
          count++;
        }
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  /**
   * Distances to the goal (gx, gy) from every cell centre of an n × n grid over the arena
   * (4.5, 59.5)² in {@code layout}: the shortest path, the learned and the plain latent distance;
   * NaN in cells that are not free.
   */
  public DistanceMap map(NDManager parent, Layout layout, double gx, double gy, int n) {
    double lo = TwoRoomsGeometry.LOW;
    double hi = TwoRoomsGeometry.HIGH;
    double[][] cells = new double[n * n][];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        cells[j * n + i] = new double[] {lo + (i + 0.5) * (hi - lo) / n,
            lo + (j + 0.5) * (hi - lo) / n};
      }
    }
    double[][] all = Arrays.copyOf(cells, n * n + 1);
    all[n * n] = new double[] {gx, gy};
    float[] z = encodePositions(parent, layout, all); // cells, then the goal
    float[] goal = Arrays.copyOfRange(z, n * n * latentDim, (n * n + 1) * latentDim);
    float[] goals = new float[n * n * latentDim];
    for (int c = 0; c < n * n; c++) {
      System.arraycopy(goal, 0, goals, c * latentDim, latentDim);
    }
    double[] learned = distances(parent, Arrays.copyOf(z, n * n * latentDim), goals, n * n);
    double[][] truth = new double[n][n];
    double[][] lm = new double[n][n];
    double[][] pm = new double[n][n];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        int c = j * n + i;
        boolean free = TwoRoomsGeometry.free(layout, cells[c][0], cells[c][1]);
        truth[j][i] = free ? TwoRoomsPaths.shortestPath(layout, cells[c][0], cells[c][1], gx, gy)
            : Double.NaN;
        lm[j][i] = free ? learned[c] : Double.NaN;
        pm[j][i] = free ? latentDistance(z, c, goal, 0) : Double.NaN;
      }
    }
    return new DistanceMap(layout, gx, gy, lo, hi, lo, hi, truth, lm, pm);
  }

  private double latentDistance(float[] za, int i, float[] zb, int j) {
    double s = 0;
    for (int d = 0; d < latentDim; d++) {
      double v = za[i * latentDim + d] - zb[j * latentDim + d];
      s += v * v;
    }
    return Math.sqrt(s);
  }

  private static double[] select(double[] v, boolean[] keep) {
    int n = 0;
    for (boolean k : keep) {
      n += k ? 1 : 0;
    }
    double[] out = new double[n];
    int o = 0;
    for (int i = 0; i < v.length; i++) {
      if (keep[i]) {
        out[o++] = v[i];
      }
    }
    return out;
  }

  /** The head's d(a_n, b_n) for host latents a, b [n, D], grad mode off. */
  private double[] distances(NDManager parent, float[] a, float[] b, int n) {
    return GradMode.disabled(() -> {
      try (NDManager scope = parent.newSubManager()) {
        float[] d = head.distance(scope.create(a, new Shape(n, latentDim)),
            scope.create(b, new Shape(n, latentDim))).toFloatArray();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
          out[i] = d[i];
        }
        return out;
      }
    });
  }

  /** Host latents [P * D] of the frames of a dot at each position in {@code layout}. */
  private float[] encodePositions(NDManager parent, Layout layout, double[][] positions) {
    int fs = renderer.frameSize();
    float[] frames = new float[positions.length * fs];
    for (int i = 0; i < positions.length; i++) {
      renderer.render(layout, positions[i][0], positions[i][1], frames, i * fs);
    }
    return encode(parent, frames, positions.length);
  }

  /** Host latents [n * D] of n frames [n * 2 R R], encoded in chunks with grad mode off. */
  private float[] encode(NDManager parent, float[] frames, int n) {
    int fs = 2 * imageSize * imageSize;
    float[] out = new float[n * latentDim];
    GradMode.disabled(() -> {
      for (int from = 0; from < n; from += CHUNK_FRAMES) {
        int to = Math.min(n, from + CHUNK_FRAMES);
        try (NDManager chunk = parent.newSubManager()) {
          NDArray x = chunk.create(Arrays.copyOfRange(frames, from * fs, to * fs),
              new Shape(to - from, 2, imageSize, imageSize));
          float[] z = jepa.encode(x).toFloatArray(); // [to - from, D]
          System.arraycopy(z, 0, out, from * latentDim, z.length);
        }
      }
      return null;
    });
    return out;
  }

  @Override
  public void close() {
    source.close();
  }
}
