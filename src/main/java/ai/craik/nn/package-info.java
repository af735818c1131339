/**
 * Network building blocks (base layer): named trainable {@link ai.craik.nn.Parameters}; layers that
 * compute with the engine's functional ops on those parameters ({@link ai.craik.nn.Linear},
 * {@link ai.craik.nn.Conv2d}, {@link ai.craik.nn.LayerNorm}, {@link ai.craik.nn.MaxPool},
 * {@link ai.craik.nn.ResidualBlock}, {@link ai.craik.nn.GruCell}, the {@link ai.craik.nn.Mlp}) with
 * host-drawn {@link ai.craik.nn.WeightInit}s; {@link ai.craik.nn.Activation}s; the
 * {@link ai.craik.nn.AdamW} optimizer whose state is saved in checkpoints; and
 * {@link ai.craik.nn.LossTerms}, the named parts of a composite loss.
 */
package ai.craik.nn;
