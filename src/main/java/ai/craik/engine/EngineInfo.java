package ai.craik.engine;

import java.util.List;

/**
 * What the engine runs on: engine name and native library version, DJL version, intra-op threads
 * and the devices it sees.
 */
public record EngineInfo(
    String engine, String nativeVersion, String djlVersion, int threads, List<String> devices) {}
