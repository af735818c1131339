package ai.craik.run;

import ai.craik.engine.EngineInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a result came from: Craik, engine and Java versions, OS and CPU, threads, seed, command and
 * source commit. Recorded in every summary because floating-point results depend on all of them
 * (libtorch kernels and thread counts change the order of sums).
 */
public record Provenance(
    String command,
    long seed,
    String craikVersion,
    String commit,
    String djlVersion,
    String engine,
    String engineVersion,
    int threads,
    String javaVersion,
    String os,
    String arch,
    String finishedAt) {

  /** Provenance of the current process for {@code command} with {@code seed}. */
  public static Provenance of(String command, long seed, EngineInfo engine) {
    String version = Provenance.class.getPackage().getImplementationVersion();
    return new Provenance(command, seed, version == null ? "dev" : version,
        System.getProperty("craik.commit", "unknown"), engine.djlVersion(), engine.engine(),
        engine.nativeVersion(), engine.threads(), System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("os.arch"), Instant.now().toString());
  }

  /** As a JSON-friendly map. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", command);
    m.put("seed", seed);
    m.put("craik_version", craikVersion);
    m.put("commit", commit);
    m.put("djl_version", djlVersion);
    m.put("engine", engine);
    m.put("engine_version", engineVersion);
    m.put("threads", threads);
    m.put("java_version", javaVersion);
    m.put("os", os);
    m.put("arch", arch);
    m.put("finished_at", finishedAt);
    return m;
  }
}
