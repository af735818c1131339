/**
 * Training loops (learning layer): {@link ai.craik.train.TrainingLoop} runs steps in their own
 * memory scope, logs metrics, reports progress and checkpoints, and resumes exactly.
 * {@link ai.craik.train.WorldModelTrainer} trains the JEPA world model of Two Rooms (phase
 * {@code train}); {@link ai.craik.train.TrainedWorldModel} loads one from its run folder through
 * the same construction. {@link ai.craik.train.DistanceTrainer} then trains a temporal-distance
 * head on it (phase {@code distance}) and evaluates it against the true shortest path
 * ({@link ai.craik.train.DistanceEvaluation}, {@link ai.craik.train.DistanceMap},
 * {@link ai.craik.train.RankCorrelation}). {@link ai.craik.train.WallPushEvaluation} checks that
 * the model imagines the middle wall.
 */
package ai.craik.train;
