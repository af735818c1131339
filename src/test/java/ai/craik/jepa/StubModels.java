package ai.craik.jepa;

import ai.craik.engine.HostRandom;
import ai.craik.nn.Parameters;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/** Tiny linear stand-ins for the real encoders and predictors, with every parameter in use. */
final class StubModels {
  private StubModels() {}

  static float[] uniform(SplittableRandom rng, int n, double bound) {
    return HostRandom.uniform(rng, n, -bound, bound);
  }

  /** y = x W + b on rows, W [in, out]. */
  static NDArray linear(NDArray x, Parameters p, String name) {
    return x.matMul(p.get(name + ".w")).add(p.get(name + ".b"));
  }

  static void addLinear(Parameters p, String name, int in, int out, SplittableRandom init) {
    p.add(name + ".w", uniform(init, in * out, Math.sqrt(3.0 / in)), new Shape(in, out));
    p.add(name + ".b", uniform(init, out, 0.1), new Shape(out));
  }

  /** LayerNorm over the last axis of y [B, D] with gain and bias [D]. */
  static NDArray layerNorm(NDArray y, NDArray gain, NDArray bias) {
    NDArray yc = y.sub(y.mean(new int[] {1}, true)); // [B, D]
    NDArray var = yc.square().mean(new int[] {1}, true); // [B, 1]
    return yc.div(var.add(1e-5f).sqrt()).mul(gain).add(bias);
  }

  /** Flatten [B, C, H, W] to [B, C H W], then x W + b, then LayerNorm. */
  static final class LinearEncoder implements Encoder {
    final Parameters params;
    final int inputs;
    final int d;

    LinearEncoder(NDManager m, int c, int h, int w, int d, SplittableRandom init) {
      this.params = new Parameters(m);
      this.inputs = c * h * w;
      this.d = d;
      addLinear(params, "enc", inputs, d, init);
      float[] gain = uniform(init, d, 0.2);
      for (int i = 0; i < d; i++) {
        gain[i] += 1f;
      }
      params.add("enc.ln.gain", gain, new Shape(d));
      params.add("enc.ln.bias", uniform(init, d, 0.1), new Shape(d));
    }

    @Override
    public NDArray encode(NDArray observations) {
      NDArray x = observations.reshape(observations.getShape().get(0), inputs);
      return layerNorm(linear(x, params, "enc"), params.get("enc.ln.gain"),
          params.get("enc.ln.bias"));
    }

    @Override
    public int latentDim() {
      return d;
    }

    @Override
    public Parameters parameters() {
      return params;
    }
  }

  /** Residual linear predictor s' = s + tanh([s, u] W + b). */
  static final class LinearPredictor implements Predictor {
    final Parameters params;

    LinearPredictor(NDManager m, int d, int u, SplittableRandom init) {
      params = new Parameters(m);
      addLinear(params, "pred", d + u, d, init);
    }

    @Override
    public NDArray next(NDArray state, NDArray encodedAction) {
      return state.add(linear(state.concat(encodedAction, 1), params, "pred").tanh());
    }

    @Override
    public Parameters parameters() {
      return params;
    }
  }

  /** u = a. */
  static final class IdentityActions implements ActionEncoder {
    final Parameters params;
    final int a;

    IdentityActions(NDManager m, int a) {
      this.params = new Parameters(m);
      this.a = a;
    }

    @Override
    public NDArray encode(NDArray actions) {
      return actions;
    }

    @Override
    public int encodedDim() {
      return a;
    }

    @Override
    public Parameters parameters() {
      return params;
    }
  }

  /** u = a W + b. */
  static final class LinearActions implements ActionEncoder {
    final Parameters params;
    final int u;

    LinearActions(NDManager m, int a, int u, SplittableRandom init) {
      this.params = new Parameters(m);
      this.u = u;
      addLinear(params, "act", a, u, init);
    }

    @Override
    public NDArray encode(NDArray actions) {
      return linear(actions, params, "act");
    }

    @Override
    public int encodedDim() {
      return u;
    }

    @Override
    public Parameters parameters() {
      return params;
    }
  }

  /** Sizes of the stub world: frames [C, H, W], latent D, action A, encoded action U. */
  static final int C = 2;
  static final int H = 3;
  static final int W = 3;
  static final int D = 6;
  static final int A = 2;
  static final int U = 3;

  /** A stub JEPA with a learned action encoder and the given loss weights. */
  static Jepa model(NDManager m, JepaLossConfig cfg, long seed) {
    SplittableRandom init = new SplittableRandom(seed);
    Encoder enc = new LinearEncoder(m, C, H, W, D, init);
    ActionEncoder act = new LinearActions(m, A, U, init);
    Predictor pred = new LinearPredictor(m, D, U, init);
    return new Jepa(enc, act, pred, RegularizerSet.of(cfg, D, A, m, init), new SquaredError());
  }

  /** Random observations [B, L, C, H, W] and actions [B, L - 1, A] in {@code m}. */
  static NDArray[] batch(NDManager m, SplittableRandom rng, int b, int l) {
    NDArray obs = m.create(HostRandom.uniform(rng, b * l * C * H * W, 0, 1),
        new Shape(b, l, C, H, W));
    NDArray act = m.create(HostRandom.normal(rng, b * (l - 1) * A), new Shape(b, l - 1, A));
    return new NDArray[] {obs, act};
  }
}
