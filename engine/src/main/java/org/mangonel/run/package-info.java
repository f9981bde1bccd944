/**
 * The conductor of a run: walks the {@code plan}, drives {@code framework} (start, ready, stop),
 * each benchmark's protocol (verify, load) and {@code report} (results, pages), and decides each
 * framework's, level's and window's status (typed: {@code ResultsModel}'s status enums).
 * {@link org.mangonel.run.Runner} walks benchmarks and frameworks; {@code FrameworkRun} is one
 * framework's lifecycle; {@code Trials} its level and repetition loop; {@code Verdicts} how
 * statuses follow from what was measured. It is the one place besides {@code cli} that sees all the
 * others; it owns no protocol, socket or template detail itself. (DESIGN.md's table has no row
 * for this; the orchestration would otherwise sit in {@code cli}, which should only parse
 * options and map outcomes to exit codes.)
 *
 * <pre>
 *   for each benchmark, for each framework:
 *     requires ──fail──▶ skipped          version probe
 *     start (own session, log file) → ready ──fail──▶ failed (+ log tail)
 *     verify (the protocol's check, on the load's client code) ──fail──▶ failed
 *     for each level, for each repetition: warm-up + measured window (server sampled)
 *     stop (TERM, grace, KILL); results.json rewritten (atomically) after every framework
 *   interrupted: the window stops, the server is stopped, the frameworks not reached are
 *   listed as not run, and results.json and the pages are written
 *   results.json → report.md, report.html
 * </pre>
 */
package org.mangonel.run;
