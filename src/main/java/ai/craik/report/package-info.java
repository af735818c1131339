/**
 * Figures and the per-run HTML report (app layer): numbers in, PNG files and {@code report.html} out.
 *
 * <p>Inputs are plain Java arrays ({@code double[]}, {@code double[][]}, {@code byte[]}) and strings
 * (and, for the environment figures, the environment's own records), never tensors, so
 * this package needs no engine and can redraw a finished run from its files. {@link
 * ai.craik.report.LineChart} and {@link ai.craik.report.ScatterChart} draw curves and point sets with
 * XChart; {@link ai.craik.report.HeatMap} draws a 2-D field (e.g. an energy landscape) in
 * {@link ai.craik.report.Colormap#viridis()} with a colorbar and optional quiver, point and polyline
 * overlays in Java2D; all three are {@link ai.craik.report.Figure}s with {@code savePng(Path)}.
 * {@link ai.craik.report.RunReport} writes one self-contained page per run that links the figures by
 * relative path. {@link ai.craik.report.ObservationImage} shows a uint8 image observation [C, H, W]
 * (given as bytes) enlarged with trails, markers and a label; {@link ai.craik.report.ImageGrid} lays
 * pictures out in a grid (a figure of panels or one animation frame); {@link
 * ai.craik.report.GifWriter} writes animated GIFs (one shared palette, per-frame delays, looping);
 * {@link ai.craik.report.TwoRoomsFigures} draws the Two Rooms environment's layouts, trajectories
 * and tasks from its renderer. Drawing is headless ({@code java.awt.headless=true} unless set
 * otherwise) and files are written atomically.
 */
package ai.craik.report;
