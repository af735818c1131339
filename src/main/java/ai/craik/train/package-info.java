/**
 * Training loops (learning layer): {@link ai.craik.train.TrainingLoop} runs steps in their own
 * memory scope, logs metrics, reports progress and checkpoints, and resumes exactly.
 * {@link ai.craik.train.WorldModelTrainer} trains the JEPA world model of Two Rooms;
 * {@link ai.craik.train.TrainedWorldModel} loads one from its run folder through the same
 * construction.
 */
package ai.craik.train;
