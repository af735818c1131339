/**
 * Run folders (base layer): {@link ai.craik.run.RunDir} (layout, resume, force),
 * {@link ai.craik.run.Checkpoint} (atomic, checksummed, versioned), {@link ai.craik.run.MetricsLog}
 * (JSON lines), {@link ai.craik.run.Provenance}, the {@link ai.craik.run.ProgressListener} interface
 * and {@link ai.craik.run.RunSession}, which bundles them for a command's work.
 */
package ai.craik.run;
