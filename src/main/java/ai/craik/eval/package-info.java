/**
 * Evaluation statistics (learning layer): summaries of repeated trials that reports and
 * evaluations share, such as {@link ai.craik.eval.WilsonInterval} for success rates.
 */
package ai.craik.eval;
