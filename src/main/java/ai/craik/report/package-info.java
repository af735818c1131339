/**
 * Figures and the per-run HTML report (app layer): numbers in, PNG files and {@code report.html} out.
 *
 * <p>Inputs are plain Java arrays ({@code double[]}, {@code double[][]}) and strings, never tensors, so
 * this package needs no engine and can redraw a finished run from its files. {@link
 * ai.craik.report.LineChart} and {@link ai.craik.report.ScatterChart} draw curves and point sets with
 * XChart; {@link ai.craik.report.HeatMap} draws a 2-D field (e.g. an energy landscape) in
 * {@link ai.craik.report.Colormap#viridis()} with a colorbar and optional quiver, point and polyline
 * overlays in Java2D; all three are {@link ai.craik.report.Figure}s with {@code savePng(Path)}.
 * {@link ai.craik.report.RunReport} writes one self-contained page per run that links the figures by
 * relative path. Drawing is headless ({@code java.awt.headless=true} unless set otherwise) and files
 * are written atomically.
 */
package ai.craik.report;
