package ai.craik.engine;

import ai.craik.config.Checks;
import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Arrays;
import java.util.List;

/**
 * Starts the tensor engine (DJL over PyTorch) once per process: offline mode, intra-op and inter-op
 * thread counts, and the engine's global random seed.
 *
 * <p>Offline mode is forced so that libtorch comes only from the {@code pytorch-native-cpu} jar on the
 * class path and nothing is downloaded at run time. Thread counts are read by libtorch at start; when
 * the engine is already running they are applied through {@link JniUtils#setNumThreads}.
 */
public final class Engines {
  private Engines() {}

  /**
   * Starts (or re-configures) the engine and seeds its global generator.
   *
   * @param threads intra-op threads, at least 1
   * @param seed the run seed; the engine's generator gets the {@code engine} stream derived from it
   * @return what was started, for {@code craik info} and run provenance
   */
  public static EngineInfo start(int threads, long seed) {
    Checks.arg(threads >= 1, "threads=%s must be at least 1; pass --threads 1 or more", threads);
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    Engine engine = Engine.getEngine("PyTorch");
    JniUtils.setNumThreads(threads);
    engine.setRandomSeed((int) new RandomStreams(seed).seedFor("engine"));
    return info(engine, threads);
  }

  private static EngineInfo info(Engine engine, int threads) {
    List<String> devices =
        Arrays.stream(engine.getDevices()).map(Device::toString).toList();
    return new EngineInfo(
        engine.getEngineName(), engine.getVersion(), Engine.getDjlVersion(), threads, devices);
  }
}
