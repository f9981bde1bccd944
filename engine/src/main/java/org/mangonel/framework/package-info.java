/**
 * The lifecycle of a framework under test: free port, requirements, start, readiness, CPU and
 * memory sampling, stop. Nothing here knows how load is generated.
 *
 * <pre>
 *   requires (each command must exit 0)  ──fail──▶ skipped, with the hint
 *   pick a free port, substitute {port}
 *   start: setsid /bin/sh -c CMD  (own session and process group; stdout+stderr → logs/NAME.log)
 *   ready: poll until the port accepts  ──exits / times out──▶ failed, with the log's last lines
 *   ...trials (a ProcessTreeSampler watches the session's processes during each window)...
 *   stop: SIGTERM to the group → wait up to the grace period → SIGKILL to every process left in
 *         the session (so nothing is ever left behind, even a child that changed its group)
 * </pre>
 * Process sampling reads {@code /proc}; on systems without it the figures are absent, not guessed.
 */
package org.mangonel.framework;
