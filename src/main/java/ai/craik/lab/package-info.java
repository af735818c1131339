/**
 * The EBM lab (app layer): toy problems that teach energy-based learning, each a
 * {@link ai.craik.lab.LabProblem} that trains, evaluates and draws into a run folder
 * ({@code craik ebm ellipse|horn|eight-gaussians|sparse-coding}).
 */
package ai.craik.lab;
