/**
 * Training loops (learning layer): {@link ai.craik.train.TrainingLoop} runs steps in their own
 * memory scope, logs metrics, reports progress and checkpoints, and resumes exactly.
 */
package ai.craik.train;
