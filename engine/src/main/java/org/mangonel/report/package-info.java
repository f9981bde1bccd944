/**
 * From what a run measured to what people read: the live results' model, their conversion into
 * the results file's records, level summaries, thresholds, the pages and their charts, CSV and
 * comparisons. The file itself, {@code results.json}, is the {@code results} package's: its
 * records, and {@code results.ResultsJson}, which reads and writes it.
 *
 * <h2>Data flow</h2>
 * <pre>
 *   run.Runner collects ResultsModel records (live: RunStats, status enums)
 *     └─ Results.file ──▶ results.ResultsFile records: each protocol adds its part (describe,
 *          figures), each level gets its Summaries.of and Thresholds.check, the run its
 *          Thresholds.verdict
 *          ├─ run.Runner: results.ResultsJson.write ──▶ results.json (after every framework)
 *          └─ cli.EngineCommand, after the run: ReportRenderer.renderDefaults(records)
 *               = ResultsJson.tree(records) ──▶ report.md.ftl, report.html.ftl ──▶ report.md, report.html
 *   engine report results.json:  ResultsJson.read ──▶ tree ──▶ the same templates (or the user's);
 *                                --format csv: CsvExport ──▶ results.csv
 *   engine compare A B:          ResultsJson.read both ──▶ Comparison ──▶ compare.md, compare.html
 *   engine merge:                shard.Merge uses Summaries and Thresholds on the added windows
 * </pre>
 * The pages are always rendered from the tree of a {@code ResultsFile} (maps, lists, strings,
 * numbers, booleans), never from live recorders, whether right after a run or later from the
 * file, so a re-render gives the same page ({@code ReportRendererTest} checks it).
 * {@link org.mangonel.report.Summaries} computes a level's summary from the runs as the file
 * holds them, so a merge or a re-render computes exactly what the run did.
 *
 * <h2>The pieces</h2>
 * <ul>
 *   <li>{@link org.mangonel.report.ResultsModel}: the typed live results and the status enums;
 *       {@link org.mangonel.report.Results}: their conversion into the file's records.</li>
 *   <li>{@link org.mangonel.report.Summaries}: a level's summary (best, median or mean) and its
 *       spread; {@link org.mangonel.report.Thresholds}: each level's checks and the run's verdict.</li>
 *   <li>{@link org.mangonel.report.ReportRenderer}: FreeMarker, with the built-in templates packed
 *       in the jar or a user's folder, and each protocol's fragment
 *       ({@code protocols/NAME.md.ftl}, {@code NAME.html.ftl}); {@code Formats}: the number
 *       formatting functions templates call.</li>
 *   <li>{@link org.mangonel.report.CsvExport}: one CSV row per measured window.</li>
 *   <li>{@link org.mangonel.report.Comparison}: two runs side by side, each change better, worse
 *       or within noise.</li>
 *   <li>{@link org.mangonel.report.charts} draws SVG charts (percentile distributions, per-second
 *       series, latency against throughput, bars with whiskers); {@code Formats} offers them to
 *       every template as functions ({@code percentileChart}, {@code timeSeriesChart},
 *       {@code curveChart}, {@code barChart}, {@code colorOf}); the shipped {@code report.html.ftl} and
 *       {@code compare.html.ftl} draw every chart with them.</li>
 * </ul>
 *
 * <p>Templates are sandboxed: they cannot instantiate classes ({@code ?new}) or reach the Java
 * API, and templates named {@code *.html.ftl} escape everything they print, so a framework named
 * {@code <script>} is shown as text. Everything here is stateless except a
 * {@code ReportRenderer}, which belongs to one rendering job, and the chart functions' palette,
 * made for each page rendered; all of it runs on the calling thread, after measuring.
 */
package org.mangonel.report;
