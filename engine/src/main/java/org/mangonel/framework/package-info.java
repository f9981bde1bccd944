/**
 * The processes of a framework under test: free port ({@code FreePort}), short shell commands
 * ({@code Shell}: requirements, version probes), start, readiness, stop ({@code ServerProcess}),
 * CPU pinning ({@code CpuAffinity}), and CPU and memory sampling ({@code ProcessTreeSampler} over
 * {@code ProcFs}). Nothing here knows how load is generated. {@code run.FrameworkRun} drives the
 * steps below and builds the command line; this package runs it.
 *
 * <pre>
 *   requires: /bin/sh -c REQ (each must exit 0)  ──fail──▶ skipped, with the hint
 *   pick a free port, substitute {port}
 *   start: [setsid] [taskset -c CPUS] /bin/sh -c CMD                        (start: CMD)
 *          [setsid] [taskset -c CPUS] JAVA … org.mangonel.cli.Main serve NAME --host H --port P
 *                                                       (a built-in server: no shell)
 *          stdout+stderr → logs/NAME.log
 *          setsid, when installed, gives the server its own session and process group;
 *          taskset only for cpus:, when it is installed and the CPUs exist (else a note, unpinned)
 *   ready: poll until the port accepts  ──exits / times out──▶ failed, with the log's last lines
 *   ...trials (a ProcessTreeSampler watches the session's processes during each window)...
 *   stop: SIGTERM to the group → wait up to the grace period → SIGKILL to every process left in
 *         the session (so nothing is ever left behind, even a child that changed its group)
 * </pre>
 * The group, session and sampling steps rely on {@code setsid}. Without it the server stays in
 * the engine's own session and process group, and where {@code /proc} exists the session-wide
 * steps find none of its processes: the sampler reports none, and {@code stop} neither waits for
 * them nor kills them (only the server's descendants get SIGTERM).
 * Process sampling reads {@code /proc}; on systems without it the figures are absent, not guessed.
 *
 * <p>Threads: the run's thread starts, checks and stops processes; each measured window's
 * {@code ProcessTreeSampler} samples on its own thread ({@code mangonel-sampler}); a signal
 * handler may call {@code ServerProcess.kill} from another thread.
 */
package org.mangonel.framework;
