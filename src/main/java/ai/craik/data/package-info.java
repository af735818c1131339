/**
 * Offline data for world models (world layer): Two Rooms datasets on disk and training batches.
 *
 * <p>Writing: {@link ai.craik.data.TwoRoomsDatasetWriter} generates the trajectories of a
 * {@link ai.craik.data.DatasetSpec} with {@link ai.craik.data.ShardGenerator} (trajectory i is a
 * pure function of the seed and i) on all threads and writes NumPy {@code .npz} shards
 * ({@link ai.craik.data.NpzWriter}, {@link ai.craik.data.NpyHeader}) with keys {@code actions}
 * float32 [n, T, 2], {@code positions} float32 [n, T+1, 2], {@code wall_x} and {@code door_y}
 * int32 [n], {@code through_door} uint8 [n] and optionally {@code observations} uint8
 * [n, T+1, 2, R, R], plus {@code dataset.json} ({@link ai.craik.data.DatasetManifest}: format
 * version 1, generator settings, counts, each shard's size and SHA-256). Shards are written
 * atomically and an interrupted or damaged dataset is resumed by running the same command again.
 *
 * <p>Reading: {@link ai.craik.data.TwoRoomsDataset} opens a folder (checksums verified lazily per
 * shard); a {@link ai.craik.data.BatchSource} fills {@link ai.craik.data.WindowBatch}es of random
 * windows of L frames, either {@link ai.craik.data.ShardBatchSource} (streams from disk with K
 * shards resident) or {@link ai.craik.data.GeneratedBatchSource} (generates on the fly). Frames
 * are rendered straight into float buffers by {@link ai.craik.data.FrameRenderer}, scaled by
 * {@link ai.craik.data.ObservationScaling}; {@link ai.craik.data.BatchTensors} refills engine
 * tensors in place. {@link ai.craik.data.DataBenchmark} measures the rates behind
 * {@code craik bench data}.
 *
 * <p>Images for self-supervised learning: {@link ai.craik.data.Shapes} generates the procedural
 * {@code shapes} dataset (7 classes, random position, size, rotation and colours, every factor a
 * label) from a seed; {@link ai.craik.data.Mnist} reads the four MNIST files from a user-given
 * folder ({@link ai.craik.data.IdxFile}: IDX unsigned bytes, plain or gzip, with one-line errors
 * for missing, malformed or truncated files) and {@link ai.craik.data.Cifar10} the binary CIFAR-10
 * batches, both into {@link ai.craik.data.LabelledImages}; {@link ai.craik.data.Augment} draws
 * seeded views (crop, flip, colour jitter, grayscale, blur, solarize) of image batches.
 */
package ai.craik.data;
