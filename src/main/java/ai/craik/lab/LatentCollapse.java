package ai.craik.lab;

import ai.craik.ebm.DiscreteLatentInference;
import ai.craik.ebm.LatentEnergy;
import ai.craik.ebm.LatentEstimate;
import ai.craik.ebm.LatentGrid;
import ai.craik.ebm.ReconstructionEnergy;
import ai.craik.ebm.SparseCode;
import ai.craik.ebm.SparseCoding;
import ai.craik.engine.HostRandom;
import ai.craik.lab.LabOutcome.DrawnFigure;
import ai.craik.report.HeatMap;
import ai.craik.report.Marker;
import ai.craik.run.RunSession;
import ai.craik.train.TrainingLoop;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Part 3 of {@code craik ebm sparse-coding}: why a latent-variable energy needs a latent of limited
 * capacity. Data: points on a union of lines through the origin in R² (a 1-D manifold),
 * y = t (cos a, sin a) + noise. Three latent models, each learned on the data, and their free
 * energies F(y) = min_z E(y, z) over a box:
 *
 * <pre>
 *   unregularized  E = ||y − W z||²,              W [2, 2], z ∈ R²  → F(y) = 0 for every y when W is
 *                                                 invertible: the energy collapses (flat at 0)
 *   sparse         E = ||y − W z||² + λ ||z||₁,   W [2, 2], z ∈ R²  → F low along the atoms, which
 *                                                 learning aligns with the data lines
 *   code book      E = ||y − W z||²,              W [2, K], z ∈ {e_1 .. e_K} → F(y) = min_k ||y − w_k||²,
 *                                                 low only near the K code vectors
 * </pre>
 *
 * <p>The 2-D dictionaries start from the same random orthonormal pair and are learned by ISTA codes
 * and {@link SparseCoding#dictionaryStep} (the unregularized one has nothing to learn: its loss is
 * already zero); the code book is learned by K-means steps (assign each point to its minimizing
 * latent with {@link DiscreteLatentInference}, move each code vector to the mean of its points).
 * The contrast of each surface is mean F over the data against mean F over points uniform in the
 * box, as the ratio (mean_data + 1e-6) / (mean_uniform + 1e-6): about 1 for a flat surface, well
 * below 1 when the energy is low only near the data. Reference: LeCun, "A Path Towards Autonomous
 * Machine Intelligence" (2022), section on regularized latent-variable EBMs.
 */
final class LatentCollapse {
  /** Added to both means of the contrast ratio so a surface flat at 0 reads as 1. */
  static final double RATIO_EPSILON = 1e-6;
  private static final int LOG_EVERY = 10;

  private LatentCollapse() {}

  /** What part 3 adds to the problem's outcome. */
  record Result(Map<String, Object> summary, Map<String, Object> losses,
      Map<String, Object> sanity, Map<String, Object> keyFigures, List<DrawnFigure> figures) {}

  /** One learned latent model, its free energy on the data, the uniform points and the grid. */
  private record Case(String key, String title, String latent, double meanData,
      double meanUniform, double maxBox, double[][] field) {
    double ratio() {
      return (meanData + RATIO_EPSILON) / (meanUniform + RATIO_EPSILON);
    }
  }

  static Result run(SparseCodingConfig.Collapse c, RunSession session, NDManager manager) {
    double[][] data = sample(c, session.random().stream("collapse_data"));
    double[][] uniform = uniform(c, session.random().stream("collapse_uniform"));
    float[] start = orthonormalStart(session.random().stream("collapse_init"));
    HostMatrix free = new HostMatrix("W", 2, 2, start);
    trainDictionary(session, manager, "collapse_unregularized", free, data, 0, c);
    HostMatrix sparse = new HostMatrix("W", 2, 2, start);
    trainDictionary(session, manager, "collapse_sparse", sparse, data, c.lambda(), c);
    HostMatrix book = new HostMatrix("codebook", c.codebook(), 2,
        initialCodebook(data, c.codebook(), session.random().stream("collapse_codebook_init")));
    trainCodebook(session, manager, book, data, c);

    Grid2d box = new Grid2d(-c.box(), c.box(), -c.box(), c.box(), c.grid(), c.grid());
    double[][] gridPoints = gridPoints(box);
    List<Case> cases = new ArrayList<>();
    cases.add(evaluate("unregularized", "2-D latent, no regularization (lambda = 0)",
        "z in R^2, lambda = 0", y -> sparseF(manager, free, y, 0, c.istaSteps()), data, uniform,
        gridPoints, box));
    cases.add(evaluate("sparse", "2-D latent, L1 penalty lambda = " + num(c.lambda()),
        "z in R^2, lambda = " + c.lambda(),
        y -> sparseF(manager, sparse, y, c.lambda(), c.istaSteps()), data, uniform, gridPoints,
        box));
    cases.add(evaluate("codebook", "K-valued latent, K = " + c.codebook() + " code vectors",
        "z one of K = " + c.codebook() + " one-hot values", y -> codebookF(manager, book, y), data,
        uniform, gridPoints, box));

    List<DrawnFigure> figures = new ArrayList<>();
    double hi = 0;
    for (Case k : cases) {
      hi = Math.max(hi, k.maxBox());
    }
    try {
      figures.add(draw(session, box, cases.get(0), data, hi, atomLines(free, c.box()), null));
      figures.add(draw(session, box, cases.get(1), data, hi, atomLines(sparse, c.box()), null));
      figures.add(draw(session, box, cases.get(2), data, hi, null, rowsOf(book)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write figures in " + session.dir().figures(),
          e);
    }

    Map<String, Object> summary = new LinkedHashMap<>();
    Map<String, Object> dataInfo = new LinkedHashMap<>();
    dataInfo.put("points", c.points());
    dataInfo.put("line_angles_deg", c.angles());
    dataInfo.put("half_length", c.halfLength());
    dataInfo.put("noise", c.noise());
    dataInfo.put("box", List.of(-c.box(), c.box()));
    dataInfo.put("uniform_points", c.uniformPoints());
    summary.put("data", dataInfo);
    Map<String, Object> byCase = new LinkedHashMap<>();
    Map<String, Object> losses = new LinkedHashMap<>();
    Map<String, Object> key = new LinkedHashMap<>();
    for (Case k : cases) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("latent", k.latent());
      m.put("mean_F_data", k.meanData());
      m.put("mean_F_uniform", k.meanUniform());
      m.put("ratio_data_to_uniform", k.ratio());
      m.put("max_F_box", k.maxBox());
      byCase.put(k.key(), m);
      losses.put("collapse_" + k.key() + "_mean_F_data", k.meanData());
      key.put("collapse: mean F data / uniform, " + k.key(), k.ratio());
    }
    summary.put("cases", byCase);
    summary.put("ratio_epsilon", RATIO_EPSILON);

    Map<String, Object> sanity = new LinkedHashMap<>();
    float[] w = free.values();
    sanity.put("collapse_unregularized_det_W", (double) (w[0] * w[3] - w[1] * w[2]));
    sanity.put("collapse_unregularized_max_F_box", cases.get(0).maxBox());
    sanity.put("collapse_sparse_atom_angles_deg", atomAngles(sparse));
    sanity.put("collapse_data_line_angles_deg", c.angles());
    return new Result(summary, losses, sanity, key, figures);
  }

  /** y_i = t_i (cos a_c, sin a_c) + noise, line c and t ~ U[-half_length, half_length]. */
  static double[][] sample(SparseCodingConfig.Collapse c, SplittableRandom rng) {
    double[][] y = new double[c.points()][2];
    float[] noise = HostRandom.normal(rng, 2 * c.points());
    for (int i = 0; i < c.points(); i++) {
      double a = Math.toRadians(c.angles().get(rng.nextInt(c.angles().size())));
      double t = c.halfLength() * (2 * rng.nextDouble() - 1);
      y[i][0] = t * StrictMath.cos(a) + c.noise() * noise[2 * i];
      y[i][1] = t * StrictMath.sin(a) + c.noise() * noise[2 * i + 1];
    }
    return y;
  }

  private static double[][] uniform(SparseCodingConfig.Collapse c, SplittableRandom rng) {
    float[] u = HostRandom.uniform(rng, 2 * c.uniformPoints(), -c.box(), c.box());
    double[][] y = new double[c.uniformPoints()][2];
    for (int i = 0; i < y.length; i++) {
      y[i][0] = u[2 * i];
      y[i][1] = u[2 * i + 1];
    }
    return y;
  }

  /** Columns (cos φ, sin φ) and (−sin φ, cos φ), φ uniform: a random orthonormal W [2, 2]. */
  private static float[] orthonormalStart(SplittableRandom rng) {
    double phi = 2 * Math.PI * rng.nextDouble();
    float cs = (float) StrictMath.cos(phi);
    float sn = (float) StrictMath.sin(phi);
    return new float[] {cs, -sn, sn, cs}; // row-major [[cos, -sin], [sin, cos]]
  }

  /** K distinct data points, chosen from the stream, as the starting code book [K, 2]. */
  private static float[] initialCodebook(double[][] data, int k, SplittableRandom rng) {
    int[] idx = new int[data.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    float[] out = new float[2 * k];
    for (int j = 0; j < k; j++) {
      int pick = j + rng.nextInt(data.length - j);
      int t = idx[j];
      idx[j] = idx[pick];
      idx[pick] = t;
      out[2 * j] = (float) data[idx[j]][0];
      out[2 * j + 1] = (float) data[idx[j]][1];
    }
    return out;
  }

  private static void trainDictionary(RunSession session, NDManager manager, String phase,
      HostMatrix w, double[][] data, double lambda, SparseCodingConfig.Collapse c) {
    TrainingLoop.run(session, new TrainingLoop.Schedule(phase, c.steps(), LOG_EVERY,
        c.checkpointEvery()), w, manager, (step, scope) -> {
          NDArray wa = w.toArray(scope);
          NDArray y = Points.rows(scope, data);
          SparseCode code = SparseCoding.ista(wa, y, lambda, c.istaSteps());
          w.set(SparseCoding.dictionaryStep(wa, y, code.z(), c.learningRate()).toFloatArray());
          return Map.of("loss/free_energy", code.trace()[c.istaSteps()]);
        });
  }

  private static void trainCodebook(RunSession session, NDManager manager, HostMatrix book,
      double[][] data, SparseCodingConfig.Collapse c) {
    int k = book.rows();
    TrainingLoop.run(session, new TrainingLoop.Schedule("collapse_codebook", c.kmeansSteps(),
        LOG_EVERY, c.checkpointEvery()), book, manager, (step, scope) -> {
          NDArray y = Points.rows(scope, data);
          LatentEstimate est = DiscreteLatentInference.infer(codebookEnergy(book.toArray(scope)),
              scope.zeros(new Shape(data.length, 0)), y, LatentGrid.oneHot(k));
          double loss = est.energy().mean().getFloat();
          float[] z = est.z().toFloatArray(); // one-hot rows [n, K]
          double[] sum = new double[2 * k];
          int[] count = new int[k];
          for (int i = 0; i < data.length; i++) {
            for (int j = 0; j < k; j++) {
              if (z[i * k + j] > 0.5f) {
                sum[2 * j] += data[i][0];
                sum[2 * j + 1] += data[i][1];
                count[j]++;
              }
            }
          }
          float[] next = book.values();
          for (int j = 0; j < k; j++) {
            if (count[j] > 0) { // an empty code vector stays where it is
              next[2 * j] = (float) (sum[2 * j] / count[j]);
              next[2 * j + 1] = (float) (sum[2 * j + 1] / count[j]);
            }
          }
          book.set(next);
          return Map.of("loss/free_energy", loss);
        });
  }

  /** E(y, z) = ||y − W z||² with W z = z C for one-hot z [B, K] and code book C [K, 2]. */
  private static LatentEnergy codebookEnergy(NDArray codebook) {
    return new ReconstructionEnergy((x, z) -> z.matMul(codebook),
        Math.toIntExact(codebook.getShape().get(0)));
  }

  /** F(y) = E(y, ž) with ž by ISTA, for points y [n][2]. */
  private static float[] sparseF(NDManager manager, HostMatrix w, double[][] y, double lambda,
      int steps) {
    try (NDManager m = manager.newSubManager()) {
      NDArray wa = w.toArray(m);
      NDArray ya = Points.rows(m, y);
      SparseCode code = SparseCoding.ista(wa, ya, lambda, steps);
      return SparseCoding.energy(wa, ya, code.z(), lambda).toFloatArray();
    }
  }

  /** F(y) = min_k ||y − c_k||², for points y [n][2]. */
  private static float[] codebookF(NDManager manager, HostMatrix book, double[][] y) {
    try (NDManager m = manager.newSubManager()) {
      return DiscreteLatentInference.infer(codebookEnergy(book.toArray(m)),
          m.zeros(new Shape(y.length, 0)), Points.rows(m, y), LatentGrid.oneHot(book.rows()))
          .energy().toFloatArray();
    }
  }

  private static Case evaluate(String key, String title, String latent,
      Function<double[][], float[]> f, double[][] data, double[][] uniform,
      double[][] gridPoints, Grid2d box) {
    float[] field = f.apply(gridPoints);
    double max = 0;
    for (float v : field) {
      max = Math.max(max, v);
    }
    return new Case(key, title, latent, mean(f.apply(data)), mean(f.apply(uniform)), max,
        box.field(field));
  }

  private static DrawnFigure draw(RunSession s, Grid2d box, Case k, double[][] data, double hi,
      double[][] lines, double[][] codes) throws IOException {
    String file = "collapse_" + k.key() + ".png";
    HeatMap.Builder map = box.heatMap(k.field())
        .optTitle("F(y) = min_z E(y, z): " + k.title())
        .optXLabel("y1").optYLabel("y2").optColorbarLabel("F(y)").optEqualAspect(true)
        .optValueRange(0, hi).optLogScale(true).optSize(700, 560);
    if (lines != null) {
      map.addPolyline("atom directions (columns of W)", lines[0], lines[1], Color.WHITE, false);
    }
    map.addPoints("data", data, new Color(230, 60, 60), Marker.CIRCLE);
    if (codes != null) {
      map.addPoints("code vectors", codes, Color.WHITE, Marker.DIAMOND);
    }
    map.build().savePng(s.dir().figure(file));
    String caption = String.format(Locale.ROOT, "%s. Mean F on the data %.3g, on uniform points"
        + " of the box %.3g (ratio %.3g). ", k.title(), k.meanData(), k.meanUniform(), k.ratio());
    caption += switch (k.key()) {
      case "unregularized" -> "With a latent of the data's dimension and no penalty every y is"
          + " reconstructed exactly: the energy is zero everywhere and says nothing about the"
          + " data (collapse).";
      case "sparse" -> "The L1 penalty limits the latent's capacity: points along the learned"
          + " atoms (aligned with the data lines) are cheap, points between them cost more.";
      default -> "A K-valued latent has the least capacity: F is the squared distance to the"
          + " nearest code vector, low only near the data.";
    };
    return new DrawnFigure(file, caption + " Colour scale shared by the three maps (log).");
  }

  /** Lines through the origin along each column of W [2, m], NaN-separated, spanning the box. */
  private static double[][] atomLines(HostMatrix w, double box) {
    int m = w.cols();
    double[] x = new double[3 * m];
    double[] y = new double[3 * m];
    double r = 2 * box;
    for (int j = 0; j < m; j++) {
      double n = StrictMath.hypot(w.get(0, j), w.get(1, j));
      double ux = w.get(0, j) / n;
      double uy = w.get(1, j) / n;
      x[3 * j] = -r * ux;
      y[3 * j] = -r * uy;
      x[3 * j + 1] = r * ux;
      y[3 * j + 1] = r * uy;
      x[3 * j + 2] = Double.NaN;
      y[3 * j + 2] = Double.NaN;
    }
    return new double[][] {x, y};
  }

  /** Angles in degrees in [0, 180) of the columns of W [2, m], rounded to 0.1. */
  private static List<Double> atomAngles(HostMatrix w) {
    List<Double> out = new ArrayList<>();
    for (int j = 0; j < w.cols(); j++) {
      double a = Math.toDegrees(StrictMath.atan2(w.get(1, j), w.get(0, j)));
      a = ((a % 180) + 180) % 180;
      out.add(Math.round(a * 10) / 10.0);
    }
    return out;
  }

  private static double[][] rowsOf(HostMatrix m) {
    double[][] out = new double[m.rows()][m.cols()];
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < m.cols(); j++) {
        out[i][j] = m.get(i, j);
      }
    }
    return out;
  }

  private static double[][] gridPoints(Grid2d box) {
    double[] xs = HeatMap.cellCenters(box.xmin(), box.xmax(), box.nx());
    double[] ys = HeatMap.cellCenters(box.ymin(), box.ymax(), box.ny());
    double[][] p = new double[box.nx() * box.ny()][];
    for (int j = 0; j < box.ny(); j++) {
      for (int i = 0; i < box.nx(); i++) {
        p[j * box.nx() + i] = new double[] {xs[i], ys[j]};
      }
    }
    return p;
  }


  private static double mean(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static String num(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
