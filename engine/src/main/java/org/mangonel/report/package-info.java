/**
 * Results and reports: the results tree as {@code results.json}, and its rendering through
 * FreeMarker templates into {@code report.md} and {@code report.html}.
 *
 * <p>{@code results.json} is the single source of truth: a report is always rendered from the
 * parsed JSON tree (maps, lists, strings, numbers, booleans), whether right after a run or later
 * with {@code engine report results.json}, so a re-render gives the same page. The renderer
 * runs only after measuring and never sees live recorders.
 *
 * <p>Templates are sandboxed: they cannot instantiate classes ({@code ?new}) or reach the Java
 * API, and the HTML template escapes everything it prints, so a framework named
 * {@code <script>} is shown as text.
 */
package org.mangonel.report;
