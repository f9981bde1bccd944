/**
 * Mangonel's own small SVG chart library for the HTML report: percentile distributions on a
 * log "nines" axis, per-second time series, latency against throughput curves and bar charts
 * with min–max whiskers. No dependency, no JavaScript, no external reference; the markup is
 * deterministic (same input, same bytes) and every text put into it is XML-escaped.
 *
 * <p>Templates reach it through {@link org.mangonel.report.charts.ChartFunctions}, which turns
 * the results tree's maps into the typed inputs of {@link org.mangonel.report.charts.PercentileChart},
 * {@link org.mangonel.report.charts.TimeSeriesChart}, {@link org.mangonel.report.charts.CurveChart}
 * and {@link org.mangonel.report.charts.BarChart}.
 *
 * <p>Design rules shared by all charts:
 * <ul>
 *   <li>760 px wide {@code viewBox}, scaled down with the page ({@code max-width: 100%});
 *       text sizes in px, the font inherited from the page.</li>
 *   <li>Legends sit outside the plot area, below it; nothing is shown only on hover
 *       ({@code <title>} elements add exact values as tooltips).</li>
 *   <li>One color per framework across a page ({@link org.mangonel.report.charts.Palette},
 *       Okabe–Ito colors), each also with its own marker shape (and, for percentile lines,
 *       dash pattern), so charts stay readable in greyscale print and for common color-vision
 *       deficiencies.</li>
 *   <li>Ticks at 1, 2, 5 × 10ⁿ. Latency axes are linear from zero unless the data span more
 *       than {@link org.mangonel.report.charts.Scale#LOG_RATIO}× (the highest value plotted
 *       over the lowest median), then logarithmic; see {@link org.mangonel.report.charts.Scale#latency}.</li>
 * </ul>
 */
package org.mangonel.report.charts;
