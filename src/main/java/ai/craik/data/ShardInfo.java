package ai.craik.data;

/**
 * One entry of the {@code shards} list of {@code dataset.json}.
 *
 * @param file the shard's file name in the dataset folder
 * @param first the global index of its first trajectory
 * @param trajectories how many trajectories it holds
 * @param throughDoor how many of them were built to pass the door
 * @param bytes the file's size
 * @param sha256 the SHA-256 of the whole file, lower-case hex
 */
public record ShardInfo(String file, long first, int trajectories, int throughDoor, long bytes,
    String sha256) {}
