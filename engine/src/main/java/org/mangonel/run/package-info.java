/**
 * The conductor of a run: walks the {@code plan}, drives {@code target} (start, ready, stop),
 * {@code load} (verify, measure) and {@code report} (results, pages), and decides each
 * framework's and level's status. It is the one place besides {@code cli} that sees all the
 * others; it owns no protocol, socket or template detail itself. (DESIGN.md's table has no row
 * for this; the orchestration would otherwise sit in {@code cli}, which should only parse
 * options and map outcomes to exit codes.)
 *
 * <pre>
 *   for each benchmark, for each framework:
 *     requires ──fail──▶ skipped          version probe
 *     start (own session, log file) → ready ──fail──▶ failed (+ log tail)
 *     verify each URL ──fail──▶ failed
 *     for each level, for each repetition: warm-up + measured window (server sampled)
 *     stop (TERM, grace, KILL); results.json rewritten (atomically) after every framework
 *   results.json → report.md, report.html
 * </pre>
 */
package org.mangonel.run;
