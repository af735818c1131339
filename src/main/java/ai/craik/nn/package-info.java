/**
 * Network building blocks (base layer): named trainable {@link ai.craik.nn.Parameters}, the
 * {@link ai.craik.nn.Mlp}, {@link ai.craik.nn.Activation}s, the {@link ai.craik.nn.AdamW} optimizer
 * whose state is saved in checkpoints, and {@link ai.craik.nn.LossTerms}, the named parts of a
 * composite loss.
 */
package ai.craik.nn;
