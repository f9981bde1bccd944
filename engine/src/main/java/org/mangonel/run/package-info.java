/**
 * The conductor of a run: walks the {@code plan}, drives {@code framework} (start, ready, stop)
 * and each benchmark's protocol through the seam (verify, load), and keeps {@code results.json}
 * up to date; decides each framework's, level's and window's status (typed:
 * {@code ResultsModel}'s status enums). The pages are not rendered here: {@code cli.EngineCommand}
 * renders them from what {@link org.mangonel.run.Runner#run()} returns, turned into the results
 * file's records by {@code report.Results}.
 *
 * <p>{@link org.mangonel.run.Runner} walks benchmarks and frameworks (pinning the client to its
 * CPUs per benchmark) and rewrites {@code results.json} after every framework, through
 * {@code report.Results} (live results to records) and {@code results.ResultsJson} (an atomic
 * write). {@code FrameworkRun} is one framework's lifecycle; {@code Trials} its level and
 * repetition loop, each window a {@code LoadRun} from the protocol, its {@code .hlog} written by
 * {@code IntervalLog}; {@code CapacitySearch} replaces that loop when a benchmark asks for
 * capacity (measuring through {@code Measurer}, which {@code Trials} implements); {@code Verdicts}
 * says how statuses follow from what was measured. {@code Endpoints} resolves a framework's URL
 * to an endpoint over plain TCP or TLS; {@code Timetable} and {@code Schedule} fix each window's
 * start when the run has a common start ({@code --start-at}, sharded runs); {@code OutputFolder}
 * makes the run's folder; {@code EnvironmentProbe} describes the machine. It uses the protocol
 * seam only, never a protocol package, and owns no socket or template detail.
 *
 * <pre>
 *   for each benchmark, for each framework:
 *     requires ──fail──▶ skipped          version probe
 *     {port} picked (when the URL has one), URL resolved (Endpoints)
 *     start (own session, log file) → ready ──fail──▶ failed (+ log tail)
 *       (or, for a framework reached by URL: wait until it accepts connections)
 *     verify (the protocol's check, on the load's client code) ──fail──▶ failed
 *     for each level, for each repetition: warm-up + measured window + drain (server sampled),
 *       at its Timetable slot when scheduled        (or: the capacity search's probes, then its level,
 *       and a lower load's when that level did not hold the SLO, at most twice)
 *     stop (TERM, grace, KILL); results.json rewritten (atomically) after every framework
 *   interrupted: the window stops, the server is stopped, the frameworks not reached are
 *   listed as not run, and results.json is written; Runner.run returns normally
 *   then, in cli.EngineCommand: Results.file(what run returned) → report.md, report.html
 * </pre>
 *
 * <p>Threads: everything here runs on the run's thread, except {@code RunControl}, through which
 * a signal handler ({@code cli.Interrupts}, calling {@code Runner.interrupt}, {@code hurry} or
 * {@code killNow}) stops the current window or kills the current server from another thread.
 */
package org.mangonel.run;
